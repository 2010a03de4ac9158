import { act } from 'react'
import { createRoot } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { EventView } from '@tablecloth/shared'
import { useLanguage } from '../i18n/languageStore'
import { useControlStore } from './controlStore'
import { StationControls } from './StationControls'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true

function viewAt(currentStation: number): EventView {
  return {
    id: 'ev1',
    config: {
      title: 'Zukunftswerkstatt',
      date: '2026-11-25',
      venue: 'Halle',
      tables: [{ id: 't1', topic: 'Sprache', moderator: 'Ana' }],
      stations: [
        { id: 's1', title: 'Ankommen', columns: ['Was läuft gut?'], durationMinutes: 45 },
        { id: 's2', title: 'Ideen', columns: ['Was brauchen wir?'], durationMinutes: 30 },
        { id: 's3', title: 'Abschluss', columns: ['Was nehmen wir mit?'], durationMinutes: 30 },
      ],
      groups: [],
    } as unknown as EventView['config'],
    currentStation,
    timer: { durationSeconds: 2700, runningSince: null, elapsedBeforeSeconds: 0 },
    serverTime: 0,
    createdAt: '2026-11-25T08:00:00.000Z',
    expiresAt: null,
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  })
}

/** The event's server: the day stands at `station`; a change from elsewhere moves it. */
class FakeServer {
  station = 1
  stationChanges: unknown[] = []

  fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const path = String(input)
    const method = init.method ?? 'GET'
    if (method === 'POST' && path === '/api/events/ev1/stations/next') {
      const body = JSON.parse(String(init.body)) as { from?: number }
      this.stationChanges.push(body)
      if (body.from !== undefined && body.from !== this.station) {
        return json(409, {
          error: { code: 'conflict', message: 'the day has moved on', field: 'from' },
        })
      }
      this.station += 1
      return json(200, { view: viewAt(this.station), snapshots: [] })
    }
    if (path === '/api/time') return json(200, { serverTime: Date.now() })
    if (path === '/api/events/ev1') return json(200, viewAt(this.station))
    if (path === '/api/events/ev1/overview') return json(200, { tables: [], serverTime: 0 })
    if (path === '/api/events/ev1/snapshots') return json(200, { snapshots: [] })
    return json(404, { error: { code: 'not_found', message: path } })
  }
}

let server: FakeServer

beforeEach(() => {
  server = new FakeServer()
  vi.stubGlobal('fetch', server.fetch)
  useLanguage.setState({ language: 'de', tldrawLocale: 'de' })
  useControlStore.setState({
    eventId: 'ev1',
    token: 'organiser-secret',
    view: viewAt(1),
    error: null,
    busy: null,
    notice: null,
  })
})

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('changing the station', () => {
  it('says which station it starts from', async () => {
    await useControlStore.getState().advance()
    expect(server.stationChanges).toEqual([{ from: 1 }])
    expect(useControlStore.getState().view?.currentStation).toBe(2)
    expect(useControlStore.getState().notice).toBeNull()
  })

  it('says so and shows the day as it is when the station was changed in the meantime', async () => {
    server.station = 2 // another control room was quicker
    await useControlStore.getState().advance()

    expect(server.stationChanges).toEqual([{ from: 1 }])
    const state = useControlStore.getState()
    expect(state.notice).toEqual({ kind: 'stationMoved' })
    expect(state.error).toBeNull()
    expect(state.view?.currentStation).toBe(2)
    expect(state.busy).toBeNull()

    const container = document.createElement('div')
    document.body.append(container)
    const root = createRoot(container)
    act(() => root.render(<StationControls view={state.view!} />))
    expect(container.querySelector('[role="alert"]')?.textContent).toBe(
      'Die Station wurde inzwischen schon gewechselt, hier oder in einem anderen Kontrollraum: Jetzt läuft „Abschluss“. Prüfe, ob du wirklich noch weiterschalten willst.',
    )
    act(() => useLanguage.getState().setLanguage('en'))
    expect(container.querySelector('[role="alert"]')?.textContent).toContain(
      'The station has already been changed in the meantime',
    )

    // The next change starts from the station now shown, and clears the message.
    await act(() => useControlStore.getState().advance())
    expect(server.stationChanges.at(-1)).toEqual({ from: 2 })
    expect(container.querySelector('[role="alert"]')).toBeNull()
    act(() => root.unmount())
    container.remove()
  })
})
