import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import type { YKeyValue } from 'y-utility/y-keyvalue'
import type { TLRecord } from '@tldraw/tlschema'
import { parse as parseCsv } from 'csv-parse/sync'
import { parse as parseContentDisposition } from 'content-disposition'
import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'
import { parse as parseHtml, type HTMLElement } from 'node-html-parser'
import { winnendenTemplate, type CreateEventResponse, type Results } from '@tablecloth/shared'
import { until } from './helpers/boardProvider'
import { columnFrameId, noteRecord, recordsOf, useEventBoards } from './helpers/eventBoards'

const { createEvent: createFrom, openTable: open, api, server } = useEventBoards()

/** A note as seeded: where it was put and what it says. */
interface Seeded {
  id: string
  table: number
  station: number
  column: number
  text: string
  y: number
}

/** Notes in both columns of the first two tables in station 1, in every script. */
const STATION_1: Seeded[] = [
  {
    id: 'a2',
    table: 0,
    station: 0,
    column: 0,
    y: 300,
    text: 'Mutter-Kind-Kurse mit Kinderbetreuung',
  },
  {
    id: 'a1',
    table: 0,
    station: 0,
    column: 0,
    y: 60,
    text: 'Unterstützung durch Ehrenamt: Sprachgebrauch',
  },
  { id: 'a3', table: 0, station: 0, column: 1, y: 60, text: 'Fehlende KiTa-Plätze „dringend“ 🚸' },
  { id: 'b1', table: 1, station: 0, column: 0, y: 60, text: 'مرحبا بكم في المقهى' },
  {
    id: 'b2',
    table: 1,
    station: 0,
    column: 1,
    y: 60,
    text: 'Jobkraftwerk – Dokumentation 📄\nnicht einsehbar',
  },
]
/** Written in station 2, on the first table. */
const STATION_2: Seeded[] = [
  {
    id: 'c1',
    table: 0,
    station: 1,
    column: 1,
    y: 60,
    text: 'Rollenverständnis „thematisieren“ 👩‍👧',
  },
]

function createEvent(): Promise<CreateEventResponse> {
  return createFrom({ ...winnendenTemplate(), groups: [{ id: 'rot', name: 'Gruppe Rot' }] })
}

function frameId(doc: Y.Doc, stationIndex: number, columnIndex: number): string {
  const id = columnFrameId(doc, stationIndex, columnIndex)
  if (id === undefined)
    throw new Error(`no frame for station ${stationIndex}, column ${columnIndex}`)
  return id
}

/** A note as the board writes it: inside its column's frame, with our meta. */
function addNote(doc: Y.Doc, note: Seeded, stationId: string, extraMeta = {}): void {
  recordsOf(doc).set(
    `shape:${note.id}`,
    noteRecord({
      id: `shape:${note.id}`,
      parentId: frameId(doc, note.station, note.column),
      x: 40,
      y: note.y,
      text: note.text,
      meta: { stationId, createdAt: '2019-07-02T08:50:00.000Z', ...extraMeta },
    }),
  )
}

/** Resolves once a second client of the board sees `predicate` hold: the server has the edit. */
async function serverHas(
  event: CreateEventResponse,
  tableIndex: number,
  predicate: (records: YKeyValue<TLRecord>) => boolean,
): Promise<void> {
  const watcher = await open(event, tableIndex)
  const records = recordsOf(watcher.doc)
  await until(watcher.doc, () => predicate(records))
}

function richTextOf(records: YKeyValue<TLRecord>, id: string): string {
  const note = records.get(`shape:${id}`) as { props?: { richText?: unknown } } | undefined
  return JSON.stringify(note?.props?.richText ?? null)
}

/**
 * Seeds the day: notes in station 1 on two tables, the station change, then
 * on the first table a station-1 note edited afterwards and a station-2 note.
 */
async function seedDay(): Promise<CreateEventResponse> {
  const event = await createEvent()
  const tables = [await open(event, 0), await open(event, 1)]
  for (const note of STATION_1) {
    const meta = note.id === 'a1' ? { votes: 3, groupId: 'rot', author: 'Ayşe' } : {}
    addNote(tables[note.table]!.doc, note, 's1', meta)
  }
  await serverHas(event, 0, (records) =>
    ['a1', 'a2', 'a3'].every((id) => records.has(`shape:${id}`)),
  )
  await serverHas(event, 1, (records) => ['b1', 'b2'].every((id) => records.has(`shape:${id}`)))

  const advanced = await api('POST', `/api/events/${event.id}/stations/next`, {
    token: event.organiserToken,
  })
  expect(advanced.status).toBe(200)

  // Looking back after the change, someone rewrites a station 1 note.
  const first = tables[0]!
  await until(first.doc, () => columnFrameId(first.doc, 1, 1) !== undefined)
  addNote(first.doc, { ...STATION_1[1]!, text: 'Später geändert' }, 's1')
  for (const note of STATION_2) addNote(first.doc, note, 's2')
  await serverHas(
    event,
    0,
    (records) => records.has('shape:c1') && richTextOf(records, 'a1').includes('Später geändert'),
  )
  return event
}

async function download(
  event: CreateEventResponse,
  file: string,
  token: string | null = event.organiserToken,
): Promise<{ status: number; headers: Headers; bytes: Uint8Array; text: string }> {
  const response = await fetch(`${server().origin}/api/events/${event.id}/${file}`, {
    headers: token === null ? {} : { authorization: `Bearer ${token}` },
  })
  const bytes = new Uint8Array(await response.arrayBuffer())
  return {
    status: response.status,
    headers: response.headers,
    bytes,
    text: Buffer.from(bytes).toString(),
  }
}

/** Where every seeded note should be found: table title, station title, column title. */
function placesOf(event: CreateEventResponse, notes: Seeded[]) {
  const config = winnendenTemplate()
  return notes.map((note) => ({
    table: config.tables[note.table]!.topic,
    number: note.table + 1,
    tableId: event.links.tables[note.table]!.id,
    station: config.stations[note.station]!.title,
    column: config.stations[note.station]!.columns[note.column]!,
    text: note.text,
  }))
}

describe('GET /api/events/:id/results.json', () => {
  it('follows the config, reads ended stations from snapshots, the running one live', async () => {
    const event = await seedDay()
    const { status, headers, text } = await download(event, 'results.json')
    expect(status).toBe(200)
    expect(headers.get('content-type')).toBe('application/json; charset=utf-8')
    const results = JSON.parse(text) as Results
    const config = winnendenTemplate()

    expect(results.version).toBe(1)
    expect(results.event).toEqual({
      id: event.id,
      title: config.title,
      date: config.date,
      venue: config.venue,
    })
    expect(results.stations.map((station) => station.title)).toEqual([
      'Station 1',
      'Station 2',
      'Station 3',
    ])
    expect(results.stations[1]!.columns).toEqual(config.stations[1]!.columns)
    expect(results.tables.map((table) => table.id)).toEqual(
      event.links.tables.map((table) => table.id),
    )
    expect(results.tables.map((table) => table.title)).toEqual(
      config.tables.map((table) => table.topic),
    )

    const [first, second] = results.tables
    expect(first!.stations.map((station) => [station.title, station.source.kind])).toEqual([
      ['Station 1', 'snapshot'],
      ['Station 2', 'live'],
    ])
    const station1 = first!.stations[0]!
    // Board order (top to bottom), and the snapshot's text, not the later edit.
    expect(station1.columns[0]!.notes.map((note) => note.text)).toEqual([
      'Unterstützung durch Ehrenamt: Sprachgebrauch',
      'Mutter-Kind-Kurse mit Kinderbetreuung',
    ])
    expect(station1.columns[0]!.notes[0]).toMatchObject({
      id: 'shape:a1',
      votes: 3,
      group: 'Gruppe Rot',
      author: 'Ayşe',
      time: '2019-07-02T08:50:00.000Z',
    })
    expect(station1.columns[1]!.notes.map((note) => note.text)).toEqual([
      'Fehlende KiTa-Plätze „dringend“ 🚸',
    ])
    const station2 = first!.stations[1]!
    expect(station2.columns.map((column) => column.notes.map((note) => note.text))).toEqual([
      [],
      ['Rollenverständnis „thematisieren“ 👩‍👧'],
    ])
    expect(
      second!.stations[0]!.columns.map((column) => column.notes.map((note) => note.text)),
    ).toEqual([['مرحبا بكم في المقهى'], ['Jobkraftwerk – Dokumentation 📄\nnicht einsehbar']])

    const listed = await api('GET', `/api/events/${event.id}/snapshots`, {
      token: event.organiserToken,
    })
    const snapshot = listed.body.snapshots.find(
      (entry: { tableId: string }) => entry.tableId === first!.id,
    )
    expect(station1.source).toEqual({
      kind: 'snapshot',
      snapshotId: snapshot.id,
      takenAt: snapshot.createdAt,
    })
  })
})

describe('GET /api/events/:id/results.csv', () => {
  it('has a row for every note under its table, station and column, for Excel', async () => {
    const event = await seedDay()
    const { status, headers, bytes, text } = await download(event, 'results.csv')
    expect(status).toBe(200)
    expect(headers.get('content-type')).toBe('text/csv; charset=utf-8')
    // The UTF-8 byte order mark, which tells Excel the encoding.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    // Clients that cannot read the UTF-8 name get umlauts without dots, not question marks.
    expect(headers.get('content-disposition')).toContain(
      'filename="2019-07-02 Regionalkonferenz Pakt fur Integration - Kommunales ' +
        'Integrationsmanagement - Ergebnisse.csv"',
    )
    const disposition = parseContentDisposition(headers.get('content-disposition')!)
    expect(disposition.type).toBe('attachment')
    expect(disposition.parameters.filename).toBe(
      '2019-07-02 Regionalkonferenz „Pakt für Integration – Kommunales Integrationsmanagement“' +
        ' – Ergebnisse.csv',
    )

    const rows = parseCsv(text, { bom: true, columns: true }) as Array<Record<string, string>>
    const expected = placesOf(event, [...STATION_1, ...STATION_2])
    for (const note of expected) {
      const row = rows.find((candidate) => candidate.text === note.text)
      expect(row, note.text).toMatchObject({
        event: winnendenTemplate().title,
        table: note.table,
        station: note.station,
        column: note.column,
      })
    }
    expect(rows).toHaveLength(expected.length)
    expect(rows.find((row) => row['text']!.startsWith('Unterstützung'))).toMatchObject({
      votes: '3',
      group: 'Gruppe Rot',
      author: 'Ayşe',
      time: '2019-07-02T08:50:00.000Z',
    })
  })
})

describe('GET /api/events/:id/results.md and .html', () => {
  it('lists every note intact, in Markdown under its headings', async () => {
    const event = await seedDay()
    const { status, headers, text } = await download(event, 'results.md')
    expect(status).toBe(200)
    expect(headers.get('content-type')).toBe('text/markdown; charset=utf-8')
    const root = parseHtml(micromark(text, { extensions: [gfm()], htmlExtensions: [gfmHtml()] }))
    expect(root.querySelector('h1')!.text).toBe(winnendenTemplate().title)
    const found = bulletsUnderHeadings(root)
    for (const note of [...placesOf(event, STATION_1), ...placesOf(event, STATION_2)]) {
      const place = {
        table: `Thementisch ${note.number}: ${note.table}`,
        station: note.station,
        column: note.column,
        text: note.text,
      }
      expect(found, note.text).toContainEqual(
        note.text.startsWith('Unterstützung')
          ? { ...place, text: `${note.text} (3 Punkte)` }
          : place,
      )
    }
    expect(text).not.toContain('Später geändert')
  })

  it('shows every note intact in the HTML page, in its column, direction auto', async () => {
    const event = await seedDay()
    const { status, headers, text } = await download(event, 'results.html')
    expect(status).toBe(200)
    expect(headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'",
    )
    const root = parseHtml(text)
    const found = root.querySelectorAll('section.table').flatMap((table) =>
      table.querySelectorAll('section.station').flatMap((station) =>
        station.querySelectorAll('section.column').flatMap((column) =>
          column.querySelectorAll('li.note').map((note) => ({
            table: table.querySelector('h2')!.text,
            station: station.querySelector('h3')!.text,
            column: column.querySelector('h4')!.text,
            text: note.querySelector('.text')!.text,
            dir: note.getAttribute('dir'),
          })),
        ),
      ),
    )
    for (const note of [...placesOf(event, STATION_1), ...placesOf(event, STATION_2)]) {
      expect(found, note.text).toContainEqual({
        table: `Thementisch ${note.number}: ${note.table}`,
        station: note.station,
        column: note.column,
        text: note.text,
        dir: 'auto',
      })
    }
    expect(text).not.toContain('Später geändert')
  })
})

describe('narrowing and refusing', () => {
  it('narrows to one table or one station, by id or by index', async () => {
    const event = await seedDay()
    const secondTable = event.links.tables[1]!.id
    const byTable = JSON.parse((await download(event, `results.json?table=${secondTable}`)).text)
    expect(byTable.tables.map((table: { id: string }) => table.id)).toEqual([secondTable])

    const byIndex = JSON.parse((await download(event, 'results.json?station=0')).text) as Results
    expect(byIndex.tables).toHaveLength(11)
    expect(
      byIndex.tables.every((table) => table.stations.map((s) => s.title).join() === 'Station 1'),
    ).toBe(true)

    const stationId = byIndex.stations[1]!.id
    const byId = await download(
      event,
      `results.csv?station=${stationId}&table=${event.links.tables[0]!.id}`,
    )
    const rows = parseCsv(byId.text, { bom: true, columns: true }) as Array<Record<string, string>>
    expect(rows.map((row) => row['text'])).toEqual(['Rollenverständnis „thematisieren“ 👩‍👧'])
    const name = parseContentDisposition(byId.headers.get('content-disposition')!).parameters
      .filename
    expect(name).toMatch(/ – Ergebnisse – Frauen, Kinderbetreuung, Sprache – Station 2\.csv$/)

    const english = await download(event, 'results.md?lang=en&station=1')
    expect(english.text).toContain('## Topic table 1: Frauen, Kinderbetreuung, Sprache')
  })

  it('answers 400 naming the field for an unknown table, station or language', async () => {
    const event = await createEvent()
    const cases: Array<[string, string]> = [
      ['results.json?table=nope', 'table'],
      ['results.json?station=nope', 'station'],
      ['results.json?station=7', 'station'],
      // Station 2 has not started yet.
      ['results.json?station=1', 'station'],
      ['results.md?lang=fr', 'lang'],
    ]
    for (const [file, field] of cases) {
      const { status, text } = await download(event, file)
      expect(status, file).toBe(400)
      expect(JSON.parse(text).error).toMatchObject({ code: 'validation_failed', field })
    }
  })

  it('answers 404 as JSON for an unknown format', async () => {
    const event = await createEvent()
    const xlsx = await download(event, 'results.xlsx')
    expect(xlsx.status).toBe(404)
    expect(xlsx.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(JSON.parse(xlsx.text).error.code).toBe('not_found')
  })

  it('is for the organiser only', async () => {
    const event = await createEvent()
    const table = event.links.tables[0]!
    for (const token of [table.tokens.moderator, table.tokens.participant, table.tokens.viewer]) {
      expect((await download(event, 'results.json', token)).status).toBe(403)
    }
    const other = await createEvent()
    expect((await download(event, 'results.json', other.organiserToken)).status).toBe(403)
    expect((await download(event, 'results.csv', null)).status).toBe(401)
    expect((await download(event, 'results.html', 'not-a-token')).status).toBe(401)
  })
})

/** Every bullet of a rendered Markdown document under the headings it stands below. */
function bulletsUnderHeadings(root: HTMLElement) {
  const found: Array<{ table: string; station: string; column: string; text: string }> = []
  let table = ''
  let station = ''
  let column = ''
  for (const element of root.children) {
    if (element.tagName === 'H2') table = element.text
    if (element.tagName === 'H3') station = element.text
    if (element.tagName === 'H4') column = element.text
    if (element.tagName !== 'UL' || column === '') continue
    for (const item of element.querySelectorAll('li')) {
      found.push({ table, station, column, text: item.text.replace(/\n+/g, '\n').trim() })
    }
  }
  return found
}
