import * as Y from 'yjs'
import type { TLRecord } from '@tldraw/tlschema'
import { BOARD_DOC, boardRecordsArray } from '@tablecloth/shared'
import type { BoardSchema } from './boardSchema'
import { recordsOf } from './boardWriter'
import { entryProblem } from './recordCheck'

/**
 * Updates a board's doc holds back because parts they build on are missing,
 * and the notes in them set again.
 *
 * Yjs integrates an update only once everything it refers to is there: the
 * same client's earlier clocks, and the items it was inserted next to. When a
 * stored part is left out (damaged on disk), every later update that builds
 * on it waits in the doc's pending structs, invisible, for a part that will
 * never come. With the board's records written one after another by the
 * same browser, one lost row can hide every note written after it.
 *
 * This module finds those waiting updates and sets the board records they
 * hold again, as a server edit: the notes show again and are stored again.
 */

/** One client whose updates the doc waits for. */
export interface PendingWait {
  /** The Yjs client id. */
  client: number
  /** The first clock of that client the doc lacks. */
  clock: number
}

/**
 * What a board's doc was waiting for, and what was set again. For the log
 * line `store pending-updates room=<room> <describePending(report)>`.
 */
export interface PendingReport {
  /** Per client the first missing clock, sorted by client. */
  waitingFor: PendingWait[]
  /** Structs (runs of items) that were waiting. */
  structs: number
  /** Deletions that were waiting for items the doc does not have. */
  deletes: number
  /** Ids of the records set again, sorted. */
  salvaged: string[]
  /** Waiting board entries not set again because they are no valid record (see `entryProblem`). */
  invalid: number
}

export interface SalvageOptions {
  /** tldraw's schema: an entry it does not accept is not written back. */
  schema: BoardSchema
  /**
   * Runs the edit as a logged server edit (e.g. `Room.transact`), so what is
   * set again is stored and relayed. By default a plain `doc.transact`.
   */
  transact?: (edit: (doc: Y.Doc) => void) => void
}

/**
 * Looks for updates the doc holds back and sets the board records in them
 * again; returns null when nothing waits.
 *
 * A waiting entry is set again when it is a board record (`{ key, val }` with
 * `val.id === key`, accepted by `entryProblem`), no waiting deletion removes
 * it, it belongs to the records array as far as its neighbours tell, and the
 * board does not show that record now. A record the board shows was not
 * replaced by the waiting entry: a later write by the same client deletes
 * the entry it replaces, and a deletion of a present item is applied at
 * once, not held back. Of several waiting entries for one key the one with
 * the highest clock wins.
 *
 * Afterwards the doc forgets what waited: the parts it waits for are gone
 * from the store, and what it held is now on the board. Kept, it would be
 * stored with every compaction and set a note again on every load, even
 * after someone deleted it. A client that still has the missing parts has
 * the updates built on them too, and sends both when it syncs.
 */
export function salvagePending(doc: Y.Doc, options: SalvageOptions): PendingReport | null {
  const pendingStructs = doc.store.pendingStructs
  const pendingDs = doc.store.pendingDs
  if (pendingStructs === null && pendingDs === null) return null

  const structs =
    pendingStructs === null ? [] : waitingStructs(Y.decodeUpdateV2(pendingStructs.update).structs)
  const deleted = pendingDs === null ? Y.createDeleteSet() : Y.decodeUpdateV2(pendingDs).ds
  const report: PendingReport = {
    waitingFor: waitsOf(doc, pendingStructs?.missing, deleted),
    structs: structs.length,
    deletes: countDeletes(deleted),
    salvaged: [],
    invalid: 0,
  }

  const inRecords = parentResolver(doc, structs)
  const latest = new Map<string, { clock: number; client: number; val: TLRecord }>()
  for (const item of structs) {
    if (!(item.content instanceof Y.ContentAny) || !inRecords(item)) continue
    item.content.arr.forEach((entry: unknown, offset) => {
      const id = Y.createID(item.id.client, item.id.clock + offset)
      if (isDeletedIn(deleted, id) || !isKeyVal(entry)) return
      if (entryProblem(options.schema, entry) !== null) {
        report.invalid++
        return
      }
      const known = latest.get(entry.key)
      if (
        known &&
        (known.clock > id.clock || (known.clock === id.clock && known.client > id.client))
      )
        return
      // entryProblem has just checked it against tldraw's schema.
      latest.set(entry.key, {
        clock: id.clock,
        client: id.client,
        val: entry.val as unknown as TLRecord,
      })
    })
  }

  const transact = options.transact ?? ((edit) => doc.transact(() => edit(doc)))
  const present = recordsOf(doc)
  const missing = [...latest].filter(([key]) => !present.has(key))
  if (missing.length > 0) {
    transact((target) => {
      const records = recordsOf(target)
      for (const [key, { val }] of missing) records.set(key, val)
    })
  }
  report.salvaged = missing.map(([key]) => key).sort()

  doc.store.pendingStructs = null
  doc.store.pendingDs = null
  return report
}

/** The report as log fields: `waiting-for=<client>:<clock>[,…] structs=<n> salvaged=<m>`. */
export function describePending(report: PendingReport): string {
  const waits =
    report.waitingFor.map(({ client, clock }) => `${client}:${clock}`).join(',') || 'none'
  const fields = [
    `waiting-for=${waits}`,
    `structs=${report.structs}`,
    `salvaged=${report.salvaged.length}`,
  ]
  if (report.deletes > 0) fields.push(`deletes=${report.deletes}`)
  if (report.invalid > 0) fields.push(`invalid=${report.invalid}`)
  return fields.join(' ')
}

/** Items and GCs that wait; Skips only mark gaps in the encoding. */
function waitingStructs(structs: Array<Y.Item | Y.GC | Y.Skip>): Y.Item[] {
  return structs.filter((struct): struct is Y.Item => struct instanceof Y.Item)
}

/**
 * Per client the first clock the doc lacks: for the clients Yjs names as
 * missing, and for those whose items a waiting deletion refers to.
 */
function waitsOf(
  doc: Y.Doc,
  missing: Map<number, number> | undefined,
  deleted: DeleteSet,
): PendingWait[] {
  const clients = new Set<number>(missing?.keys() ?? [])
  for (const [client, ranges] of deleted.clients) {
    const state = Y.getState(doc.store, client)
    if (ranges.some((range) => range.clock + range.len > state)) clients.add(client)
  }
  return [...clients]
    .sort((a, b) => a - b)
    .map((client) => ({ client, clock: Y.getState(doc.store, client) }))
}

function countDeletes(deleted: DeleteSet): number {
  let count = 0
  for (const ranges of deleted.clients.values()) for (const range of ranges) count += range.len
  return count
}

/** Linear, as a waiting delete set is small and need not be sorted. */
function isDeletedIn(deleted: DeleteSet, id: Y.ID): boolean {
  const ranges = deleted.clients.get(id.client)
  return (
    ranges?.some((range) => id.clock >= range.clock && id.clock < range.clock + range.len) ?? false
  )
}

function isKeyVal(entry: unknown): entry is { key: string; val: Record<string, unknown> } {
  if (typeof entry !== 'object' || entry === null) return false
  const { key, val } = entry as { key?: unknown; val?: unknown }
  return (
    typeof key === 'string' &&
    typeof val === 'object' &&
    val !== null &&
    !Array.isArray(val) &&
    (val as { id?: unknown }).id === key
  )
}

type DeleteSet = ReturnType<typeof Y.createDeleteSet>

type Placement = 'records' | 'elsewhere' | 'unknown'

/**
 * Says whether a waiting item sits in the board's records array. An encoded
 * item names its parent only when it has no neighbour; otherwise it is where
 * its left (or right) neighbour is, which may be in the doc, wait too, or be
 * lost with the damaged part. Lost means unknown, and the entry's shape
 * decides: a `{ key, val }` pair is what the records array holds, and the
 * board's meta map never holds one.
 */
function parentResolver(doc: Y.Doc, waiting: Y.Item[]): (item: Y.Item) => boolean {
  const records = boardRecordsArray(doc)
  const byClient = new Map<number, Y.Item[]>()
  for (const item of waiting) {
    const list = byClient.get(item.id.client) ?? []
    list.push(item)
    byClient.set(item.id.client, list)
  }
  const waitingAt = (id: Y.ID): Y.Item | undefined =>
    byClient
      .get(id.client)
      ?.find((item) => id.clock >= item.id.clock && id.clock < item.id.clock + item.length)

  const placements = new Map<Y.Item, Placement>()
  const placementOf = (start: Y.Item): Placement => {
    // Iterative: a chain of waiting items can be as long as the board's history.
    const chain = new Set<Y.Item>()
    let item: Y.Item | undefined = start
    let found: Placement = 'unknown'
    while (item !== undefined) {
      const known = placements.get(item)
      if (known !== undefined) {
        found = known
        break
      }
      if (chain.has(item)) break
      chain.add(item)
      if (item.parentSub !== null) {
        found = 'elsewhere'
        break
      }
      if (typeof item.parent === 'string') {
        found = item.parent === BOARD_DOC.records ? 'records' : 'elsewhere'
        break
      }
      if (item.parent !== null) {
        // An ID: a nested type, and the records array is a root type.
        found = 'elsewhere'
        break
      }
      const neighbour: Y.ID | null = item.origin ?? item.rightOrigin
      if (neighbour === null) break
      if (neighbour.clock < Y.getState(doc.store, neighbour.client)) {
        found = placementInDoc(doc, neighbour, records)
        break
      }
      item = waitingAt(neighbour)
    }
    for (const link of chain) placements.set(link, found)
    return found
  }
  return (item) => placementOf(item) !== 'elsewhere'
}

function placementInDoc(doc: Y.Doc, id: Y.ID, records: Y.Array<unknown>): Placement {
  const struct = Y.getItem(doc.store, id)
  if (!(struct instanceof Y.Item)) return 'unknown'
  return struct.parent === records && struct.parentSub === null ? 'records' : 'elsewhere'
}
