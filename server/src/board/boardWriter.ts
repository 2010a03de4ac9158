import * as Y from 'yjs'
import { YKeyValue } from 'y-utility/y-keyvalue'
import type { TLRecord } from '@tldraw/tlschema'
import {
  PROTOCOL_VERSION,
  boardRecordsArray,
  currentRecords,
  latestRecords,
  stationShift,
  writeBoardStamp,
  type BoardDayState,
  type EventConfig,
} from '@tablecloth/shared'
import { validateRecord, type BoardSchema } from './boardSchema'
import { entryProblem } from './recordCheck'
import { baseRecords, stationRecords } from './stationRecords'

export type RecordMap = YKeyValue<TLRecord>

/**
 * One YKeyValue per live doc: each instance attaches an observer to the
 * records array for the doc's lifetime, so creating one per write would pile
 * them up. Keyed weakly, so an unloaded board's doc is collected with it.
 */
const recordMaps = new WeakMap<Y.Doc, RecordMap>()

/** The board's records through the doc's one YKeyValue; every server-side writer uses this. */
export function recordsOf(doc: Y.Doc): RecordMap {
  let records = recordMaps.get(doc)
  if (!records) {
    records = new YKeyValue<TLRecord>(
      // The content gate and the load-time repair keep only board records in the array.
      boardRecordsArray(doc) as Y.Array<{ key: string; val: TLRecord }>,
    )
    recordMaps.set(doc, records)
  }
  return records
}

/**
 * The board's records as they stand inside the current transaction: read
 * from the records array itself, later entries winning, since a
 * YKeyValue's map catches up with writes only when the transaction ends.
 * For a writer that runs after another one in the same transaction (a
 * restore, mending notes, then the day's layout).
 */
export function recordsInTransaction(doc: Y.Doc): Map<string, TLRecord> {
  return currentRecords<TLRecord>(doc)
}

/** Writes only records that differ, so a rewrite of an unchanged layout sends nothing. */
function putIfChanged(
  records: RecordMap,
  schema: BoardSchema,
  record: TLRecord,
  existing: TLRecord | undefined = records.get(record.id),
): void {
  const valid = validateRecord(schema, record)
  if (existing && JSON.stringify(existing) === JSON.stringify(valid)) return
  records.set(valid.id, valid)
}

/**
 * Columns grow downwards when they fill up (capture makes room for the next
 * note). A rewrite of the layout must not shrink them again: frames clip
 * their children, so the notes below the cut would vanish from view.
 */
function movedDown(record: TLRecord, shift: number): TLRecord {
  return shift === 0 || record.typeName !== 'shape' ? record : { ...record, y: record.y + shift }
}

function keepGrownColumn(existing: TLRecord | undefined, record: TLRecord): TLRecord {
  if (
    existing?.typeName !== 'shape' ||
    existing.type !== 'frame' ||
    record.typeName !== 'shape' ||
    record.type !== 'frame'
  ) {
    return record
  }
  const grownHeight = Math.max(existing.props.h, record.props.h)
  return grownHeight === record.props.h
    ? record
    : { ...record, props: { ...record.props, h: grownHeight } }
}

/**
 * Brings a board in line with where the day stands: the page, every station
 * up to the current one (earlier ones dimmed), the schema stamp and the day
 * state. Runs inside one transaction, so clients see one consistent change.
 * Idempotent: calling it twice writes nothing the second time.
 */
export function writeBoardDay(
  doc: Y.Doc,
  schema: BoardSchema,
  config: EventConfig,
  day: BoardDayState,
): void {
  doc.transact(() => {
    const records = recordsOf(doc)
    // What earlier writers of this transaction wrote (a restore, grown columns) counts.
    const current = recordsInTransaction(doc)
    for (const record of baseRecords()) {
      if (!current.has(record.id)) records.set(record.id, validateRecord(schema, record))
    }
    // A station moves down when a column above it grew past its band (see stationShift).
    let shift = 0
    let aboveBottom = -Infinity
    config.stations.slice(0, day.stationIndex + 1).forEach((station, index) => {
      if (index > 0) shift = stationShift(index, aboveBottom, shift)
      aboveBottom = -Infinity
      for (const record of stationRecords(station, index, index === day.stationIndex)) {
        const existing = current.get(record.id)
        const placed = keepGrownColumn(existing, movedDown(record, shift))
        putIfChanged(records, schema, placed, existing)
        if (placed.typeName === 'shape' && placed.type === 'frame') {
          aboveBottom = Math.max(aboveBottom, placed.y + placed.props.h)
        }
      }
    })
    writeBoardStamp(doc, { schema: schema.serialize(), protocol: PROTOCOL_VERSION, day })
  })
}

/**
 * The board's records as a plain map, read from an encoded doc state (e.g. a
 * snapshot). An entry that is no board record (see `entryProblem`; snapshots
 * taken before the content gate may hold one) is left out and named to
 * `onSkipped` without its content, so one bad entry never costs the rest.
 */
export function readRecords(
  state: Uint8Array,
  schema: BoardSchema,
  onSkipped?: (problem: string) => void,
): Map<string, TLRecord> {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, state)
    // Only entries the record check passes take part; among them the rightmost of a key wins.
    const checked = boardRecordsArray(doc)
      .toArray()
      .filter((entry) => {
        const problem = entryProblem(schema, entry)
        if (problem !== null) onSkipped?.(problem)
        return problem === null
      })
    return latestRecords<TLRecord>(checked)
  } finally {
    doc.destroy()
  }
}

/**
 * Makes the live board hold exactly the snapshot's records, as ordinary edits
 * that sync to every client. The doc's history is not rewound; connected and
 * offline clients converge through normal CRDT merging.
 */
export function restoreRecords(
  doc: Y.Doc,
  schema: BoardSchema,
  snapshot: Map<string, TLRecord>,
): void {
  doc.transact(() => {
    const records = recordsOf(doc)
    for (const [id] of records.map) {
      if (!snapshot.has(id)) records.delete(id)
    }
    for (const record of snapshot.values()) putIfChanged(records, schema, record)
  })
}
