import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type {
  EventView,
  SaveThemesRequest,
  SavedTheme,
  SuggestThemesResponse,
} from '@tablecloth/shared'
import { useLanguage } from '../../i18n/languageStore'
import { ThemesView } from './ThemesView'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true

const view = {
  id: 'ev1',
  config: {
    title: 'Zukunftswerkstatt',
    language: 'de',
    tables: [
      { id: 't1', topic: 'Familie', moderator: '' },
      { id: 't2', topic: 'Arbeit', moderator: '' },
      { id: 't3', topic: 'Sprache', moderator: '' },
    ],
    stations: [
      { id: 's1', title: 'Ankommen', columns: ['Was fehlt?'], durationMinutes: 30 },
      { id: 's2', title: 'Bleiben', columns: ['Was brauchen wir?'], durationMinutes: 30 },
    ],
    groups: [],
  },
  currentStation: 1,
} as unknown as EventView

const NOTES = {
  a: { tableId: 't1', stationId: 's1', text: 'Kinderbetreuung fehlt' },
  b: { tableId: 't2', stationId: 's2', text: 'Kinderbetreuungsangebote ausbauen' },
  c: { tableId: 't3', stationId: 's1', text: 'Mehr Kinderbetreuung am Nachmittag' },
  d: { tableId: 't2', stationId: 's1', text: 'Sprachkurse am Abend' },
  e: { tableId: 't3', stationId: 's2', text: 'دورات اللغة للأمهات' },
} as const
type NoteId = keyof typeof NOTES

/** The themes routes of one event, with the organiser's or the gallery's token. */
class FakeThemesServer {
  saved: SaveThemesRequest['themes'] = [{ title: 'Sprache', noteIds: ['d', 'e'] }]
  editable = true
  puts: SaveThemesRequest[] = []
  failPuts = 0

  resolved(): SavedTheme[] {
    return this.saved.map((theme) => ({
      ...theme,
      notes: theme.noteIds.map((noteId) => ({
        ...NOTES[noteId as NoteId],
        noteId,
        tableNumber: Number(NOTES[noteId as NoteId].tableId.slice(1)),
        tableTitle: '',
        stationTitle: '',
      })),
    }))
  }

  fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const path = new URL(String(input), 'http://localhost').pathname
    const method = init.method ?? 'GET'
    const json = (status: number, data: unknown) =>
      new Response(JSON.stringify(data), {
        status,
        headers: { 'content-type': 'application/json' },
      })
    if (path === '/api/events/ev1/themes' && method === 'GET') {
      return json(200, { themes: this.resolved(), editable: this.editable })
    }
    if (path === '/api/events/ev1/themes' && method === 'PUT') {
      const body = JSON.parse(String(init.body)) as SaveThemesRequest
      this.puts.push(body)
      if (this.failPuts > 0) {
        this.failPuts -= 1
        return json(503, { error: { code: 'storage_failure', message: 'disk full' } })
      }
      this.saved = body.themes
      return json(200, { themes: this.resolved(), editable: true })
    }
    if (path === '/api/events/ev1/themes/suggest' && method === 'POST') {
      const note = (noteId: NoteId) => ({ ...NOTES[noteId], noteId })
      const answer: SuggestThemesResponse = {
        themes: [
          {
            title: 'Kinderbetreuung',
            terms: ['kinderbetreuung'],
            notes: [note('a'), note('b'), note('c')],
          },
          { title: 'Sprachkurse', terms: ['sprach'], notes: [note('d'), note('e')] },
        ],
      }
      return json(200, answer)
    }
    return json(404, { error: { code: 'not_found', message: 'No such API route' } })
  }
}

let server: FakeThemesServer
let container: HTMLElement
let root: Root

async function settle() {
  for (let round = 0; round < 5; round++)
    await act(async () => new Promise((resolve) => setTimeout(resolve, 0)))
}

async function render() {
  container = document.createElement('div')
  document.body.append(container)
  root = createRoot(container)
  act(() => root.render(<ThemesView eventId="ev1" token="secret" view={view} />))
  await settle()
}

function byTestId(id: string, within: ParentNode = container): HTMLElement[] {
  return [...within.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)]
}

function themeCard(title: string): HTMLElement {
  const card = byTestId('theme').find((entry) => entry.dataset.themeTitle === title)
  if (!card) throw new Error(`no theme "${title}"`)
  return card
}

function noteTexts(card: HTMLElement): string[] {
  return [...card.querySelectorAll('.themes-note__text')].map((entry) =>
    (entry.textContent ?? '').replaceAll('\u00AD', ''),
  )
}

async function click(element: Element | undefined) {
  if (!element) throw new Error('nothing to click')
  await act(async () => (element as HTMLElement).click())
  await settle()
}

async function key(element: Element, init: KeyboardEventInit) {
  await act(async () => {
    element.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, ...init }))
  })
  await settle()
}

beforeEach(() => {
  server = new FakeThemesServer()
  vi.stubGlobal('fetch', server.fetch)
  useLanguage.setState({ language: 'de', tldrawLocale: 'de' })
})

afterEach(() => {
  act(() => root.unmount())
  container.remove()
  vi.unstubAllGlobals()
})

describe('ThemesView', () => {
  it('shows the gallery link each theme with its notes and where they were written, and nothing to edit', async () => {
    server.editable = false
    await render()
    const card = themeCard('Sprache')
    expect(noteTexts(card)).toEqual(['Sprachkurse am Abend', 'دورات اللغة للأمهات'])
    expect(card.textContent).toContain('Tisch 2 · Station 1')
    expect(card.textContent).toContain('Tisch 3 · Station 2')
    // Arabic runs right to left by itself, without a wrong language tag.
    const arabic = card.querySelectorAll<HTMLElement>('.themes-note__text')[1]!
    expect(arabic.getAttribute('dir')).toBe('auto')
    expect(arabic.hasAttribute('lang')).toBe(false)
    expect(container.querySelectorAll('button, input, select')).toHaveLength(0)
    expect(container.textContent).toContain('Nur ansehen')
  })

  it('offers suggestions apart, without notes saved themes hold, and saves one accepted', async () => {
    await render()
    await click(byTestId('themes-suggest')[0])
    const suggestions = byTestId('theme-suggestion')
    // "Sprachkurse" suggests only notes the saved "Sprache" already holds: not offered.
    expect(suggestions.map((entry) => entry.dataset.themeTitle)).toEqual(['Kinderbetreuung'])
    expect(suggestions[0]?.textContent).toContain('Vorschlag')
    expect(server.puts).toEqual([])

    await click(byTestId('theme-suggestion-accept', suggestions[0])[0])
    expect(byTestId('theme-suggestion')).toEqual([])
    expect(noteTexts(themeCard('Kinderbetreuung'))).toEqual([
      'Kinderbetreuung fehlt',
      'Kinderbetreuungsangebote ausbauen',
      'Mehr Kinderbetreuung am Nachmittag',
    ])
    expect(server.puts.at(-1)?.themes).toEqual([
      { title: 'Sprache', noteIds: ['d', 'e'] },
      { title: 'Kinderbetreuung', noteIds: ['a', 'b', 'c'] },
    ])
    expect(byTestId('themes-save-status')[0]?.textContent).toBe('Alles gespeichert')
  })

  it('renames by keyboard: Enter saves, Esc keeps the old title', async () => {
    await render()
    await click(byTestId('theme-rename', themeCard('Sprache'))[0])
    let field = byTestId('theme-rename-field')[0] as HTMLInputElement
    expect(document.activeElement).toBe(field)
    await act(async () => {
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!
      setValue.call(field, 'Sprache und Kurse')
      field.dispatchEvent(new Event('input', { bubbles: true }))
    })
    await key(field, { key: 'Enter' })
    expect(server.puts.at(-1)?.themes[0]?.title).toBe('Sprache und Kurse')

    await click(byTestId('theme-rename', themeCard('Sprache und Kurse'))[0])
    field = byTestId('theme-rename-field')[0] as HTMLInputElement
    await key(field, { key: 'Escape' })
    expect(themeCard('Sprache und Kurse')).toBeTruthy()
    expect(server.puts).toHaveLength(1)
  })

  it('moves a focused note to the next theme with Alt+↓, the focus going along', async () => {
    server.saved = [
      { title: 'Sprache', noteIds: ['d', 'e'] },
      { title: 'Kinder', noteIds: ['a'] },
    ]
    await render()
    const note = byTestId('theme-note', themeCard('Sprache'))[0]!
    await key(note, { key: 'ArrowDown', altKey: true })
    expect(noteTexts(themeCard('Kinder'))).toEqual([
      'Kinderbetreuung fehlt',
      'Sprachkurse am Abend',
    ])
    expect((document.activeElement as HTMLElement).dataset.noteId).toBe('d')
    expect(server.puts.at(-1)?.themes).toEqual([
      { title: 'Sprache', noteIds: ['e'] },
      { title: 'Kinder', noteIds: ['a', 'd'] },
    ])
  })

  it('splits selected notes off and merges selected themes', async () => {
    server.saved = [
      { title: 'Sprache', noteIds: ['d', 'e'] },
      { title: 'Kinder', noteIds: ['a', 'b'] },
    ]
    await render()
    await click(byTestId('theme-note-select', themeCard('Kinder'))[1])
    await click(byTestId('theme-split', themeCard('Kinder'))[0])
    // The new theme is named at once.
    const field = byTestId('theme-rename-field')[0] as HTMLInputElement
    await key(field, { key: 'Enter' })
    expect(server.puts.at(-1)?.themes).toEqual([
      { title: 'Sprache', noteIds: ['d', 'e'] },
      { title: 'Kinder', noteIds: ['a'] },
      { title: 'Kinder (Teil)', noteIds: ['b'] },
    ])

    await click(byTestId('theme-select', themeCard('Kinder'))[0])
    await click(byTestId('theme-select', themeCard('Kinder (Teil)'))[0])
    await click(byTestId('themes-merge')[0])
    expect(server.puts.at(-1)?.themes).toEqual([
      { title: 'Sprache', noteIds: ['d', 'e'] },
      { title: 'Kinder', noteIds: ['a', 'b'] },
    ])
  })

  it('keeps an edit on screen when saving fails, says so in German, and saves it later', async () => {
    await render()
    server.failPuts = 1
    await click(byTestId('theme-dissolve', themeCard('Sprache'))[0])
    expect(byTestId('theme')).toEqual([])
    const status = byTestId('themes-save-status')[0]!
    expect(status.dataset.state).toBe('failed')
    expect(status.textContent).toContain('Nicht gespeichert')
    expect(status.textContent).toContain('es wird gleich erneut versucht')
    expect(server.saved).toHaveLength(1)

    // The next edit (or the retry) sends everything done so far.
    await click(byTestId('themes-suggest')[0])
    await click(byTestId('theme-suggestion-accept')[0])
    expect(server.saved).toEqual([{ title: 'Kinderbetreuung', noteIds: ['a', 'b', 'c'] }])
    expect(byTestId('themes-save-status')[0]?.dataset.state).toBe('saved')
  })
})
