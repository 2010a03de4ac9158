import Database from 'better-sqlite3'
import * as Y from 'yjs'
import type { Db } from './database'

/** What the store was doing when it failed; names the operation in logs and errors. */
export type StorageOperation =
  | 'prepare'
  | 'load'
  | 'append'
  | 'discard'
  | 'compact'
  | 'count'
  | 'delete'
  | 'list'

/**
 * A board doc could not be read or written. Always thrown, never swallowed:
 * the sync layer refuses an update it could not log rather than lose it.
 *
 * `code` is SQLite's extended code (`SQLITE_FULL`, `SQLITE_READONLY`, ...) or
 * `CORRUPT_UPDATE` when stored bytes no longer decode as a Yjs update. The
 * message names the operation and room only, never any board content.
 */
export class StorageError extends Error {
  override readonly name = 'StorageError'
  readonly code: string

  constructor(
    readonly operation: StorageOperation,
    readonly room: string | null,
    cause: unknown,
  ) {
    const code = codeOf(cause)
    super(`board storage ${operation} failed${room === null ? '' : ` for room ${room}`}: ${code}`, {
      cause,
    })
    this.code = code
  }
}

/** Whether a stored part is a Yjs update at all: it decodes, and merges on its own. */
function decodes(part: Uint8Array): boolean {
  try {
    Y.decodeUpdate(part)
    Y.mergeUpdates([part, new Uint8Array([0, 0])])
    return true
  } catch {
    return false
  }
}

function codeOf(cause: unknown): string {
  if (cause instanceof Database.SqliteError) return cause.code
  return 'CORRUPT_UPDATE'
}

/**
 * Board documents in SQLite: per room one compacted state (`doc_states`) plus an
 * append-only log of the updates received since (`doc_updates`).
 *
 * Appending is one INSERT through a prepared statement, so the sync layer can
 * log every update before relaying it without measurable latency. Compaction
 * folds the log into the state in one transaction.
 */
export class DocStore {
  private readonly statements: ReturnType<typeof prepare>

  constructor(private readonly db: Db) {
    this.statements = guard('prepare', null, () => prepare(db))
  }

  /**
   * The room's full state as one update (compacted state merged with the log),
   * or null if nothing was ever stored.
   */
  load(room: string): Uint8Array | null {
    const parts = guard('load', room, () => this.readParts(room))
    if (parts.length === 0) return null
    if (parts.length === 1) return parts[0]!
    try {
      return Y.mergeUpdates(parts)
    } catch (error) {
      throw new StorageError('load', room, error)
    }
  }

  /**
   * The room's state without the stored parts that do not decode: for a
   * board whose `load` failed with CORRUPT_UPDATE. Everything readable is
   * kept; `corrupt` names what was left out (`state`, or an update's
   * sequence number), for the report. The rows themselves stay as they are.
   */
  loadReadable(room: string): { update: Uint8Array | null; corrupt: Array<'state' | number> } {
    const { state, updates } = guard('load', room, () =>
      this.db.transaction(() => ({
        state: this.statements.selectState.get(room) as Uint8Array | undefined,
        updates: this.statements.selectUpdatesWithSeq.all(room) as Array<{ seq: number; data: Uint8Array }>,
      }))(),
    )
    const corrupt: Array<'state' | number> = []
    const readable: Uint8Array[] = []
    const keep = (part: Uint8Array, name: 'state' | number) => {
      if (decodes(part)) readable.push(part)
      else corrupt.push(name)
    }
    if (state !== undefined) keep(state, 'state')
    for (const { seq, data } of updates) keep(data, seq)
    return { update: readable.length === 0 ? null : Y.mergeUpdates(readable), corrupt }
  }

  /**
   * Logs one update durably (it is committed when this returns) and returns its
   * sequence number, which `discard` and `compact` refer to.
   */
  append(room: string, update: Uint8Array): number {
    return guard('append', room, () => {
      return Number(this.statements.insertUpdate.run(room, update).lastInsertRowid)
    })
  }

  /** Removes one logged update, for an update the room refused after it was logged. */
  discard(room: string, seq: number): void {
    guard('discard', room, () => this.statements.deleteUpdate.run(room, seq))
  }

  /**
   * Replaces the room's state with `state` and drops the logged updates it
   * contains, in one transaction: a crash part-way leaves the old state and the
   * full log, never a state without its updates.
   *
   * `throughSeq` is the last logged update `state` includes; by default every
   * update logged so far, which holds whenever the caller encoded `state` from a
   * doc that has applied the whole log (the sync layer applies synchronously).
   */
  compact(room: string, state: Uint8Array, throughSeq?: number): void {
    guard('compact', room, () =>
      this.db.transaction(() => {
        const last = throughSeq ?? (this.statements.maxSeq.get(room) as number | null) ?? 0
        this.statements.upsertState.run(room, state, new Date().toISOString())
        this.statements.deleteUpdatesThrough.run(room, last)
      })(),
    )
  }

  /** Number of updates logged since the last compaction. */
  updateCount(room: string): number {
    return guard('count', room, () => this.statements.countUpdates.get(room) as number)
  }

  /** Deletes one room's state and log. */
  deleteRoom(room: string): void {
    guard('delete', room, () =>
      this.db.transaction(() => {
        this.statements.deleteState.run(room)
        this.statements.deleteUpdates.run(room)
      })(),
    )
  }

  /**
   * Deletes every room whose name starts with `prefix`; pass `${eventId}/` to
   * delete an event's boards. Returns how many rooms were removed.
   */
  deleteRooms(prefix: string): number {
    if (prefix === '') throw new RangeError('deleteRooms needs a non-empty prefix')
    return guard('delete', prefix, () =>
      this.db.transaction(() => {
        const rooms = this.statements.listRooms.all({ prefix }) as string[]
        this.statements.deleteStatesWithPrefix.run({ prefix })
        this.statements.deleteUpdatesWithPrefix.run({ prefix })
        return rooms.length
      })(),
    )
  }

  /** Names of the rooms that start with `prefix` and have anything stored, sorted. */
  listRooms(prefix: string): string[] {
    return guard('list', prefix, () => this.statements.listRooms.all({ prefix }) as string[])
  }

  private readParts(room: string): Uint8Array[] {
    // One read transaction, so a concurrent compaction cannot be seen half-done.
    return this.db.transaction(() => {
      const state = this.statements.selectState.get(room) as Uint8Array | undefined
      const updates = this.statements.selectUpdates.all(room) as Uint8Array[]
      return state === undefined ? updates : [state, ...updates]
    })()
  }
}

function prepare(db: Db) {
  const prefixMatch = 'substr(room, 1, length(@prefix)) = @prefix'
  return {
    selectState: db.prepare('SELECT state FROM doc_states WHERE room = ?').pluck(),
    selectUpdates: db.prepare('SELECT data FROM doc_updates WHERE room = ? ORDER BY seq').pluck(),
    selectUpdatesWithSeq: db.prepare('SELECT seq, data FROM doc_updates WHERE room = ? ORDER BY seq'),
    insertUpdate: db.prepare('INSERT INTO doc_updates (room, data) VALUES (?, ?)'),
    deleteUpdate: db.prepare('DELETE FROM doc_updates WHERE room = ? AND seq = ?'),
    maxSeq: db.prepare('SELECT max(seq) FROM doc_updates WHERE room = ?').pluck(),
    upsertState: db.prepare(
      `INSERT INTO doc_states (room, state, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(room) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
    ),
    deleteUpdatesThrough: db.prepare('DELETE FROM doc_updates WHERE room = ? AND seq <= ?'),
    countUpdates: db.prepare('SELECT count(*) FROM doc_updates WHERE room = ?').pluck(),
    deleteState: db.prepare('DELETE FROM doc_states WHERE room = ?'),
    deleteUpdates: db.prepare('DELETE FROM doc_updates WHERE room = ?'),
    deleteStatesWithPrefix: db.prepare(`DELETE FROM doc_states WHERE ${prefixMatch}`),
    deleteUpdatesWithPrefix: db.prepare(`DELETE FROM doc_updates WHERE ${prefixMatch}`),
    listRooms: db
      .prepare(
        `SELECT room FROM doc_states WHERE ${prefixMatch}
         UNION SELECT room FROM doc_updates WHERE ${prefixMatch}
         ORDER BY room`,
      )
      .pluck(),
  }
}

/** Runs one storage step, turning SQLite's errors into a StorageError; others pass unchanged. */
function guard<T>(operation: StorageOperation, room: string | null, step: () => T): T {
  try {
    return step()
  } catch (error) {
    if (error instanceof Database.SqliteError) throw new StorageError(operation, room, error)
    throw error
  }
}
