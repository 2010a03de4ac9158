import type * as Y from 'yjs'
import type { TLRecord } from 'tldraw'
import { boardRecordsArray, isBoardRecordEntry, type BoardRecordEntry } from '@tablecloth/shared'

/** One entry of the board's `records` array: a tldraw record under its id. */
export type RecordEntry = BoardRecordEntry<TLRecord>

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
 * rule y-utility's YKeyValue uses, so every reader (this page, the server,
 * the benchmarks) agrees on each record.
 */
export interface BoardRecords {
  get(id: string): TLRecord | undefined
  entries(): Array<[string, TLRecord]>
  set(id: string, record: TLRecord): void
  delete(id: string): void
  observe(listener: RecordChangeListener): () => void
  /** How many entries of the array this view has skipped as unreadable so far. */
  skipped(): number
  /** Stops following the doc. */
  dispose(): void
}

/** Whether an array value is an honest `{ key, val }` entry (see the shared board document). */
export function isRecordEntry(value: unknown): value is RecordEntry {
  return isBoardRecordEntry<TLRecord>(value)
}

/**
 * The view for boards this device edits. It follows the rules of y-utility's
 * YKeyValue (a set appends `{ key, val }` and removes the key's other
 * entries; the rightmost entry of a key wins; entries a later one supersedes,
 * for example after concurrent writes, are deleted), except that values which
 * are not honest entries are skipped rather than thrown over: they are never
 * shown, never changed, and never win over an honest entry.
 */
export function writableRecords(doc: Y.Doc): BoardRecords {
  return recordsView(doc, true)
}

/**
 * The view for read-only boards (the projector, the gallery). The same rules,
 * but superseded entries are left for the writers to tidy: deleting them is a
 * doc change of its own, and the server closes a read-only socket that sends
 * any change.
 */
export function readOnlyRecords(doc: Y.Doc): BoardRecords {
  return recordsView(doc, false)
}

function recordsView(doc: Y.Doc, writable: boolean): BoardRecords {
  const array = boardRecordsArray(doc)
  /** The live (rightmost honest) entry of every key. */
  const current = new Map<string, RecordEntry>()
  const listeners = new Set<RecordChangeListener>()
  let skipped = 0

  /** One warning per view, with a count and no content: entries may hold people's notes. */
  const skip = (count: number) => {
    if (count === 0) return
    if (skipped === 0) {
      console.warn(
        `Skipping ${count} unreadable ${count === 1 ? 'entry' : 'entries'} in this board’s records`,
      )
    }
    skipped += count
  }

  /** Deletes entries by index; `indices` must run from right to left so each stays valid. */
  const deleteAt = (indices: number[]) => {
    if (indices.length === 0) return
    doc.transact(() => {
      for (const index of indices) array.delete(index, 1)
    })
  }

  {
    const values = array.toArray()
    const superseded: number[] = []
    let unreadable = 0
    for (let index = values.length - 1; index >= 0; index--) {
      const value = values[index]
      if (!isRecordEntry(value)) unreadable++
      else if (current.has(value.key)) superseded.push(index)
      else current.set(value.key, value)
    }
    skip(unreadable)
    if (writable) deleteAt(superseded)
  }

  const onArrayChange = (event: Y.YArrayEvent<unknown>, transaction: Y.Transaction) => {
    const touched = new Set<string>()
    let unreadable = 0
    event.changes.added.forEach((item) => {
      for (const value of item.content.getContent() as unknown[]) {
        if (isRecordEntry(value)) touched.add(value.key)
        else unreadable++
      }
    })
    event.changes.deleted.forEach((item) => {
      for (const value of item.content.getContent() as unknown[]) {
        if (isRecordEntry(value)) touched.add(value.key)
      }
    })
    skip(unreadable)
    if (touched.size === 0) return

    // The live entry of a key is its rightmost honest one; a writer also
    // collects the touched keys' other entries, which that one supersedes.
    const latest = new Map<string, RecordEntry>()
    const superseded: number[] = []
    const values = array.toArray()
    for (let index = values.length - 1; index >= 0; index--) {
      if (!writable && latest.size === touched.size) break
      const value = values[index]
      if (!isRecordEntry(value) || !touched.has(value.key)) continue
      if (!latest.has(value.key)) latest.set(value.key, value)
      else superseded.push(index)
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
    if (writable) deleteAt(superseded)
    if (changes.size > 0) for (const listener of [...listeners]) listener(changes, transaction)
  }
  array.observe(onArrayChange)

  /** Removes every honest entry of `key`; the caller runs it inside a transaction. */
  const removeKey = (key: string) => {
    const indices: number[] = []
    const values = array.toArray()
    for (let index = values.length - 1; index >= 0; index--) {
      const value = values[index]
      if (isRecordEntry(value) && value.key === key) indices.push(index)
    }
    for (const index of indices) array.delete(index, 1)
  }

  const refuse = () => {
    throw new Error('this board is read-only')
  }
  return {
    get: (id) => current.get(id)?.val,
    entries: () => [...current.values()].map((entry) => [entry.key, entry.val]),
    set: writable
      ? (id, record) => {
          doc.transact(() => {
            removeKey(id)
            array.push([{ key: id, val: record } satisfies RecordEntry])
          })
        }
      : refuse,
    delete: writable ? (id) => doc.transact(() => removeKey(id)) : refuse,
    observe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    skipped: () => skipped,
    dispose() {
      listeners.clear()
      array.unobserve(onArrayChange)
    },
  }
}
