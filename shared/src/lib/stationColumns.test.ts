import { describe, expect, it } from 'vitest'
import { noteSlot, stationLayout } from './boardLayout'
import type { EventConfig } from './eventConfig'
import { parseEventConfig } from './eventValidation'
import { clusterHeadingMeta } from './noteClusters'
import { buildResults } from './results'
import { plainToRichText } from './richText'
import { stationColumns, type StationColumnsView } from './stationColumns'

function config(): EventConfig {
  const parsed = parseEventConfig({
    title: 'Tag',
    date: '2019-07-02',
    venue: 'Halle',
    tables: [{ id: 'frauen', topic: 'Frauen, Kinderbetreuung, Sprache' }],
    stations: [
      { title: 'Station 1', columns: ['Was läuft gut?', 'Wo hakt es?'], durationMinutes: 60 },
      { title: 'Station 2', columns: ['Was sind unsere Ziele?'], durationMinutes: 60 },
    ],
  })
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues))
  return parsed.config
}

const STATION_IDS = (event: EventConfig) => event.stations.map((station) => station.id)

/** The frames the server writes for both stations, as plain records. */
function frames(event: EventConfig): unknown[] {
  return event.stations.flatMap((station, stationIndex) =>
    stationLayout(stationIndex, station.columns.length).columns.map((bounds, columnIndex) => ({
      id: `shape:frame-${stationIndex}-${columnIndex}`,
      typeName: 'shape',
      type: 'frame',
      x: bounds.x,
      y: bounds.y,
      parentId: 'page:page',
      meta: { tablecloth: 'column', stationId: station.id, stationIndex, columnIndex },
      props: { w: bounds.w, h: bounds.h, name: station.columns[columnIndex] },
    })),
  )
}

function note(
  event: EventConfig,
  id: string,
  text: string,
  place: { station?: number; column: number; slot: number },
  extra: { meta?: Record<string, unknown>; color?: string } = {},
): unknown {
  const stationIndex = place.station ?? 0
  const columns = stationLayout(stationIndex, event.stations[stationIndex]!.columns.length).columns
  const position = noteSlot(columns[place.column]!, place.slot)
  return {
    id: `shape:${id}`,
    typeName: 'shape',
    type: 'note',
    x: position.x,
    y: position.y,
    parentId: 'page:page',
    meta: { stationId: STATION_IDS(event)[stationIndex], ...extra.meta },
    props: {
      richText: plainToRichText(text),
      scale: 1,
      growY: 0,
      ...(extra.color !== undefined && { color: extra.color }),
    },
  }
}

function heading(clusterId: string, text: string, at: { x: number; y: number }): unknown {
  return {
    id: `shape:heading-${clusterId}`,
    typeName: 'shape',
    type: 'text',
    ...at,
    parentId: 'page:page',
    meta: clusterHeadingMeta(clusterId),
    props: { richText: plainToRichText(text), w: 300, scale: 1 },
  }
}

const texts = (view: StationColumnsView | null) =>
  view?.columns.map((column) =>
    column.entries.map((entry) =>
      entry.kind === 'note'
        ? entry.note.text
        : `${entry.heading ?? '(ohne Titel)'}: ${entry.notes.map((card) => card.text).join(', ')}`,
    ),
  )

describe('stationColumns', () => {
  it('lists each question’s notes in reading order, with their colour, dots and origin', () => {
    const event = config()
    const records = [
      ...frames(event),
      note(
        event,
        'b',
        'Busse fahren abends nicht',
        { column: 1, slot: 0 },
        { color: 'light-blue' },
      ),
      note(event, 'a2', 'Sprachcafé', { column: 0, slot: 1 }, { meta: { votes: 3 } }),
      note(event, 'a1', 'Mutter-Kind-Kurse', { column: 0, slot: 0 }, { meta: { via: 'phone' } }),
      note(event, 'later', 'Ziele klären', { station: 1, column: 0, slot: 0 }),
    ]
    const view = stationColumns(event, records, 0)
    expect(view?.title).toBe('Station 1')
    expect(view?.columns.map((column) => column.question)).toEqual([
      'Was läuft gut?',
      'Wo hakt es?',
    ])
    expect(texts(view)).toEqual([
      ['Mutter-Kind-Kurse', 'Sprachcafé'],
      ['Busse fahren abends nicht'],
    ])
    const first = view!.columns[0]!.entries
    expect(first).toEqual([
      {
        kind: 'note',
        note: {
          id: 'shape:a1',
          text: 'Mutter-Kind-Kurse',
          votes: 0,
          colour: 'black',
          via: 'phone',
        },
      },
      { kind: 'note', note: { id: 'shape:a2', text: 'Sprachcafé', votes: 3, colour: 'black' } },
    ])
    expect(view!.columns[1]!.entries[0]).toMatchObject({ note: { colour: 'light-blue' } })
    expect(view!.columns.map((column) => column.noteCount)).toEqual([2, 1])
    expect(view!.unsorted).toBeNull()
    expect(texts(stationColumns(event, records, 1))).toEqual([['Ziele klären']])
    expect(stationColumns(event, records, 2)).toBeNull()
  })

  it('keeps a cluster’s heading and notes together where its first note stands', () => {
    const event = config()
    const column = stationLayout(0, 2).columns[0]!
    const records = [
      ...frames(event),
      note(event, 'n0', 'Ehrenamt', { column: 0, slot: 0 }),
      note(
        event,
        'k1',
        'Sprachkurs am Abend',
        { column: 0, slot: 1 },
        { meta: { clusterId: 'cluster:k' } },
      ),
      note(event, 'n2', 'Patenschaften', { column: 0, slot: 2 }),
      note(
        event,
        'k2',
        'Kinderbetreuung im Kurs',
        { column: 0, slot: 4 },
        { meta: { clusterId: 'cluster:k' } },
      ),
      heading('cluster:k', '  Sprachkurse ', { x: column.x + 40, y: column.y + 10 }),
      note(event, 'u1', 'Ohne Namen', { column: 1, slot: 0 }, { meta: { clusterId: 'cluster:u' } }),
      note(event, 'u2', 'Auch ohne', { column: 1, slot: 1 }, { meta: { clusterId: 'cluster:u' } }),
      heading('cluster:u', '', { x: 0, y: 0 }),
    ]
    const view = stationColumns(event, records, 0)
    expect(texts(view)).toEqual([
      ['Ehrenamt', 'Sprachkurse: Sprachkurs am Abend, Kinderbetreuung im Kurs', 'Patenschaften'],
      ['(ohne Titel): Ohne Namen, Auch ohne'],
    ])
    expect(view!.columns[0]!.noteCount).toBe(4)
  })

  it('shows the station’s notes outside its columns rather than dropping them', () => {
    const event = config()
    const records = [
      ...frames(event),
      note(event, 'in', 'In der Spalte', { column: 0, slot: 0 }),
      { ...(note(event, 'out', 'Daneben', { column: 0, slot: 0 }) as object), x: -900, y: 400 },
    ]
    const view = stationColumns(event, records, 0)
    expect(texts(view)).toEqual([['In der Spalte'], []])
    expect(view!.unsorted?.entries).toEqual([
      { kind: 'note', note: { id: 'shape:out', text: 'Daneben', votes: 0, colour: 'black' } },
    ])
  })

  it('holds the same notes in the same order as the results', () => {
    const event = config()
    const records = [
      ...frames(event),
      note(
        event,
        'k2',
        'Zweite im Cluster',
        { column: 0, slot: 5 },
        { meta: { clusterId: 'Sprache' } },
      ),
      note(event, 'x', 'Einzeln', { column: 0, slot: 0 }),
      note(
        event,
        'k1',
        'Erste im Cluster',
        { column: 0, slot: 1 },
        { meta: { clusterId: 'Sprache' } },
      ),
      note(event, 'y', 'Noch eine', { column: 0, slot: 3 }),
      note(event, 'empty', '  ', { column: 0, slot: 2 }),
    ]
    const results = buildResults(event, [
      {
        tableId: 'frauen',
        stations: [{ stationIndex: 0, records, source: { kind: 'live', at: '' } }],
      },
    ])
    const fromResults = results.tables[0]!.stations[0]!.columns.map((column) =>
      column.notes.map((entry) => entry.id),
    )
    const view = stationColumns(event, records, 0)!
    const fromView = view.columns.map((column) =>
      column.entries.flatMap((entry) =>
        entry.kind === 'note' ? [entry.note.id] : entry.notes.map((card) => card.id),
      ),
    )
    expect(fromView).toEqual(fromResults)
    expect(fromView[0]).toEqual(['shape:x', 'shape:k1', 'shape:k2', 'shape:y'])
  })
})
