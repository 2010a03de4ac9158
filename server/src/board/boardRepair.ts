import type * as Y from 'yjs'
import type { TLRecord } from '@tldraw/tlschema'
import { BOARD_DOC, BOARD_META, boardMetaMap, boardRecordsArray } from '@tablecloth/shared'
import type { BoardSchema } from './boardSchema'
import { entryProblem } from './recordCheck'

/** What repairing one board changed, for the log. All zero: nothing needed repair. */
export interface BoardRepair {
  /** Entries of `records` that were no board record (null, text, a nested type, a record tldraw rejects …). */
  removedEntries: number
  /** Items outside `records` and the server's own `meta` keys: other roots, map-style entries. */
  removedForeign: number
  /** Records brought up from an older tldraw schema. */
  migrated: number
}

const SERVER_META_KEYS: ReadonlySet<string> = new Set(Object.values(BOARD_META))

/**
 * Removes from a loaded board whatever the content gate would refuse today,
 * so that every reader (the server's writers, exports, each device's binding)
 * finds only board records: boards stored before the gate, or restored from
 * such a backup, may hold entries that are no records, other roots, or `meta`
 * keys the server never writes. Records written under an older tldraw schema
 * are migrated, since the server owns the schema stamp and clients never
 * write it. Must run inside one transaction, whose changes are logged like
 * any server edit; the removed entries are reported by count only.
 */
export function repairBoard(doc: Y.Doc, schema: BoardSchema): BoardRepair {
  const repair: BoardRepair = { removedEntries: 0, removedForeign: 0, migrated: 0 }
  const transaction = currentTransaction(doc)
  for (const [name, type] of doc.share) {
    if (name === BOARD_DOC.records || name === BOARD_DOC.meta) continue
    repair.removedForeign += deleteAll(transaction, type)
  }
  const records = boardRecordsArray(doc)
  // Map-style entries on the array: Yjs keeps them apart from its elements.
  for (const item of records._map.values()) repair.removedForeign += deleteItem(transaction, item)
  const meta = boardMetaMap(doc)
  for (const key of [...meta.keys()]) {
    if (SERVER_META_KEYS.has(key)) continue
    meta.delete(key)
    repair.removedForeign++
  }
  repair.removedEntries = removeBadEntries(records, schema)
  repair.migrated = migrateOlderRecords(records, meta.get(BOARD_META.schema), schema)
  return repair
}

/** Deletes the array's elements that are no board record, last first so indexes stay right. */
function removeBadEntries(records: Y.Array<unknown>, schema: BoardSchema): number {
  const entries = records.toArray()
  let removed = 0
  for (let index = entries.length - 1; index >= 0; index--) {
    if (entryProblem(schema, entries[index]) === null) continue
    records.delete(index, 1)
    removed++
  }
  return removed
}

/**
 * Rewrites records stamped with an older tldraw schema as the current one
 * reads them. A stamp that is unreadable or from a newer tldraw is left to
 * the day's own stamp; only a clean, older one is migrated.
 */
function migrateOlderRecords(
  records: Y.Array<unknown>,
  stamp: unknown,
  schema: BoardSchema,
): number {
  if (!isSerializedSchema(stamp) || JSON.stringify(stamp) === JSON.stringify(schema.serialize()))
    return 0
  const since = schema.getMigrationsSince(stamp)
  if (!since.ok || since.value.length === 0) return 0
  const entries = records.toArray() as Array<{ key: string; val: TLRecord }>
  const result = schema.migrateStoreSnapshot({
    schema: stamp,
    store: Object.fromEntries(entries.map((entry) => [entry.key, entry.val])),
  })
  if (result.type === 'error') return 0
  let migrated = 0
  for (let index = entries.length - 1; index >= 0; index--) {
    const { key, val } = entries[index]!
    const next = result.value[key as TLRecord['id']]
    if (next === undefined || JSON.stringify(next) === JSON.stringify(val)) continue
    records.delete(index, 1)
    records.push([{ key, val: next }])
    migrated++
  }
  return migrated
}

type SerializedSchema = ReturnType<BoardSchema['serialize']>

function isSerializedSchema(value: unknown): value is SerializedSchema {
  if (typeof value !== 'object' || value === null) return false
  const version = (value as { schemaVersion?: unknown }).schemaVersion
  return version === 1 || version === 2
}

/** Deletes every live item of a type, in its list and under its keys. */
function deleteAll(transaction: Y.Transaction, type: Y.AbstractType<any>): number {
  let removed = 0
  for (let item = type._start; item !== null; item = item.right)
    removed += deleteItem(transaction, item)
  for (const item of type._map.values()) removed += deleteItem(transaction, item)
  return removed
}

function deleteItem(transaction: Y.Transaction, item: Y.Item): number {
  if (item.deleted) return 0
  item.delete(transaction)
  return 1
}

function currentTransaction(doc: Y.Doc): Y.Transaction {
  const transaction = doc._transaction
  if (transaction === null) throw new Error('repairBoard must run inside a transaction')
  return transaction
}
