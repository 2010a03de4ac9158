import type * as Y from 'yjs'
import { BOARD_DOC, BOARD_META, type BoardDayState } from './boardDoc'

/**
 * The one place that reaches into a board's Y.Doc. The browser, the server
 * and the benchmarks all read and write the same layout (see `BOARD_DOC`),
 * so each rule about it lives here: where the records and the meta map sit,
 * which entry of a key is live, how the day and the schema stamp are read and
 * written. Only Yjs types are used, so this runs wherever a Y.Doc does.
 */

/** A board record as the doc holds it: tldraw's JSON, known here only by its id and type. */
export interface BoardRecordLike {
  id: string
  typeName: string
  [field: string]: unknown
}

/** One entry of the board's `records` array, in y-utility's YKeyValue layout. */
export interface BoardRecordEntry<R extends { id: string } = BoardRecordLike> {
  key: string
  val: R
}

/**
 * The board's `records` array. Its values are input like any other (old
 * stored data, a device's offline copy or a foreign client may have left
 * anything in it), so they are `unknown` until `isBoardRecordEntry` says
 * otherwise.
 */
export function boardRecordsArray(doc: Y.Doc): Y.Array<unknown> {
  return doc.getArray<unknown>(BOARD_DOC.records)
}

/** The board's `meta` map: the schema stamp, the writer's protocol and the day. */
export function boardMetaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(BOARD_DOC.meta)
}

/** A plain JSON object; not null, an array, a class instance or a nested Yjs type. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

/**
 * Whether a value can be a board record at all: a plain object with a string
 * id and type. A caller that knows the record type (tldraw's `TLRecord` in the
 * browser) may name it; whether the record is valid is its schema's to say.
 */
export function isRecordLike<R extends { id: string; typeName: string } = BoardRecordLike>(
  value: unknown,
): value is R {
  return isPlainObject(value) && typeof value.id === 'string' && typeof value.typeName === 'string'
}

/**
 * Whether an array value is an honest entry: `{ key, val }` with a record
 * object as `val` that names itself by `key`. Whether the record is valid
 * tldraw is for a schema to say; this only decides what can be keyed at all.
 */
export function isBoardRecordEntry<R extends { id: string; typeName: string } = BoardRecordLike>(
  value: unknown,
): value is BoardRecordEntry<R> {
  return isPlainObject(value) && isRecordLike(value.val) && value.val.id === value.key
}

/**
 * The live record of every key among `values` (the records array's
 * contents): the rightmost honest entry wins, the rule y-utility's YKeyValue
 * uses, so every reader agrees on each record. Values that are no honest
 * entry are skipped and counted through `onSkipped`.
 */
export function latestRecords<R extends { id: string; typeName: string } = BoardRecordLike>(
  values: readonly unknown[],
  onSkipped?: (value: unknown) => void,
): Map<string, R> {
  const latest = new Map<string, R>()
  for (const value of values) {
    // A key keeps the place of its first entry, so the order is stable while records change.
    if (isBoardRecordEntry<R>(value)) latest.set(value.key, value.val)
    else {
      onSkipped?.(value)
    }
  }
  return latest
}

/**
 * The board's records as they stand right now, read from the array itself.
 * Unlike a YKeyValue's map, which catches up only when a transaction ends,
 * this sees writes made earlier in the running transaction.
 */
export function currentRecords<R extends { id: string; typeName: string } = BoardRecordLike>(
  doc: Y.Doc,
): Map<string, R> {
  return latestRecords<R>(boardRecordsArray(doc).toArray())
}

/** Whether a meta value reads as a day: anything else is an old or foreign value. */
function isBoardDay(value: unknown): value is BoardDayState {
  return isPlainObject(value) && typeof value.stationIndex === 'number'
}

/** Where the day stands as the server last wrote it into this board, or null before it has. */
export function readBoardDay(doc: Y.Doc): BoardDayState | null {
  const value = boardMetaMap(doc).get(BOARD_META.day)
  return isBoardDay(value) ? value : null
}

/** The tldraw schema stamp the records were written with; undefined on a fresh board. */
export function readSchemaStamp(doc: Y.Doc): unknown {
  return boardMetaMap(doc).get(BOARD_META.schema)
}

/**
 * Calls `listener` whenever one of `keys` of the board's meta changes (all
 * keys when none are named). Returns the function that stops it.
 */
export function observeBoardMeta(
  doc: Y.Doc,
  listener: () => void,
  keys?: ReadonlyArray<(typeof BOARD_META)[keyof typeof BOARD_META]>,
): () => void {
  const meta = boardMetaMap(doc)
  const onChange = (event: Y.YMapEvent<unknown>) => {
    if (keys === undefined || keys.some((key) => event.keysChanged.has(key))) listener()
  }
  meta.observe(onChange)
  return () => meta.unobserve(onChange)
}

/** What the server stamps into a board's meta each time it brings the board in line. */
export interface BoardStamp {
  /** tldraw's serialized schema. */
  schema: unknown
  protocol: number
  day: BoardDayState
}

/**
 * Writes the stamp into the board's meta, each key only when its value
 * changed: a map write makes a new item even for an equal value, so an
 * unchanged day writes nothing. The caller runs it inside its transaction.
 */
export function writeBoardStamp(doc: Y.Doc, stamp: BoardStamp): void {
  const meta = boardMetaMap(doc)
  setIfChanged(meta, BOARD_META.schema, stamp.schema)
  setIfChanged(meta, BOARD_META.protocol, stamp.protocol)
  setIfChanged(meta, BOARD_META.day, stamp.day)
}

function setIfChanged(map: Y.Map<unknown>, key: string, value: unknown): void {
  if (JSON.stringify(map.get(key)) !== JSON.stringify(value)) map.set(key, value)
}
