import { describe, expect, it } from 'vitest'
import { noteSlot, stationLayout } from './boardLayout'
import type { EventConfig } from './eventConfig'
import { parseEventConfig } from './eventValidation'
import { buildResults, clusterRuns, type ResultsSource, type TableBoard } from './results'
import { plainToRichText } from './richText'

/** Two tables, two stations of two questions, a third station of three, one group. */
function config(): EventConfig {
  const parsed = parseEventConfig({
    title: 'Regionalkonferenz „Pakt für Integration“',
    date: '2019-07-02',
    venue: 'Hermann-Schwab-Halle Winnenden',
    tables: [
      { id: 'frauen', topic: 'Frauen, Kinderbetreuung, Sprache', moderator: 'Cora Westrick' },
      { id: 'arbeit', topic: 'Arbeitsmarktintegration' },
    ],
    stations: [
      { title: 'Station 1', columns: ['Was läuft gut?', 'Wo hakt es?'], durationMinutes: 60 },
      {
        title: 'Station 2',
        columns: ['Was sind unsere Ziele?', 'Was soll ein gutes IntMan leisten?'],
        durationMinutes: 75,
      },
      {
        title: 'Station 3',
        columns: ['Was können wir ändern?', 'Wer kann helfen?', 'Was noch?'],
        durationMinutes: 75,
      },
    ],
    groups: [{ id: 'rot', name: 'Gruppe Rot' }],
  })
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues))
  return parsed.config
}

const COLUMNS_PER_STATION = [2, 2, 3]

/** The frames the server writes for stations 0..upTo, as plain records. */
function frames(upTo: number): unknown[] {
  return COLUMNS_PER_STATION.slice(0, upTo + 1).flatMap((count, stationIndex) =>
    stationLayout(stationIndex, count).columns.map((bounds, columnIndex) => ({
      id: `shape:frame-${stationIndex}-${columnIndex}`,
      typeName: 'shape',
      type: 'frame',
      x: bounds.x,
      y: bounds.y,
      parentId: 'page:page',
      meta: { tablecloth: 'column', stationId: `s${stationIndex + 1}`, stationIndex, columnIndex },
      props: { w: bounds.w, h: bounds.h, name: `Frage ${columnIndex}` },
    })),
  )
}

interface NoteSpec {
  id: string
  text: string
  station: number
  column: number
  slot?: number
  meta?: Record<string, unknown>
  /** Absolute page position instead of a slot in a column. */
  at?: { x: number; y: number }
}

function note(spec: NoteSpec): unknown {
  const column = stationLayout(spec.station, COLUMNS_PER_STATION[spec.station]!).columns[
    spec.column
  ]
  const position = spec.at ?? noteSlot(column!, spec.slot ?? 0)
  return {
    id: `shape:${spec.id}`,
    typeName: 'shape',
    type: 'note',
    x: position.x,
    y: position.y,
    parentId: 'page:page',
    meta: { stationId: `s${spec.station + 1}`, ...spec.meta },
    props: { richText: plainToRichText(spec.text), scale: 1, growY: 0 },
  }
}

const snapshot = (id: string): ResultsSource => ({
  kind: 'snapshot',
  snapshotId: id,
  takenAt: '2019-07-02T09:45:00.000Z',
})
const live: ResultsSource = { kind: 'live', at: '2019-07-02T10:30:00.000Z' }

const texts = (notes: ReadonlyArray<{ text: string }>) => notes.map((n) => n.text)

describe('buildResults', () => {
  it('follows the config’s order of tables, stations and columns, not the boards’', () => {
    const boards: TableBoard[] = [
      {
        tableId: 'arbeit',
        stations: [
          { stationIndex: 1, records: frames(1), source: live },
          { stationIndex: 0, records: frames(0), source: snapshot('a0') },
        ],
      },
      { tableId: 'frauen', stations: [{ stationIndex: 0, records: frames(0), source: live }] },
      { tableId: 'unknown', stations: [{ stationIndex: 0, records: frames(0), source: live }] },
    ]
    const results = buildResults(config(), boards, { eventId: 'evt1' })
    expect(results.version).toBe(1)
    expect(results.event).toEqual({
      id: 'evt1',
      title: 'Regionalkonferenz „Pakt für Integration“',
      date: '2019-07-02',
      venue: 'Hermann-Schwab-Halle Winnenden',
    })
    expect(results.stations).toEqual([
      { id: 's1', title: 'Station 1', columns: ['Was läuft gut?', 'Wo hakt es?'] },
      {
        id: 's2',
        title: 'Station 2',
        columns: ['Was sind unsere Ziele?', 'Was soll ein gutes IntMan leisten?'],
      },
      {
        id: 's3',
        title: 'Station 3',
        columns: ['Was können wir ändern?', 'Wer kann helfen?', 'Was noch?'],
      },
    ])
    expect(results.tables.map((table) => table.id)).toEqual(['frauen', 'arbeit'])
    expect(results.tables[0]).toMatchObject({
      title: 'Frauen, Kinderbetreuung, Sprache',
      moderator: 'Cora Westrick',
    })
    const arbeit = results.tables[1]!
    expect(arbeit.stations.map((station) => [station.id, station.source])).toEqual([
      ['s1', snapshot('a0')],
      ['s2', live],
    ])
    expect(arbeit.stations[1]!.columns).toEqual([
      { title: 'Was sind unsere Ziele?', notes: [] },
      { title: 'Was soll ein gutes IntMan leisten?', notes: [] },
    ])
  })

  it('keeps every kind of text intact: umlauts, „quotes“, emoji, Arabic and line breaks', () => {
    const written = [
      'Fehlende KiTa-Plätze → geringe Teilnahme',
      '„Mädchen für alles“ (IM = Integrationsbeauftragte_r)',
      'Sprachkurse 🗣️👩‍👧 mit Kinderbetreuung',
      'مرحبا بكم في المقهى',
      'Mutter-Kind-Kurse\nVwV Deutsch: Einzelförderung',
    ]
    const records = [
      ...frames(0),
      ...written.map((text, slot) => note({ id: `n${slot}`, text, station: 0, column: 1, slot })),
    ]
    const results = buildResults(config(), [
      { tableId: 'frauen', stations: [{ stationIndex: 0, records, source: live }] },
    ])
    const station = results.tables[0]!.stations[0]!
    expect(station.columns[0]!.notes).toEqual([])
    expect(texts(station.columns[1]!.notes)).toEqual(written)
  })

  it('lists only the station’s own notes, reading rows top to bottom and left to right', () => {
    const records = [
      ...frames(1),
      note({ id: 'late', text: 'Station 1, unten rechts', station: 0, column: 0, slot: 4 }),
      note({ id: 'first', text: 'Station 1, oben links', station: 0, column: 0, slot: 0 }),
      note({ id: 'second', text: 'Station 1, oben Mitte', station: 0, column: 0, slot: 1 }),
      note({ id: 'two', text: 'Station 2', station: 1, column: 1 }),
      // Written in station 2 but dragged into a station 1 column: it counts where it lies.
      note({
        id: 'moved',
        text: 'Verschoben',
        station: 1,
        column: 0,
        at: noteSlot(stationLayout(0, 2).columns[1]!, 0),
      }),
    ]
    const results = buildResults(config(), [
      {
        tableId: 'frauen',
        stations: [
          { stationIndex: 0, records, source: snapshot('f0') },
          { stationIndex: 1, records, source: live },
        ],
      },
    ])
    const [first, second] = results.tables[0]!.stations
    expect(texts(first!.columns[0]!.notes)).toEqual([
      'Station 1, oben links',
      'Station 1, oben Mitte',
      'Station 1, unten rechts',
    ])
    expect(texts(first!.columns[1]!.notes)).toEqual(['Verschoben'])
    expect(texts(second!.columns[1]!.notes)).toEqual(['Station 2'])
    expect(texts(second!.columns[0]!.notes)).toEqual([])
  })

  it('lists notes outside every column as unsorted for the station they were written in', () => {
    const outside = { x: 5000, y: 100 }
    const records = [
      ...frames(1),
      note({ id: 'stray1', text: 'Am Rand', station: 0, column: 0, at: outside }),
      note({ id: 'stray2', text: 'Daneben', station: 1, column: 0, at: { x: 5000, y: 400 } }),
    ]
    const results = buildResults(config(), [
      {
        tableId: 'frauen',
        stations: [
          { stationIndex: 0, records, source: snapshot('f0') },
          { stationIndex: 1, records, source: live },
        ],
      },
    ])
    const [first, second] = results.tables[0]!.stations
    expect(texts(first!.unsorted)).toEqual(['Am Rand'])
    expect(texts(second!.unsorted)).toEqual(['Daneben'])
  })

  it('carries votes, the group’s name, author and time, and leaves out what is unknown', () => {
    const records = [
      ...frames(0),
      note({
        id: 'full',
        text: 'Ehrenamt',
        station: 0,
        column: 0,
        meta: { votes: 3, groupId: 'rot', author: 'Ayşe', createdAt: '2019-07-02T09:01:00.000Z' },
      }),
      note({
        id: 'gone',
        text: 'Alte Gruppe',
        station: 0,
        column: 0,
        slot: 1,
        meta: { groupId: 'g9' },
      }),
      note({ id: 'bare', text: 'Nur Text', station: 0, column: 0, slot: 2 }),
    ]
    const results = buildResults(config(), [
      { tableId: 'frauen', stations: [{ stationIndex: 0, records, source: live }] },
    ])
    expect(results.tables[0]!.stations[0]!.columns[0]!.notes).toEqual([
      {
        id: 'shape:full',
        text: 'Ehrenamt',
        votes: 3,
        group: 'Gruppe Rot',
        author: 'Ayşe',
        time: '2019-07-02T09:01:00.000Z',
      },
      { id: 'shape:gone', text: 'Alte Gruppe', votes: 0, group: 'g9' },
      { id: 'shape:bare', text: 'Nur Text', votes: 0 },
    ])
  })

  it('pulls a cluster together where its first note stands, then keeps reading the board', () => {
    const cluster = (name: string) => ({ clusterId: name })
    const records = [
      ...frames(0),
      note({
        id: 'a',
        text: 'Kochabende',
        station: 0,
        column: 0,
        slot: 0,
        meta: cluster('Kultur'),
      }),
      note({ id: 'b', text: 'Ehrenamt', station: 0, column: 0, slot: 1 }),
      note({
        id: 'c',
        text: 'Deutschkurse',
        station: 0,
        column: 0,
        slot: 2,
        meta: cluster('Kurse'),
      }),
      note({
        id: 'd',
        text: 'Kreative Treffen',
        station: 0,
        column: 0,
        slot: 3,
        meta: cluster('Kultur'),
      }),
      note({ id: 'e', text: 'B1-Niveau', station: 0, column: 0, slot: 4, meta: cluster('Kurse') }),
    ]
    const results = buildResults(config(), [
      { tableId: 'frauen', stations: [{ stationIndex: 0, records, source: live }] },
    ])
    const notes = results.tables[0]!.stations[0]!.columns[0]!.notes
    expect(notes.map((n) => [n.text, n.cluster])).toEqual([
      ['Kochabende', 'Kultur'],
      ['Kreative Treffen', 'Kultur'],
      ['Ehrenamt', undefined],
      ['Deutschkurse', 'Kurse'],
      ['B1-Niveau', 'Kurse'],
    ])
    expect(clusterRuns(notes).map((run) => [run.cluster, run.notes.length])).toEqual([
      ['Kultur', 2],
      [undefined, 1],
      ['Kurse', 2],
    ])
  })

  it('names a cluster after its heading on the board, and lists the notes of an emptied heading plainly', () => {
    const column = stationLayout(0, 2).columns[0]!
    const heading = (id: string, clusterId: string, text: string) => ({
      id: `shape:${id}`,
      typeName: 'shape',
      type: 'text',
      x: 40,
      y: 700,
      parentId: 'shape:frame-0-0',
      meta: { tablecloth: 'clusterHeading', clusterId },
      props: { w: 300, scale: 1, richText: plainToRichText(text) },
    })
    const records = [
      ...frames(0),
      heading('h1', 'cluster:sprache', '„Sprachkurse“ 🗣️'),
      heading('h2', 'cluster:leer', '   '),
      note({
        id: 'a',
        text: 'B1 für Mütter',
        station: 0,
        column: 0,
        slot: 0,
        meta: { clusterId: 'cluster:sprache' },
      }),
      note({
        id: 'b',
        text: 'Kita-Plätze',
        station: 0,
        column: 0,
        slot: 1,
        meta: { clusterId: 'cluster:leer' },
      }),
      note({
        id: 'c',
        text: 'دورات اللغة',
        station: 0,
        column: 0,
        slot: 2,
        meta: { clusterId: 'cluster:sprache' },
      }),
    ]
    expect(column.w).toBeGreaterThan(0)
    const results = buildResults(config(), [
      { tableId: 'frauen', stations: [{ stationIndex: 0, records, source: live }] },
    ])
    const notes = results.tables[0]!.stations[0]!.columns[0]!.notes
    expect(notes.map((n) => [n.text, n.cluster])).toEqual([
      ['B1 für Mütter', '„Sprachkurse“ 🗣️'],
      ['دورات اللغة', '„Sprachkurse“ 🗣️'],
      ['Kita-Plätze', undefined],
    ])
  })

  it('lists a note dragged from the running station into an earlier column under the running station', () => {
    const earlier = [
      ...frames(0),
      note({ id: 'alt', text: 'Aus Station 1', station: 0, column: 0 }),
    ]
    const now = [
      ...frames(1),
      note({ id: 'alt', text: 'Aus Station 1', station: 0, column: 0 }),
      // Written in station 2, then dragged back into station 1's first column.
      note({
        id: 'verirrt',
        text: 'Neu, aber „zurückgeschoben“',
        station: 0,
        column: 0,
        slot: 1,
        meta: { stationId: 's2' },
      }),
    ]
    const results = buildResults(config(), [
      {
        tableId: 'frauen',
        stations: [
          { stationIndex: 0, records: earlier, source: snapshot('snap-1') },
          { stationIndex: 1, records: now, source: live },
        ],
      },
    ])
    const [first, second] = results.tables[0]!.stations
    expect(texts(first!.columns[0]!.notes)).toEqual(['Aus Station 1'])
    expect(texts(second!.unsorted)).toEqual(['Neu, aber „zurückgeschoben“'])
    expect(second!.columns.flatMap((column) => texts(column.notes))).toEqual([])
  })

  it('leaves out hidden notes and empty ones', () => {
    const records = [
      ...frames(0),
      note({ id: 'shown', text: 'Bleibt', station: 0, column: 0 }),
      note({ id: 'hidden', text: 'Ausgeblendet', station: 0, column: 0, slot: 1 }),
      note({ id: 'empty', text: '  ', station: 0, column: 0, slot: 2 }),
    ]
    const results = buildResults(
      config(),
      [{ tableId: 'frauen', stations: [{ stationIndex: 0, records, source: live }] }],
      { hidden: new Set(['shape:hidden']) },
    )
    expect(texts(results.tables[0]!.stations[0]!.columns[0]!.notes)).toEqual(['Bleibt'])
  })

  it('never drops a note from a board without columns or with a column the config lacks', () => {
    const extraColumn = {
      id: 'shape:frame-extra',
      typeName: 'shape',
      type: 'frame',
      x: 0,
      y: 20_000,
      parentId: 'page:page',
      meta: { tablecloth: 'column', stationId: 's1', stationIndex: 0, columnIndex: 7 },
      props: { w: 500, h: 500 },
    }
    const inExtra = {
      ...(note({ id: 'extra', text: 'In Spalte 8', station: 0, column: 0 }) as object),
      x: 100,
      y: 20_100,
    }
    const bare = {
      ...(note({ id: 'bare', text: 'Ohne alles', station: 0, column: 0 }) as object),
      meta: {},
    }
    const results = buildResults(config(), [
      {
        tableId: 'frauen',
        stations: [
          { stationIndex: 0, records: [...frames(0), extraColumn, inExtra], source: live },
        ],
      },
      { tableId: 'arbeit', stations: [{ stationIndex: 0, records: [bare], source: live }] },
    ])
    expect(texts(results.tables[0]!.stations[0]!.unsorted)).toEqual(['In Spalte 8'])
    expect(results.tables[0]!.stations[0]!.columns).toHaveLength(2)
    expect(texts(results.tables[1]!.stations[0]!.unsorted)).toEqual(['Ohne alles'])
  })
})
