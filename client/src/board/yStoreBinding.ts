import type * as Y from 'yjs'
import { isEqual, type TLRecord, type TLStore } from 'tldraw'
import { BOARD_DOC, BOARD_META, PROTOCOL_VERSION, isDocumentRecordId } from '@tablecloth/shared'
import {
  readOnlyRecords,
  writableRecords,
  type BoardRecords,
  type RecordChange,
} from './boardRecords'
import { judgeDocSchema, migrateRecords, type SchemaVerdict } from './docSchema'

export interface BindOptions {
  /** Never write to the doc (projector). */
  readOnly?: boolean
  /**
   * Called after the binding has let go because someone stamped a schema this
   * store cannot read into the doc while it was bound.
   */
  onIncompatible?(reason: string): void
}

export interface StoreBinding {
  /** The Y transaction origin of this store's own edits. */
  readonly origin: object
  dispose(): void
}

export type BindResult =
  | { status: 'bound'; binding: StoreBinding }
  | { status: 'incompatible'; reason: string }

/**
 * Binds a tldraw store to a board's Y.Doc.
 *
 * - Only document records (DOCUMENT_RECORD_TYPES) travel; camera, selection
 *   and presence stay on this device.
 * - The user's own edits (store source 'user') go into the doc as one Y
 *   transaction per store flush, tagged with this binding's origin.
 * - Everything else arriving in the doc (server, other devices, IndexedDB) is
 *   applied through `store.mergeRemoteChanges`, so it never enters this
 *   user's undo history and is never written back.
 * - Records are migrated from the doc's stamped schema and validated by the
 *   store's schema. A doc stamped by a newer schema is not bound at all, so a
 *   device with an older tldraw can never overwrite what it cannot read.
 */
export function bindStoreToDoc(store: TLStore, doc: Y.Doc, options: BindOptions = {}): BindResult {
  const readOnly = options.readOnly ?? false
  const meta = doc.getMap<unknown>(BOARD_DOC.meta)
  let verdict: SchemaVerdict = judgeDocSchema(store.schema, meta.get(BOARD_META.schema))
  if (verdict.kind === 'incompatible') return { status: 'incompatible', reason: verdict.reason }

  const records: BoardRecords = readOnly ? readOnlyRecords(doc) : writableRecords(doc)
  const origin = { binding: 'tablecloth-store' }

  const initial = records.entries().filter(([id]) => isDocumentRecordId(id))
  let loaded: TLRecord[]
  try {
    loaded = migrateRecords(store.schema, verdict, initial.map(([, record]) => record))
  } catch (error) {
    return { status: 'incompatible', reason: String(error) }
  }
  applyRemote(store, loaded, [])

  // A fresh board: whatever tldraw needed to be usable (the document and a
  // page) is this device's own creation, not an echo, and belongs in the doc.
  if (!readOnly) {
    const missing = store
      .allRecords()
      .filter((record) => isDocumentRecordId(record.id) && records.get(record.id) === undefined)
    if (missing.length > 0) {
      doc.transact(() => {
        for (const record of missing) records.set(record.id, record)
        stampSchema()
      }, origin)
    }
  }

  /** Marks the doc as written with this store's schema; upgrades older records first. */
  function stampSchema() {
    if (verdict.kind === 'older') {
      // Records from the older schema are rewritten as this store holds them
      // (migrated), so the new stamp is true for every record in the doc.
      for (const [id, record] of records.entries()) {
        const migrated = store.get(id as TLRecord['id'])
        if (migrated && !isEqual(migrated, record)) records.set(id, migrated)
      }
      verdict = { kind: 'current' }
    }
    const ours = store.schema.serialize()
    if (!isEqual(meta.get(BOARD_META.schema), ours)) meta.set(BOARD_META.schema, ours)
    if (meta.get(BOARD_META.protocol) === undefined) meta.set(BOARD_META.protocol, PROTOCOL_VERSION)
  }

  const onRecordsChange = (changes: Map<string, RecordChange>, transaction: Y.Transaction) => {
    if (transaction.origin === origin) return
    const puts: TLRecord[] = []
    const removals: string[] = []
    for (const [id, change] of changes) {
      if (!isDocumentRecordId(id)) continue
      if (change.action === 'delete') removals.push(id)
      else puts.push(change.newValue)
    }
    if (puts.length === 0 && removals.length === 0) return
    let migrated: TLRecord[]
    try {
      migrated = migrateRecords(store.schema, verdict, puts)
    } catch (error) {
      console.error('Ignoring board records that could not be migrated', error)
      migrated = []
    }
    applyRemote(store, migrated, removals)
  }
  const stopObservingRecords = records.observe(onRecordsChange)

  const onMetaChange = (event: Y.YMapEvent<unknown>) => {
    if (event.transaction.origin === origin || !event.keysChanged.has(BOARD_META.schema)) return
    const next = judgeDocSchema(store.schema, meta.get(BOARD_META.schema))
    if (next.kind === 'incompatible') {
      dispose()
      options.onIncompatible?.(next.reason)
      return
    }
    verdict = next
  }
  meta.observe(onMetaChange)

  const stopListening = readOnly
    ? () => {}
    : store.listen(
        ({ changes }) => {
          const ids = new Set<string>()
          for (const id of Object.keys(changes.added)) ids.add(id)
          for (const id of Object.keys(changes.updated)) ids.add(id)
          for (const id of Object.keys(changes.removed)) ids.add(id)
          const documentIds = [...ids].filter(isDocumentRecordId)
          if (documentIds.length === 0) return
          doc.transact(() => {
            for (const id of documentIds) {
              // The store's value now, not the diff's: a remote change merged
              // after this edit but before the flush has already won locally,
              // and the doc must end up holding what this store shows.
              const current = store.get(id as TLRecord['id'])
              if (current) {
                if (!isEqual(records.get(id), current)) records.set(id, current)
              } else if (records.get(id) !== undefined) {
                records.delete(id)
              }
            }
            stampSchema()
          }, origin)
        },
        { source: 'user', scope: 'document' },
      )

  let disposed = false
  function dispose() {
    if (disposed) return
    disposed = true
    stopListening()
    stopObservingRecords()
    meta.unobserve(onMetaChange)
  }

  return { status: 'bound', binding: { origin, dispose } }
}

/**
 * Applies records from elsewhere. Each is validated first and an invalid one
 * is reported and skipped: one bad record must not keep the rest of the board
 * from showing (a failed put would roll back the whole merge).
 */
function applyRemote(store: TLStore, puts: TLRecord[], removals: string[]): void {
  const valid = puts.filter((record) => {
    try {
      const before = store.get(record.id) ?? null
      store.schema.validateRecord(store, record, before ? 'updateRecord' : 'createRecord', before)
      return true
    } catch (error) {
      console.error(`Ignoring invalid board record ${record.id}`, error)
      return false
    }
  })
  const present = removals.filter((id) => store.has(id as TLRecord['id'])) as TLRecord['id'][]
  store.mergeRemoteChanges(() => {
    if (present.length > 0) store.remove(present)
    if (valid.length > 0) store.put(valid)
  })
}
