import { beforeEach, describe, expect, it } from 'vitest'
import { MAX_REMEMBERED_EVENTS, useMyEvents, type RememberedEvent } from './myEventsStore'

const event = (id: string): RememberedEvent => ({
  id,
  title: `Café ${id}`,
  date: '2026-03-12',
  controlLink: `http://localhost/e/${id}/control#token=secret`,
  createdAt: '2026-03-01T10:00:00.000Z',
})

beforeEach(() => {
  localStorage.clear()
  useMyEvents.setState({ events: [] })
})

describe('events on this device', () => {
  it('lists the newest first, once each', () => {
    useMyEvents.getState().remember(event('a'))
    useMyEvents.getState().remember(event('b'))
    useMyEvents.getState().remember(event('a'))
    expect(useMyEvents.getState().events.map((known) => known.id)).toEqual(['a', 'b'])
  })

  it(`keeps at most ${MAX_REMEMBERED_EVENTS}`, () => {
    for (let i = 0; i < MAX_REMEMBERED_EVENTS + 5; i++)
      useMyEvents.getState().remember(event(`e${i}`))
    const { events } = useMyEvents.getState()
    expect(events).toHaveLength(MAX_REMEMBERED_EVENTS)
    expect(events[0]?.id).toBe(`e${MAX_REMEMBERED_EVENTS + 4}`)
  })

  it('forgets an event', () => {
    useMyEvents.getState().remember(event('a'))
    useMyEvents.getState().forget('a')
    expect(useMyEvents.getState().events).toEqual([])
  })

  it('survives a reload and drops stored entries of the wrong shape', async () => {
    localStorage.setItem(
      'tablecloth.my-events',
      JSON.stringify({ state: { events: [event('a'), { id: 'b' }, 'c'] }, version: 1 }),
    )
    await useMyEvents.persist.rehydrate()
    expect(useMyEvents.getState().events).toEqual([event('a')])
  })
})
