import type * as Y from 'yjs'
import { YKeyValue } from 'y-utility/y-keyvalue'
import type { TLRecord } from 'tldraw'
import { BOARD_DOC } from '@tablecloth/shared'

/** One entry of the board's `records` array: a tldraw record under its id. */
export interface RecordEntry {
  key: string
  val: TLRecord
}

/** How one record changed in a doc transaction, shaped like y-utility's YKeyValue events. */
export type RecordChange =
  | { action: 'add'; newValue: TLRecord }
  | { action: 'update'; oldValue: TLRecord; newValue: TLRecord }
  | { action: 'delete'; oldValue: TLRecord }

export type RecordChangeListener = (
  changes: Map<string, RecordChange>,
  transaction: Y.Transaction,
) => void

/**
 * The board's records as a key-value view of the doc. Later entries win, the
 * rule y-utility's YKeyValue uses, so every reader agrees on each record.
 */
export interface BoardRecords {
  get(id: string): TLRecord | undefined
  entries(): Array<[string, TLRecord]>
  set(id: string, record: TLRecord): void
  delete(id: string): void
  observe(listener: RecordChangeListener): () => void
}

export function recordsArray(doc: Y.Doc): Y.Array<RecordEntry> {
  return doc.getArray<RecordEntry>(BOARD_DOC.records)
}

/** The view for boards this device edits, backed by YKeyValue. */
export function writableRecords(doc: Y.Doc): BoardRecords {
  const keyValue = new YKeyValue<TLRecord>(recordsArray(doc))
  return {
    get: (id) => keyValue.get(id),
    entries: () => [...keyValue.map.values()].map((entry) => [entry.key, entry.val]),
    set: (id, record) => keyValue.set(id, record),
    delete: (id) => keyValue.delete(id),
    observe(listener) {
      keyValue.on('change', listener)
      return () => keyValue.off('change', listener)
    },
  }
}

/**
 * The view for read-only boards (the projector). YKeyValue tidies duplicate
 * entries by deleting them, which is a doc change of its own; the server
 * closes a read-only socket that sends any change. This view only reads.
 */
export function readOnlyRecords(doc: Y.Doc): BoardRecords {
  const array = recordsArray(doc)
  const current = new Map<string, RecordEntry>()
  for (const entry of array.toArray()) current.set(entry.key, entry)
  const listeners = new Set<RecordChangeListener>()

  const onArrayChange = (event: Y.YArrayEvent<RecordEntry>, transaction: Y.Transaction) => {
    const touched = new Set<string>()
    const collect = (item: Y.Item) => {
      for (const entry of item.content.getContent() as RecordEntry[]) touched.add(entry.key)
    }
    event.changes.added.forEach(collect)
    event.changes.deleted.forEach(collect)
    if (touched.size === 0) return

    // The live entry of a key is its rightmost one.
    const latest = new Map<string, RecordEntry>()
    const entries = array.toArray()
    for (let i = entries.length - 1; i >= 0 && latest.size < touched.size; i--) {
      const entry = entries[i]
      if (entry && touched.has(entry.key) && !latest.has(entry.key)) latest.set(entry.key, entry)
    }

    const changes = new Map<string, RecordChange>()
    for (const key of touched) {
      const before = current.get(key)
      const after = latest.get(key)
      if (before === after) continue
      if (after) current.set(key, after)
      else current.delete(key)
      if (before && after) {
        changes.set(key, { action: 'update', oldValue: before.val, newValue: after.val })
      } else if (after) {
        changes.set(key, { action: 'add', newValue: after.val })
      } else if (before) {
        changes.set(key, { action: 'delete', oldValue: before.val })
      }
    }
    if (changes.size > 0) for (const listener of listeners) listener(changes, transaction)
  }
  array.observe(onArrayChange)

  const refuse = () => {
    throw new Error('this board is read-only')
  }
  return {
    get: (id) => current.get(id)?.val,
    entries: () => [...current.values()].map((entry) => [entry.key, entry.val]),
    set: refuse,
    delete: refuse,
    observe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
