import { describe, expect, it } from 'vitest'
import type { SaveThemesRequest, ThemesResponse } from '@tablecloth/shared'
import { ApiError } from '../../api/apiClient'
import { ThemeSaver, type Scheduler } from './ThemeSaver'

/** A server whose answers the test gives one by one, and a clock the test moves. */
function setUp() {
  const calls: { body: SaveThemesRequest; answer: (ok: boolean, error?: ApiError) => void }[] = []
  const waits: { seconds: number; run: () => void; cancelled: boolean }[] = []
  const saved: ThemesResponse[] = []
  const scheduler: Scheduler = {
    later(seconds, run) {
      const wait = { seconds, run, cancelled: false }
      waits.push(wait)
      return () => {
        wait.cancelled = true
      }
    },
  }
  const put = (body: SaveThemesRequest) =>
    new Promise<ThemesResponse>((resolve, reject) => {
      calls.push({
        body,
        answer: (ok, error) =>
          ok
            ? resolve({ themes: body.themes.map((t) => ({ ...t, notes: [] })), editable: true })
            : reject(error ?? new ApiError(0, 'network', 'down')),
      })
    })
  const repair = (error: ApiError) =>
    error.code === 'unknown_notes' ? { themes: [{ title: 'Repariert', noteIds: [] }] } : null
  const saver = new ThemeSaver(put, (response) => saved.push(response), scheduler, repair)
  return { saver, calls, waits, saved }
}

const body = (title: string): SaveThemesRequest => ({ themes: [{ title, noteIds: ['a'] }] })
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('ThemeSaver', () => {
  it('sends one save at a time and then only the newest state', async () => {
    const { saver, calls, saved } = setUp()
    saver.save(body('Eins'))
    saver.save(body('Zwei'))
    saver.save(body('Drei'))
    expect(calls.map((call) => call.body)).toEqual([body('Eins')])
    calls[0]?.answer(true)
    await settle()
    expect(calls.map((call) => call.body)).toEqual([body('Eins'), body('Drei')])
    // The answer to an overtaken state is not shown.
    expect(saved).toEqual([])
    calls[1]?.answer(true)
    await settle()
    expect(saver.getStatus()).toEqual({ state: 'saved' })
    expect(saved[0]?.themes[0]?.title).toBe('Drei')
    expect(saver.hasUnsaved()).toBe(false)
  })

  it('keeps a failed state and tries it again by itself until it is saved', async () => {
    const { saver, calls, waits } = setUp()
    saver.save(body('Eins'))
    calls[0]?.answer(false)
    await settle()
    expect(saver.getStatus()).toMatchObject({ state: 'failed', retrying: true })
    expect(saver.hasUnsaved()).toBe(true)
    expect(waits).toHaveLength(1)
    waits[0]?.run()
    expect(calls[1]?.body).toEqual(body('Eins'))
    calls[1]?.answer(false)
    await settle()
    // Backs off: the second wait is longer than the first.
    expect(waits[1]?.seconds).toBeGreaterThan(waits[0]?.seconds ?? 0)
    waits[1]?.run()
    calls[2]?.answer(true)
    await settle()
    expect(saver.getStatus()).toEqual({ state: 'saved' })
  })

  it('sends a new edit at once after a failure, with everything done before it', async () => {
    const { saver, calls, waits } = setUp()
    saver.save(body('Eins'))
    calls[0]?.answer(false, new ApiError(503, 'storage_failure', 'busy'))
    await settle()
    saver.save(body('Zwei'))
    expect(waits[0]?.cancelled).toBe(true)
    expect(calls[1]?.body).toEqual(body('Zwei'))
  })

  it('does not retry a refused link, but keeps the state for the next edit', async () => {
    const { saver, calls, waits } = setUp()
    saver.save(body('Eins'))
    calls[0]?.answer(false, new ApiError(403, 'forbidden', 'no'))
    await settle()
    expect(saver.getStatus()).toMatchObject({ state: 'failed', retrying: false })
    expect(waits).toHaveLength(0)
    expect(saver.hasUnsaved()).toBe(true)
  })

  it('sends a mended state at once when the server names notes that are gone', async () => {
    const { saver, calls, waits } = setUp()
    saver.save(body('Eins'))
    calls[0]?.answer(
      false,
      new ApiError(400, 'unknown_notes', 'gone', undefined, { noteIds: ['a'] }),
    )
    await settle()
    expect(calls[1]?.body).toEqual({ themes: [{ title: 'Repariert', noteIds: [] }] })
    expect(waits).toHaveLength(0)
    calls[1]?.answer(true)
    await settle()
    expect(saver.getStatus()).toEqual({ state: 'saved' })
  })
})
