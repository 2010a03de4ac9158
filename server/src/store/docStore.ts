import Database from 'better-sqlite3'
import * as Y from 'yjs'
import type { Db } from './database'
import { checksumOf, isIntact, isReadable } from './partIntegrity'

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
 * `CORRUPT_UPDATE` when stored bytes are damaged: their checksum does not
 * match, or (in a row from before checksums) they no longer decode as a Yjs
 * update. The message names the operation and room only, never any board content.
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

/** A stored part of a room, as read: its bytes and the checksum stored with them. */
interface StoredPart {
  /** `state`, or the logged update's sequence number. */
  name: 'state' | number
  data: Uint8Array
  /** CRC32 written with the bytes; null in rows from before checksums (migration 3). */
  checksum: number | null
}

/** The cause of a CORRUPT_UPDATE StorageError: names the damaged part, never its content. */
export class DamagedPartError extends Error {
  override readonly name = 'DamagedPartError'

  constructor(readonly part: 'state' | number) {
    super(`stored ${part === 'state' ? 'state' : `update ${part}`} is damaged`)
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
 * folds the log into the state in one transaction. Every row carries a CRC32
 * of its bytes, checked on every load: a byte flipped on disk may still
 * decode, and would then silently hide every later update that builds on it.
 */
export class DocStore {
  private readonly statements: ReturnType<typeof prepare>

  constructor(private readonly db: Db) {
    this.statements = guard('prepare', null, () => prepare(db))
  }

  /**
   * The room's full state as one update (compacted state merged with the log),
   * or null if nothing was ever stored. Throws StorageError CORRUPT_UPDATE
   * when any stored part is damaged; `loadReadable` then reads around it.
   */
  load(room: string): Uint8Array | null {
    const parts = guard('load', room, () => this.readParts(room))
    if (parts.length === 0) return null
    const damaged = parts.find((part) => !isIntact(part.data, part.checksum))
    if (damaged !== undefined)
      throw new StorageError('load', room, new DamagedPartError(damaged.name))
    if (parts.length === 1) return parts[0]!.data
    try {
      return Y.mergeUpdates(parts.map((part) => part.data))
    } catch (error) {
      throw new StorageError('load', room, error)
    }
  }

  /**
   * The room's state without its damaged parts: for a board whose `load`
   * failed with CORRUPT_UPDATE. A part is damaged when its checksum does not
   * match or it does not decode. Everything
   * intact is kept; `corrupt` names what was left out (`state`, or an
   * update's sequence number), for the report. The rows themselves stay as
   * they are.
   *
   * Updates that build on a left-out part cannot be integrated by Yjs and
   * wait in the doc's pending structs once applied: see `salvagePending`.
   */
  loadReadable(room: string): { update: Uint8Array | null; corrupt: Array<'state' | number> } {
    const parts = guard('load', room, () => this.readParts(room))
    const corrupt: Array<'state' | number> = []
    const readable: Uint8Array[] = []
    for (const part of parts) {
      if (isReadable(part.data, part.checksum)) readable.push(part.data)
      else corrupt.push(part.name)
    }
    return { update: readable.length === 0 ? null : Y.mergeUpdates(readable), corrupt }
  }

  /**
   * Logs one update durably (it is committed when this returns) and returns its
   * sequence number, which `discard` and `compact` refer to.
   */
  append(room: string, update: Uint8Array): number {
    return guard('append', room, () => {
      return Number(
        this.statements.insertUpdate.run(room, update, checksumOf(update)).lastInsertRowid,
      )
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
        this.statements.upsertState.run(room, state, checksumOf(state), new Date().toISOString())
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

  private readParts(room: string): StoredPart[] {
    // One read transaction, so a concurrent compaction cannot be seen half-done.
    return this.db.transaction(() => {
      const state = this.statements.selectState.get(room) as Omit<StoredPart, 'name'> | undefined
      const updates = this.statements.selectUpdates.all(room) as Array<
        Omit<StoredPart, 'name'> & { seq: number }
      >
      const logged = updates.map(
        ({ seq, data, checksum }): StoredPart => ({ name: seq, data, checksum }),
      )
      return state === undefined ? logged : [{ name: 'state' as const, ...state }, ...logged]
    })()
  }
}

function prepare(db: Db) {
  const prefixMatch = 'substr(room, 1, length(@prefix)) = @prefix'
  return {
    selectState: db.prepare('SELECT state AS data, checksum FROM doc_states WHERE room = ?'),
    selectUpdates: db.prepare(
      'SELECT seq, data, checksum FROM doc_updates WHERE room = ? ORDER BY seq',
    ),
    insertUpdate: db.prepare('INSERT INTO doc_updates (room, data, checksum) VALUES (?, ?, ?)'),
    deleteUpdate: db.prepare('DELETE FROM doc_updates WHERE room = ? AND seq = ?'),
    maxSeq: db.prepare('SELECT max(seq) FROM doc_updates WHERE room = ?').pluck(),
    upsertState: db.prepare(
      `INSERT INTO doc_states (room, state, checksum, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(room) DO UPDATE SET
         state = excluded.state, checksum = excluded.checksum, updated_at = excluded.updated_at`,
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
