import type * as Y from 'yjs'
import { isEqual, type TLRecord, type TLStore } from 'tldraw'
import {
  BOARD_META,
  isDocumentRecordId,
  observeBoardMeta,
  readSchemaStamp,
} from '@tablecloth/shared'
import {
  readOnlyRecords,
  writableRecords,
  type BoardRecords,
  type RecordChange,
} from '../canvas/boardRecords'
import { judgeDocSchema, migrateRecords, type SchemaVerdict } from './docSchema'
import { recordProblem } from '../canvas/recordValidation'

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
 * - Entries of the records array that are not records, and records that
 *   cannot be migrated or fail validation, are skipped and reported: one bad
 *   entry must not keep the rest of the board from showing.
 * - The doc's `meta` map is the server's: it stamps the schema and upgrades
 *   stored boards when it loads them, and it closes a socket that writes
 *   `meta` (4422, CONTENT_REJECTED_REASON). This binding only reads it.
 */
export function bindStoreToDoc(store: TLStore, doc: Y.Doc, options: BindOptions = {}): BindResult {
  const readOnly = options.readOnly ?? false
  let verdict: SchemaVerdict = judgeDocSchema(store.schema, readSchemaStamp(doc))
  if (verdict.kind === 'incompatible') return { status: 'incompatible', reason: verdict.reason }

  const records: BoardRecords = readOnly ? readOnlyRecords(doc) : writableRecords(doc)
  const origin = { binding: 'tablecloth-store' }

  const initial = records.entries().filter(([id]) => isDocumentRecordId(id))
  applyRemote(
    store,
    migrateEach(
      store,
      verdict,
      initial.map(([, record]) => record),
    ),
    [],
  )

  // A fresh board: whatever tldraw needed to be usable (the document and a
  // page) is this device's own creation, not an echo, and belongs in the doc.
  if (!readOnly) {
    const missing = store
      .allRecords()
      .filter((record) => isDocumentRecordId(record.id) && records.get(record.id) === undefined)
    if (missing.length > 0) {
      doc.transact(() => {
        for (const record of missing) records.set(record.id, record)
      }, origin)
    }
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
    applyRemote(store, migrateEach(store, verdict, puts), removals)
  }
  const stopObservingRecords = records.observe(onRecordsChange)

  // The server's stamp: it arrives with the first sync, and again when the
  // server upgrades the board. Records are read under whatever it says now.
  const onSchemaStamp = () => {
    const next = judgeDocSchema(store.schema, readSchemaStamp(doc))
    if (next.kind === 'incompatible') {
      dispose()
      options.onIncompatible?.(next.reason)
      return
    }
    verdict = next
  }
  const stopObservingMeta = observeBoardMeta(doc, onSchemaStamp, [BOARD_META.schema])

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
          // Records go in as this store holds them, in its (current) schema.
          // A doc still stamped older is upgraded by the server, which
          // migrates every stored board when it loads it.
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
    records.dispose()
    stopObservingMeta()
  }

  return { status: 'bound', binding: { origin, dispose } }
}

/**
 * Brings records up to the store's schema. When the batch cannot be migrated
 * as a whole, each record is tried on its own and the ones that fail are
 * reported and skipped.
 */
function migrateEach(store: TLStore, verdict: SchemaVerdict, records: TLRecord[]): TLRecord[] {
  try {
    return migrateRecords(store.schema, verdict, records)
  } catch (batchError) {
    if (records.length <= 1) {
      console.error(`Ignoring a board record that could not be migrated`, batchError)
      return []
    }
    return records.flatMap((record) => {
      try {
        return migrateRecords(store.schema, verdict, [record])
      } catch (error) {
        console.error(`Ignoring board record ${record.id}: it could not be migrated`, error)
        return []
      }
    })
  }
}

/**
 * Applies records from elsewhere. Each is validated first and an invalid one
 * is reported and skipped: one bad record must not keep the rest of the board
 * from showing (a failed put would roll back the whole merge).
 */
function applyRemote(store: TLStore, puts: TLRecord[], removals: string[]): void {
  const valid = puts.filter((record) => {
    const problem = recordProblem(store, record)
    if (problem !== null) console.error(`Ignoring invalid board record ${record.id}`, problem)
    return problem === null
  })
  const present = removals.filter((id) => store.has(id as TLRecord['id'])) as TLRecord['id'][]
  store.mergeRemoteChanges(() => {
    if (present.length > 0) store.remove(present)
    if (valid.length > 0) store.put(valid)
  })
}
