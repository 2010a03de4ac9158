import type { TLRecord, TLStore } from 'tldraw'
import { isRecordLike } from '@tablecloth/shared'

/**
 * Checks for records that come from elsewhere (the board's doc, a snapshot
 * from the server) before they go into a tldraw store, where one invalid
 * record would make the whole put fail.
 */

/** Validates `record` as putting it into `store` would; the validation error, or null when valid. */
export function recordProblem(store: TLStore, record: TLRecord): unknown {
  try {
    const before = store.get(record.id) ?? null
    store.schema.validateRecord(store, record, before ? 'updateRecord' : 'createRecord', before)
    return null
  } catch (error) {
    return error
  }
}

/**
 * The values among `candidates` that are records `store` accepts as they are.
 * The rest are left out and counted in one warning, without their content:
 * they may hold people's notes.
 */
export function acceptedRecords(store: TLStore, candidates: readonly unknown[]): TLRecord[] {
  const accepted = candidates.filter(
    (value): value is TLRecord =>
      isRecordLike<TLRecord>(value) && recordProblem(store, value) === null,
  )
  const left = candidates.length - accepted.length
  if (left > 0) {
    console.warn(`Leaving out ${left} unreadable board ${left === 1 ? 'record' : 'records'}`)
  }
  return accepted
}
