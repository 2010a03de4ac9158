import { describe, expect, it } from 'vitest'
import {
  MAX_SAVED_THEMES,
  SuggestThemesResponseSchema,
  ThemesResponseSchema,
  type CreateEventResponse,
  type SavedTheme,
} from '@tablecloth/shared'
import { useEventBoards } from './helpers/eventBoards'
import { seedReferenceDay } from './helpers/referenceDay'
import { seedResultsDay } from './helpers/resultsSeed'

const boards = useEventBoards()
const { api } = boards

const themesPath = (event: CreateEventResponse) => `/api/events/${event.id}/themes`
const suggestPath = (event: CreateEventResponse) => `/api/events/${event.id}/themes/suggest`
const galleryToken = (event: CreateEventResponse) =>
  new URL(event.links.gallery).hash.match(/token=([^&]+)/)![1]!

/** Two themes over the seeded day's notes, each spanning both tables. */
const SAVED = [
  { title: 'Sprache & „Ankommen“', noteIds: ['shape:b1', 'shape:a1'] },
  { title: 'Rollen', noteIds: ['shape:c1', 'shape:b2'] },
]

function save(event: CreateEventResponse, body: unknown, token = event.organiserToken) {
  return api('PUT', themesPath(event), { token, body })
}

describe('cross-table themes over HTTP', () => {
  it('saves themes and gives them back with each note’s text, table and station', async () => {
    const event = await seedResultsDay(boards)
    const saved = await save(event, {
      themes: [{ ...SAVED[0]!, title: '  Sprache & „Ankommen“ ' }, SAVED[1]],
    })
    expect(saved.status).toBe(200)
    expect(ThemesResponseSchema.parse(saved.body)).toEqual(saved.body)

    const read = await api('GET', themesPath(event), { token: event.organiserToken })
    expect(read.status).toBe(200)
    expect(read.body).toEqual(saved.body)
    expect(read.body.editable).toBe(true)
    const [first, second] = read.body.themes as SavedTheme[]
    expect(first!.title).toBe('Sprache & „Ankommen“')
    expect(first!.noteIds).toEqual(['shape:b1', 'shape:a1'])
    const [tableOne, tableTwo] = event.links.tables
    expect(first!.notes).toEqual([
      {
        tableId: tableTwo!.id,
        tableNumber: 2,
        tableTitle: 'Digitalisierung, Umsetzung des Integrationsplans',
        stationId: 's1',
        stationTitle: 'Station 1',
        noteId: 'shape:b1',
        text: 'مرحبا بكم في المقهى',
      },
      {
        tableId: tableOne!.id,
        tableNumber: 1,
        tableTitle: 'Frauen, Kinderbetreuung, Sprache',
        stationId: 's1',
        stationTitle: 'Station 1',
        noteId: 'shape:a1',
        text: 'Unterstützung durch Ehrenamt: Sprachgebrauch',
      },
    ])
    // A note of the running station, read from the live board.
    expect(second!.notes[0]).toMatchObject({ noteId: 'shape:c1', stationTitle: 'Station 2' })

    // A save replaces the whole set.
    expect((await save(event, { themes: [SAVED[1]] })).status).toBe(200)
    const replaced = await api('GET', themesPath(event), { token: event.organiserToken })
    expect(replaced.body.themes.map((theme: SavedTheme) => theme.title)).toEqual(['Rollen'])
  })

  it('lets the gallery read the themes, not edit them', async () => {
    const event = await seedResultsDay(boards)
    expect((await save(event, { themes: SAVED })).status).toBe(200)
    const read = await api('GET', themesPath(event), { token: galleryToken(event) })
    expect(read.status).toBe(200)
    expect(read.body.editable).toBe(false)
    expect(read.body.themes.map((theme: SavedTheme) => theme.title)).toEqual(
      SAVED.map((theme) => theme.title),
    )
    expect((await save(event, { themes: [] }, galleryToken(event))).status).toBe(403)
  })

  it('keeps a hidden note’s id but leaves its text out, and shows it again when shown', async () => {
    const event = await seedResultsDay(boards)
    expect((await save(event, { themes: SAVED })).status).toBe(200)
    const hiddenPath = `/api/events/${event.id}/hidden-notes/shape%3Aa1`
    const tableId = event.links.tables[0]!.id
    const token = event.organiserToken
    expect((await api('PUT', hiddenPath, { token, body: { tableId } })).status).toBe(201)
    const read = await api('GET', themesPath(event), { token })
    expect(read.body.themes[0].noteIds).toEqual(['shape:b1', 'shape:a1'])
    expect(read.body.themes[0].notes.map((note: { noteId: string }) => note.noteId)).toEqual([
      'shape:b1',
    ])
    expect((await api('DELETE', hiddenPath, { token })).status).toBe(204)
    const shown = await api('GET', themesPath(event), { token })
    expect(shown.body.themes[0].notes).toHaveLength(2)
  })

  it('takes back a hidden note’s id with the rest of its themes, as the themes view sends them', async () => {
    const event = await seedResultsDay(boards)
    const token = event.organiserToken
    expect((await save(event, { themes: SAVED })).status).toBe(200)
    const hiddenPath = `/api/events/${event.id}/hidden-notes/shape%3Aa1`
    const tableId = event.links.tables[0]!.id
    expect((await api('PUT', hiddenPath, { token, body: { tableId } })).status).toBe(201)
    const renamed = [{ ...SAVED[0]!, title: 'Sprache' }, SAVED[1]!]
    expect((await save(event, { themes: renamed })).status).toBe(200)
    expect((await api('DELETE', hiddenPath, { token })).status).toBe(204)
    const shown = await api('GET', themesPath(event), { token })
    expect(shown.body.themes[0].title).toBe('Sprache')
    expect(shown.body.themes[0].notes.map((note: { noteId: string }) => note.noteId)).toEqual([
      'shape:b1',
      'shape:a1',
    ])
  })

  it('refuses a note in two themes with duplicate_note, naming it, and saves nothing', async () => {
    const event = await seedResultsDay(boards)
    const answer = await save(event, {
      themes: [
        { title: 'A', noteIds: ['shape:a1', 'shape:b1'] },
        { title: 'B', noteIds: ['shape:b1'] },
      ],
    })
    expect(answer.status).toBe(400)
    expect(answer.body.error.code).toBe('duplicate_note')
    expect(answer.body.error.message).toContain('shape:b1')
    expect(answer.body.error.details).toEqual({ noteIds: ['shape:b1'] })
    const read = await api('GET', themesPath(event), { token: event.organiserToken })
    expect(read.body.themes).toEqual([])
  })

  it('refuses ids that are no note of the results with unknown_notes, naming them all', async () => {
    const event = await seedResultsDay(boards)
    expect((await save(event, { themes: SAVED })).status).toBe(200)
    const answer = await save(event, {
      themes: [{ title: 'A', noteIds: ['shape:a1', 'shape:erfunden', 'shape:<b>'] }],
    })
    expect(answer.status).toBe(400)
    expect(answer.body.error.code).toBe('unknown_notes')
    expect(answer.body.error.details).toEqual({ noteIds: ['shape:erfunden', 'shape:<b>'] })
    expect(answer.body.error.message).toContain('shape:erfunden')
    // What was saved before is still there.
    const read = await api('GET', themesPath(event), { token: event.organiserToken })
    expect(read.body.themes.map((theme: SavedTheme) => theme.title)).toEqual(
      SAVED.map((theme) => theme.title),
    )
  })

  it('refuses a hidden note no theme held as unknown: the results do not show it', async () => {
    const event = await seedResultsDay(boards)
    const token = event.organiserToken
    const tableId = event.links.tables[0]!.id
    await api('PUT', `/api/events/${event.id}/hidden-notes/shape%3Aa1`, {
      token,
      body: { tableId },
    })
    const answer = await save(event, { themes: [{ title: 'A', noteIds: ['shape:a1'] }] })
    expect(answer.body.error?.code).toBe('unknown_notes')
  })

  it('answers bad and hostile bodies with 4xx and a JSON message, saving nothing', async () => {
    const event = await seedResultsDay(boards)
    const token = event.organiserToken
    const bodies: Array<[string, { body?: unknown; rawBody?: string; contentType?: string }]> = [
      ['no JSON', { rawBody: '{"themes": [' }],
      ['empty', { rawBody: '' }],
      ['an array', { body: [] }],
      ['no themes', { body: {} }],
      ['themes not a list', { body: { themes: { title: 'x' } } }],
      ['a blank title', { body: { themes: [{ title: '   ', noteIds: [] }] } }],
      ['a title too long', { body: { themes: [{ title: 'x'.repeat(201), noteIds: [] }] } }],
      ['a title not text', { body: { themes: [{ title: { $gt: '' }, noteIds: [] }] } }],
      ['ids not a list', { body: { themes: [{ title: 'A', noteIds: 'shape:a1' }] } }],
      ['an id not text', { body: { themes: [{ title: 'A', noteIds: [42] }] } }],
      ['an empty id', { body: { themes: [{ title: 'A', noteIds: [''] }] } }],
      [
        'too many themes',
        { body: { themes: Array(MAX_SAVED_THEMES + 1).fill({ title: 'A', noteIds: [] }) } },
      ],
      ['XML', { rawBody: '<themes/>', contentType: 'application/xml' }],
    ]
    for (const [name, request] of bodies) {
      const answer = await api('PUT', themesPath(event), { token, ...request })
      expect(answer.status, name).toBeGreaterThanOrEqual(400)
      expect(answer.status, name).toBeLessThan(500)
      expect(typeof answer.body.error.code, name).toBe('string')
      expect(typeof answer.body.error.message, name).toBe('string')
    }
    // A prototype key is just a key: left out, and nothing else changes.
    const proto = await api('PUT', themesPath(event), {
      token,
      rawBody: '{"themes":[],"__proto__":{"polluted":true}}',
    })
    expect(proto.status).toBe(200)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    const tooBig = await api('PUT', themesPath(event), {
      token,
      rawBody: JSON.stringify({ themes: [{ title: 'A', noteIds: ['x'.repeat(2_000_000)] }] }),
    })
    expect(tooBig.status).toBe(413)
    expect(tooBig.body.error.code).toBe('payload_too_large')
    const read = await api('GET', themesPath(event), { token })
    expect(read.body.themes).toEqual([])
  })

  it('is the organiser’s: 401 without a link, 403 for table links and other events, 404 for none', async () => {
    const event = await seedResultsDay(boards)
    const other = await boards.createEvent()
    const table = event.links.tables[0]!
    const body = { themes: SAVED }
    const status = async (method: string, path: string, token?: string) =>
      (await api(method, path, { ...(token && { token }), ...(method === 'PUT' && { body }) }))
        .status
    for (const [method, path] of [
      ['GET', themesPath(event)],
      ['PUT', themesPath(event)],
      ['POST', suggestPath(event)],
    ] as const) {
      expect(await status(method, path), `${method} without a token`).toBe(401)
      expect(await status(method, path, 'x'.repeat(43)), `${method} unknown token`).toBe(401)
      expect(await status(method, path, table.tokens.moderator), `${method} moderator`).toBe(403)
      expect(await status(method, path, table.tokens.participant), `${method} phone`).toBe(403)
      // A table's projector is a viewer of one table, not of the day.
      expect(await status(method, path, table.tokens.viewer), `${method} projector`).toBe(403)
      expect(await status(method, path, other.organiserToken), `${method} other event`).toBe(403)
    }
    expect(await status('PUT', themesPath(event), galleryToken(event))).toBe(403)
    expect(await status('POST', suggestPath(event), galleryToken(event))).toBe(403)
    const gone = { ...event, id: 'keinEvent' }
    expect(await status('GET', themesPath(gone))).toBe(404)
    expect(await status('POST', suggestPath(gone))).toBe(404)
  })
})

describe('suggested themes', () => {
  it('proposes themes spanning tables on the reference day, and saves nothing', async () => {
    const event = await seedReferenceDay(boards)
    const started = performance.now()
    const answer = await api('POST', suggestPath(event), { token: event.organiserToken })
    const wallMs = performance.now() - started
    expect(answer.status).toBe(200)
    const { themes } = SuggestThemesResponseSchema.parse(answer.body)
    const tablesOf = (theme: (typeof themes)[number]) =>
      new Set(theme.notes.map((note) => note.tableId)).size
    expect(themes.length).toBeGreaterThan(20)
    expect(themes.every((theme) => tablesOf(theme) >= 2)).toBe(true)
    expect(themes.filter((theme) => tablesOf(theme) >= 3).length).toBeGreaterThan(10)
    // Every suggested note is a note of the day, named by its board id.
    expect(
      themes.flatMap((theme) => theme.notes).every((note) => note.noteId.startsWith('shape:')),
    ).toBe(true)
    // Measured for docs/results.md ("Querschnittsthemen").
    console.log(
      `suggest on the reference day: ${themes.length} themes, ` +
        `${themes.filter((theme) => tablesOf(theme) >= 3).length} spanning ≥ 3 tables, ` +
        `${Math.round(wallMs)} ms`,
    )

    const read = await api('GET', themesPath(event), { token: event.organiserToken })
    expect(read.body.themes).toEqual([])
  }, 120_000)

  it('finds nothing to propose on a day without notes', async () => {
    const event = await boards.createEvent()
    const answer = await api('POST', suggestPath(event), { token: event.organiserToken })
    expect(answer.status).toBe(200)
    expect(answer.body).toEqual({ themes: [] })
  })
})
