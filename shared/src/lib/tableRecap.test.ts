import { describe, expect, it } from 'vitest'
import { WHAT_WORKS, WHERE_IT_STICKS } from '../testing/cafeNotes'
import { stationLayout } from './boardLayout'
import type { EventConfig } from './eventConfig'
import { parseEventConfig } from './eventValidation'
import { clusterHeadingMeta } from './noteClusters'
import { buildResults } from './results'
import { plainToRichText } from './richText'
import {
  isRecapFresh,
  newNoteIds,
  RECAP_FRESH_SECONDS,
  tableRecap,
  type RecapCluster,
  type RecapItem,
} from './tableRecap'

function config(): EventConfig {
  const parsed = parseEventConfig({
    title: 'Integrationsdialog',
    date: '2019-07-02',
    venue: 'Halle',
    tables: [{ id: 'frauen', topic: 'Frauen, Kinderbetreuung, Sprache' }],
    stations: [
      {
        title: 'Bestandsaufnahme',
        columns: ['Was läuft gut?', 'Wo hakt es?'],
        durationMinutes: 40,
      },
      { title: 'Ziele', columns: ['Was sind unsere Ziele?', 'Wer hilft?'], durationMinutes: 40 },
      { title: 'Maßnahmen', columns: ['Was tun wir als Nächstes?'], durationMinutes: 40 },
    ],
  })
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues))
  return parsed.config
}

const EVENT = config()

function frames(): unknown[] {
  return EVENT.stations.flatMap((station, stationIndex) =>
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

/**
 * A note in slot `slot` of a column: four small notes a row, as a full
 * column of 20–30 notes looks once the moderator has made room.
 */
function note(
  id: string,
  text: string,
  place: { station: number; column: number; slot: number; writtenIn?: number },
  meta: Record<string, unknown> = {},
): unknown {
  const column = stationLayout(place.station, EVENT.stations[place.station]!.columns.length)
    .columns[place.column]!
  return {
    id: `shape:${id}`,
    typeName: 'shape',
    type: 'note',
    x: column.x + 20 + (place.slot % 4) * 170,
    y: column.y + 20 + Math.floor(place.slot / 4) * 170,
    parentId: 'page:page',
    meta: { stationId: EVENT.stations[place.writtenIn ?? place.station]!.id, ...meta },
    props: { richText: plainToRichText(text), scale: 0.75, growY: 0 },
  }
}

function heading(clusterId: string, text: string): unknown {
  return {
    id: `shape:heading-${clusterId}`,
    typeName: 'shape',
    type: 'text',
    x: 0,
    y: 0,
    parentId: 'page:page',
    meta: clusterHeadingMeta(clusterId),
    props: { richText: plainToRichText(text), w: 300, scale: 1 },
  }
}

/**
 * A table after two stations: station 1 with 20 and 14 notes (a cluster of
 * four under „Sprache“ among them, dots here and there), station 2 with 24
 * notes in its first column (two from phones, a cluster without a heading)
 * and 3 in its second.
 */
function board(): unknown[] {
  const records: unknown[] = [...frames(), heading('cluster:sprache', 'Sprache')]
  WHAT_WORKS.slice(0, 20).forEach((text, slot) => {
    const meta: Record<string, unknown> = {}
    if (slot === 2) meta.votes = 3
    if (slot === 9) meta.votes = 3
    if (slot === 15) meta.votes = 1
    // Sprachgebrauch, Mutter-Kind-Kurse, Selbstinitiative, Sprachcafé: one cluster, 1+2 dots.
    if ([0, 1, 3, 7].includes(slot)) meta.clusterId = 'cluster:sprache'
    if (slot === 1) meta.votes = 1
    if (slot === 7) meta.votes = 2
    records.push(note(`s1a${slot}`, text, { station: 0, column: 0, slot }, meta))
  })
  WHERE_IT_STICKS.slice(0, 14).forEach((text, slot) => {
    records.push(note(`s1b${slot}`, text, { station: 0, column: 1, slot }))
  })
  WHERE_IT_STICKS.slice(14, 38).forEach((text, slot) => {
    const meta: Record<string, unknown> = {}
    if (slot === 5 || slot === 6) meta.via = 'phone'
    if (slot === 6) meta.votes = 2
    if (slot === 10 || slot === 11) meta.clusterId = 'cluster:ohne'
    if (slot === 11) meta.votes = 4
    records.push(note(`s2a${slot}`, text, { station: 1, column: 0, slot }, meta))
  })
  records.push(note('s2b0', 'Kinderbetreuungsangebotsausbau', { station: 1, column: 1, slot: 0 }))
  records.push(note('s2b1', 'Ehrenamtskoordination', { station: 1, column: 1, slot: 1 }))
  records.push(note('s2b2', 'مترجمين في المدارس', { station: 1, column: 1, slot: 2 }))
  // Written now, in station 3: not part of the recap.
  records.push(note('s3a0', 'Sprachkursplätze verdoppeln', { station: 2, column: 0, slot: 0 }))
  return records
}

const texts = (items: readonly RecapItem[]) =>
  items.map((item) => (item.kind === 'note' ? item.text : `[${item.heading ?? item.firstText}]`))

describe('tableRecap', () => {
  it('has nothing to tell in the first station', () => {
    const recap = tableRecap(EVENT, board(), 0)
    expect(recap.stations).toEqual([])
    expect(recap.previousStationId).toBeNull()
    expect(recap.newCount).toBe(0)
  })

  it('lists the earlier stations latest first and leaves the current one out', () => {
    const recap = tableRecap(EVENT, board(), 2)
    expect(recap.stations.map((station) => [station.title, station.isPrevious])).toEqual([
      ['Ziele', true],
      ['Bestandsaufnahme', false],
    ])
    expect(recap.previousStationId).toBe(EVENT.stations[1]!.id)
    expect(recap.noteCount).toBe(20 + 14 + 24 + 3)
    const everything = recap.stations.flatMap((station) =>
      station.columns.flatMap((column) => texts(column.items)),
    )
    expect(everything).not.toContain('Sprachkursplätze verdoppeln')
  })

  it('ranks each column most-voted first, a cluster by its notes’ dots together, ties in reading order', () => {
    const recap = tableRecap(EVENT, board(), 2)
    const first = recap.stations[1]!.columns[0]!
    expect(first.question).toBe('Was läuft gut?')
    expect(first.noteCount).toBe(20)
    // 20 notes, four of them folded into one cluster: 17 items.
    expect(first.items).toHaveLength(17)
    expect(texts(first.items).slice(0, 5)).toEqual([
      // 3 dots each: the cluster (1 + 2) stands where its first note is, before slot 2 and 9.
      '[Sprache]',
      WHAT_WORKS[2],
      WHAT_WORKS[9],
      WHAT_WORKS[15],
      // Then the notes without dots, in reading order.
      WHAT_WORKS[4],
    ])
    const cluster = first.items[0] as RecapCluster
    expect(cluster).toMatchObject({ kind: 'cluster', noteCount: 4, votes: 3, isNew: false })
    // The second question's 14 notes have no dots: they keep the order they were read in.
    expect(texts(recap.stations[1]!.columns[1]!.items)).toEqual(WHERE_IT_STICKS.slice(0, 14))
  })

  it('marks the notes of the group that just left as new, phone notes included', () => {
    const recap = tableRecap(EVENT, board(), 2)
    const [previous, older] = recap.stations
    const newOf = (items: readonly RecapItem[]) => items.every((item) => item.isNew)
    expect(previous!.columns.every((column) => newOf(column.items))).toBe(true)
    expect(older!.columns.every((column) => column.items.every((item) => !item.isNew))).toBe(true)
    expect(recap.newCount).toBe(24 + 3)
    const phone = previous!.columns[0]!.items.filter((item) => item.kind === 'note' && item.via)
    expect(phone.map((item) => item.kind === 'note' && item.text)).toEqual([
      WHERE_IT_STICKS[20],
      WHERE_IT_STICKS[19],
    ])
  })

  it('names a cluster without a heading by its most-voted note and counts its dots', () => {
    const recap = tableRecap(EVENT, board(), 2)
    const column = recap.stations[0]!.columns[0]!
    expect(column.noteCount).toBe(24)
    const top = column.items[0] as RecapCluster
    expect(top).toMatchObject({
      kind: 'cluster',
      noteCount: 2,
      votes: 4,
      newCount: 2,
      firstText: WHERE_IT_STICKS[25],
    })
    expect(top.heading).toBeUndefined()
  })

  it('moves the new marks to the next group when another station begins', () => {
    const records = board()
    expect(tableRecap(EVENT, records, 1).stations[0]!.columns[0]!.items[0]).toMatchObject({
      kind: 'cluster',
      heading: 'Sprache',
      isNew: true,
    })
    expect(tableRecap(EVENT, records, 2).stations[1]!.columns[0]!.items[0]!.isNew).toBe(false)
  })

  it('shows a note dragged into an earlier station’s column once, where it lies', () => {
    const records = [
      ...board(),
      note('moved', 'Wohnraumvermittlung', { station: 0, column: 1, slot: 20, writtenIn: 1 }),
    ]
    const recap = tableRecap(EVENT, records, 2)
    const all = recap.stations.flatMap((station) => [
      ...station.columns.flatMap((column) => column.items),
      ...(station.unsorted?.items ?? []),
    ])
    const moved = all.filter((item) => item.kind === 'note' && item.id === 'shape:moved')
    expect(moved).toHaveLength(1)
    expect(texts(recap.stations[1]!.columns[1]!.items)).toContain('Wohnraumvermittlung')
    expect(moved[0]!.isNew).toBe(true)
  })

  it('reads the same notes per column as the results do', () => {
    const records = board()
    const results = buildResults(EVENT, [
      {
        tableId: 'frauen',
        stations: [0, 1].map((stationIndex) => ({
          stationIndex,
          records,
          source: { kind: 'live' as const, at: '2019-07-02T10:00:00Z' },
        })),
      },
    ])
    const recap = tableRecap(EVENT, records, 2)
    for (const station of recap.stations) {
      const harvested = results.tables[0]!.stations[station.stationIndex]!
      station.columns.forEach((column, index) => {
        expect(column.noteCount).toBe(harvested.columns[index]!.notes.length)
      })
    }
  })

  it('leaves out hidden notes', () => {
    const recap = tableRecap(EVENT, board(), 2, new Set(['shape:s2b0']))
    expect(texts(recap.stations[0]!.columns[1]!.items)).toEqual([
      'Ehrenamtskoordination',
      'مترجمين في المدارس',
    ])
  })
})

describe('newNoteIds', () => {
  it('names the notes written in the station before the current one', () => {
    const notes = [
      { id: 'a', stationId: EVENT.stations[0]!.id },
      { id: 'b', stationId: EVENT.stations[1]!.id },
      { id: 'c' },
    ]
    expect(newNoteIds(EVENT, notes, 0)).toEqual(new Set())
    expect(newNoteIds(EVENT, notes, 1)).toEqual(new Set(['a']))
    expect(newNoteIds(EVENT, notes, 2)).toEqual(new Set(['b']))
  })
})

describe('isRecapFresh', () => {
  const timer = (elapsedBeforeSeconds: number, runningSince: number | null) => ({
    durationSeconds: 40 * 60,
    elapsedBeforeSeconds,
    runningSince,
  })

  it('points at the recap in the first minutes of the second station and later ones', () => {
    expect(isRecapFresh(1, timer(0, null), 0)).toBe(true)
    expect(isRecapFresh(2, timer(0, 1_000), 1_000 + 60_000)).toBe(true)
    expect(isRecapFresh(1, timer(0, 0), RECAP_FRESH_SECONDS * 1000)).toBe(false)
    expect(isRecapFresh(1, timer(RECAP_FRESH_SECONDS + 1, null), 0)).toBe(false)
  })

  it('never in the first station: there is nothing before it', () => {
    expect(isRecapFresh(0, timer(0, null), 0)).toBe(false)
  })
})
