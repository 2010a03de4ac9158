import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type {
  CreateEventResponse,
  EventView,
  HiddenNote,
  ResultNote,
  Results,
} from '@tablecloth/shared'
import { oneStationResults } from '@tablecloth/shared/testing'
import { useLanguage } from '../../i18n/languageStore'
import { useControlStore } from '../controlStore'
import { ResultsPanel } from './ResultsPanel'
import { useResultsStore } from './resultsStore'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true

const TOKEN = 'organiser-secret'

const view: EventView = {
  id: 'ev1',
  config: {
    title: 'Zukunftswerkstatt',
    date: '2026-11-25',
    venue: 'Halle',
    tables: [{ id: 't1', topic: 'Sprache', moderator: 'Ana' }],
    stations: [
      {
        id: 's1',
        title: 'Station 1',
        columns: ['Was läuft gut?', 'Wo hakt es?'],
        durationMinutes: 45,
      },
      { id: 's2', title: 'Station 2', columns: ['Was brauchen wir?'], durationMinutes: 30 },
    ],
    groups: [],
  } as unknown as EventView['config'],
  currentStation: 0,
  timer: { durationSeconds: 2700, runningSince: null, elapsedBeforeSeconds: 0 },
  serverTime: 0,
  createdAt: '2026-11-25T08:00:00.000Z',
  expiresAt: null,
}

const links: CreateEventResponse['links'] = {
  control: 'http://localhost/e/ev1/control',
  gallery: 'http://localhost/e/ev1/gallery#token=viewer',
  tables: [],
  groups: [],
}

/** A server of one table holding three notes in station 1, and the hidden notes. */
class FakeServer {
  notes: Array<ResultNote & { column: number }> = [
    { id: 'shape:a', text: 'Sprachcafé', votes: 2, column: 0 },
    { id: 'shape:b', text: 'Hans Müller anrufen', votes: 0, column: 0 },
    { id: 'shape:c', text: 'Mehr KiTa-Plätze', votes: 0, column: 1 },
  ]
  hidden = new Map<string, HiddenNote>()
  requests: Array<{ method: string; url: string; authorization: string | null; body: unknown }> = []
  /** Answers the next PUT with this error instead. */
  failNextHide: { status: number; body: unknown } | null = null

  fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = String(input)
    const method = init.method ?? 'GET'
    const headers = new Headers(init.headers)
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined
    this.requests.push({ method, url, authorization: headers.get('authorization'), body })
    const path = new URL(url, 'http://localhost').pathname
    const json = (status: number, data: unknown) =>
      new Response(data === null ? null : JSON.stringify(data), {
        status,
        headers: { 'content-type': 'application/json' },
      })

    if (path === '/api/events/ev1/results.json') return json(200, this.results())
    if (path === '/api/events/ev1/hidden-notes')
      return json(200, { hiddenNotes: [...this.hidden.values()] })
    const noteMatch = /^\/api\/events\/ev1\/hidden-notes\/(.+)$/.exec(path)
    if (noteMatch) {
      const noteId = decodeURIComponent(noteMatch[1]!)
      if (method === 'PUT') {
        if (this.failNextHide) {
          const failure = this.failNextHide
          this.failNextHide = null
          return json(failure.status, failure.body)
        }
        const note = this.notes.find((entry) => entry.id === noteId)!
        const entry: HiddenNote = {
          noteId,
          tableId: 't1',
          hiddenAt: '2026-11-25T10:45:00.000Z',
          text: note.text,
          stationId: 's1',
          columnIndex: note.column,
        }
        this.hidden.set(noteId, entry)
        return json(201, { hiddenNote: entry })
      }
      if (method === 'DELETE') {
        this.hidden.delete(noteId)
        return new Response(null, { status: 204 })
      }
    }
    if (path === '/api/events/ev1/results.csv') {
      const name = '2026-11-25 Zukunftswerkstatt – Ergebnisse.csv'
      return new Response('\ufeffevent,table\r\n', {
        status: 200,
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="x.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
        },
      })
    }
    if (path === '/api/events/ev1/results.pdf') {
      return json(404, {
        error: { code: 'not_found', message: 'No results format "pdf": one of json, csv' },
      })
    }
    return json(404, { error: { code: 'not_found', message: 'No such API route' } })
  }

  results(): Results {
    const visible = this.notes.filter((note) => !this.hidden.has(note.id))
    const column = (index: number) =>
      visible.filter((note) => note.column === index).map(({ column: _column, ...note }) => note)
    return oneStationResults([column(0), column(1)], [], {
      id: 'ev1',
      title: 'Zukunftswerkstatt',
      date: '2026-11-25',
      venue: 'Halle',
    })
  }
}

let server: FakeServer
let container: HTMLElement
let root: Root

async function settle() {
  // Lets the fake fetches and the store's follow-up loads finish.
  for (let round = 0; round < 5; round++)
    await act(async () => new Promise((resolve) => setTimeout(resolve, 0)))
}

async function render() {
  container = document.createElement('div')
  document.body.append(container)
  root = createRoot(container)
  act(() => root.render(<ResultsPanel view={view} links={links} />))
  await settle()
}

function button(name: string, within: ParentNode = container): HTMLButtonElement {
  const found = [...within.querySelectorAll('button')].filter(
    (entry) => entry.textContent?.trim() === name,
  )
  if (found.length !== 1) throw new Error(`${found.length} buttons "${name}"`)
  return found[0]!
}

function reviewItem(text: string): HTMLElement {
  const item = [...container.querySelectorAll<HTMLElement>('[data-testid="review-note"]')].find(
    (entry) => entry.querySelector('.note-review__text')?.textContent?.includes(text),
  )
  if (!item) throw new Error(`no review entry "${text}"`)
  return item
}

function reviewTexts(): string[] {
  return [...container.querySelectorAll('[data-testid="review-note"] .note-review__text')].map(
    (entry) => entry.textContent ?? '',
  )
}

const objectUrls = { create: URL.createObjectURL, revoke: URL.revokeObjectURL }

/** Object URLs for downloaded files, all named `url`. */
function stubObjectUrls(url: string) {
  URL.createObjectURL = () => url
  URL.revokeObjectURL = () => {}
}

beforeEach(() => {
  server = new FakeServer()
  vi.stubGlobal('fetch', server.fetch)
  useLanguage.setState({ language: 'de', tldrawLocale: 'de' })
  useControlStore.setState({ eventId: 'ev1', token: TOKEN })
})

afterEach(() => {
  act(() => root.unmount())
  container.remove()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  URL.createObjectURL = objectUrls.create
  URL.revokeObjectURL = objectUrls.revoke
  useResultsStore.getState().reset()
})

describe('the review before publishing', () => {
  it('lists the notes per column and hides one in place, with the token in the header', async () => {
    await render()
    expect(reviewTexts()).toEqual(['Sprachcafé', 'Hans Müller anrufen', 'Mehr KiTa-Plätze'])
    expect(container.querySelector('[data-testid="hidden-notes"]')?.textContent).toContain(
      'Keine Notiz ist ausgeblendet.',
    )

    await act(async () => button('Ausblenden', reviewItem('Hans Müller')).click())
    await settle()

    const put = server.requests.find((request) => request.method === 'PUT')!
    expect(put.url).toBe('/api/events/ev1/hidden-notes/shape%3Ab')
    expect(put.body).toEqual({ tableId: 't1' })
    expect(server.requests.every((request) => request.authorization === `Bearer ${TOKEN}`)).toBe(
      true,
    )
    expect(server.requests.every((request) => !request.url.includes(TOKEN))).toBe(true)

    // Still in its place, marked, and offered back.
    expect(reviewTexts()).toEqual(['Sprachcafé', 'Hans Müller anrufen', 'Mehr KiTa-Plätze'])
    const item = reviewItem('Hans Müller')
    expect(item.dataset.hidden).toBe('true')
    expect(item.textContent).toContain('Ausgeblendet')
    expect(button('Wieder zeigen', item).getAttribute('aria-describedby')).toBe(
      'review-note-shape:b',
    )
    expect(
      container.querySelector('[role="status"][data-testid="review-status"]')?.textContent,
    ).toBe('„Hans Müller anrufen“ ist ausgeblendet und fehlt in den Ergebnissen.')
    const hiddenList = container.querySelector<HTMLElement>('[data-testid="hidden-notes"]')!
    expect(hiddenList.querySelector('h4')?.textContent).toBe('Ausgeblendete Notizen (1)')
    expect(hiddenList.textContent).toContain('Sprache · Station 1 · Was läuft gut?')

    // "Wieder zeigen" in the hidden list brings it back and keeps the keyboard in the list.
    await act(async () => button('Wieder zeigen', hiddenList).click())
    await settle()
    expect(server.requests.some((request) => request.method === 'DELETE')).toBe(true)
    expect(reviewItem('Hans Müller').dataset.hidden).toBe('false')
    expect(hiddenList.querySelector('h4')?.textContent).toBe('Ausgeblendete Notizen (0)')
    expect(document.activeElement).toBe(hiddenList.querySelector('h4'))
  })

  it('says in the user’s language why a note could not be hidden', async () => {
    useLanguage.setState({ language: 'en', tldrawLocale: 'en' })
    await render()
    server.failNextHide = {
      status: 404,
      body: { error: { code: 'not_found', message: 'No note', field: 'noteId' } },
    }
    await act(async () => button('Hide', reviewItem('Hans Müller')).click())
    await settle()
    expect(container.querySelector('[role="alert"]')?.textContent).toBe(
      'The note could not be hidden: This note no longer exists. The list is up to date now.',
    )
    expect(reviewItem('Hans Müller').dataset.hidden).toBe('false')
  })
})

describe('the downloads', () => {
  it('fetch the file with the token in the header, in the UI language, and save it under the server’s name', async () => {
    const saved: Array<{ download: string; href: string }> = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push({ download: this.download, href: this.href })
    })
    stubObjectUrls('blob:http://localhost/file')
    await render()

    act(() => useLanguage.setState({ language: 'en', tldrawLocale: 'en' }))
    await act(async () => button('CSV').click())
    await settle()

    const request = server.requests.find((entry) => entry.url.includes('results.csv'))!
    expect(request.url).toBe('/api/events/ev1/results.csv?lang=en')
    expect(request.authorization).toBe(`Bearer ${TOKEN}`)
    expect(saved).toEqual([
      {
        download: '2026-11-25 Zukunftswerkstatt – Ergebnisse.csv',
        href: 'blob:http://localhost/file',
      },
    ])
    expect(container.querySelector('[data-testid="results-download-status"]')?.textContent).toBe(
      'Downloaded “2026-11-25 Zukunftswerkstatt – Ergebnisse.csv”.',
    )
  })

  it('narrow to the chosen table and station', async () => {
    await render()
    const select = (testId: string, value: string) => {
      const element = container.querySelector<HTMLSelectElement>(`[data-testid="${testId}"]`)!
      act(() => {
        element.value = value
        element.dispatchEvent(new Event('change', { bubbles: true }))
      })
    }
    select('results-table', 't1')
    select('results-station', 's1')
    await settle()
    // Only started stations can be chosen.
    const stations = container.querySelectorAll('[data-testid="results-station"] option')
    expect([...stations].map((option) => option.textContent)).toEqual([
      'Alle Stationen',
      'Station 1',
    ])
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    stubObjectUrls('blob:x')
    await act(async () => button('CSV').click())
    await settle()
    expect(server.requests.map((entry) => entry.url)).toContain(
      '/api/events/ev1/results.csv?table=t1&station=s1&lang=de',
    )
    expect(server.requests.map((entry) => entry.url)).toContain(
      '/api/events/ev1/results.json?table=t1&station=s1',
    )
  })

  it('say so when the server does not offer a format yet', async () => {
    await render()
    await act(async () => button('PDF').click())
    await settle()
    expect(container.querySelector('[role="alert"]')?.textContent).toBe(
      'PDF konnte nicht heruntergeladen werden: Dieser Server bietet das Format noch nicht an.',
    )
  })
})

describe('the gallery', () => {
  it('links the plenary gallery and shows its QR code on request', async () => {
    await render()
    const gallery = container.querySelector<HTMLElement>('[data-testid="results-gallery"]')!
    expect(gallery.querySelector('h3')?.textContent).toBe('Sichtung der Ergebnisse (Galerie)')
    expect(gallery.querySelector('a')?.getAttribute('href')).toBe(links.gallery)
    const toggle = button('QR-Code der Galerie zeigen', gallery)
    expect(toggle.getAttribute('aria-expanded')).toBe('false')
    act(() => toggle.click())
    expect(button('QR-Code der Galerie ausblenden', gallery).getAttribute('aria-expanded')).toBe(
      'true',
    )
  })
})
