import * as Y from 'yjs'
import { checksumOf, isIntact, isReadable } from './partIntegrity'
import { engineErrorCode } from './sql/engineErrors'
import type { SqlDb } from './sql/SqlDb'

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
 * `code` is SQLite's extended code (`SQLITE_FULL`, `SQLITE_READONLY`, ...),
 * PostgreSQL's SQLSTATE or connection code (`57P01`, `ECONNREFUSED`, ...), or
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
  /** `state`, or the logged update's number on its board. */
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
  const own = (cause as { code?: unknown } | null)?.code
  if (typeof own === 'string' && /^[A-Z_]+$/.test(own)) return own
  return engineErrorCode(cause) ?? 'CORRUPT_UPDATE'
}

/** A board as stored: one update, or null, and the number of the last update logged for it. */
export interface StoredBoard {
  update: Uint8Array | null
  /** The last number `append` gave this board (0 if none); compaction keeps it. */
  head: number
}

/**
 * Board documents: per room one compacted state (`doc_states`) plus an
 * append-only log of the updates received since (`doc_updates`), on SQLite
 * or PostgreSQL.
 *
 * Every board numbers its updates 1, 2, 3, … (`doc_heads` keeps the last):
 * processes sharing a PostgreSQL store relay updates with their numbers, and
 * one that sees a number skipped reads the board again. Appending is one
 * statement on PostgreSQL, so the sync layer can log every update before
 * relaying it at the cost of one round trip. Compaction folds the log into
 * the state in one transaction, merging with the state stored: another
 * process may have compacted updates this one has not seen yet. Every row
 * carries a CRC32 of its bytes, checked on every load: a byte flipped on
 * disk may still decode, and would then silently hide every later update
 * that builds on it.
 */
export class DocStore {
  private readonly statements: ReturnType<typeof prepare>

  constructor(private readonly db: SqlDb) {
    this.statements = guard('prepare', null, () => prepare(db))
  }

  /**
   * The room's full state as one update (compacted state merged with the log),
   * or null if nothing was ever stored. Throws StorageError CORRUPT_UPDATE
   * when any stored part is damaged; `loadReadable` then reads around it.
   */
  load(room: string): Uint8Array | null {
    return this.read(room).update
  }

  /** Like `load`, with the board's head: the last update number the returned state includes. */
  read(room: string): StoredBoard {
    const { parts, head } = guard('load', room, () => this.readParts(room))
    return { update: this.merged(room, parts), head }
  }

  private merged(room: string, parts: StoredPart[]): Uint8Array | null {
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
  loadReadable(room: string): StoredBoard & { corrupt: Array<'state' | number> } {
    const { parts, head } = guard('load', room, () => this.readParts(room))
    const corrupt: Array<'state' | number> = []
    const readable: Uint8Array[] = []
    for (const part of parts) {
      if (isReadable(part.data, part.checksum)) readable.push(part.data)
      else corrupt.push(part.name)
    }
    return { update: readable.length === 0 ? null : Y.mergeUpdates(readable), head, corrupt }
  }

  /**
   * Logs one update durably (it is committed when this returns) and returns its
   * number on the board, one more than the last: `discard` and `compact` refer to it.
   */
  append(room: string, update: Uint8Array): number {
    return guard('append', room, () => this.statements.append(room, update, checksumOf(update)))
  }

  /** The last number `append` gave the board; 0 for a board never logged to. */
  head(room: string): number {
    return guard('load', room, () => {
      const row = this.statements.selectHead.get(room) as { seq: number } | undefined
      return row?.seq ?? 0
    })
  }

  /** Removes one logged update, for an update the room refused after it was logged. */
  discard(room: string, seq: number): void {
    guard('discard', room, () => this.statements.deleteUpdate.run(room, seq))
  }

  /**
   * Folds `state` into the room's stored state and drops the logged updates
   * it includes, in one transaction: a crash part-way leaves the old state
   * and the full log, never a state without its updates.
   *
   * The stored state is merged with `state`, not replaced: on a shared
   * store another process may have compacted updates this one has not
   * applied yet. `throughSeq` is the last update number `state` includes
   * with every one before it; by default every update logged so far, which
   * holds whenever the caller encoded `state` from a doc that applied the
   * whole log.
   *
   * A board with neither state nor numbering is written only with `create`
   * (its first state); otherwise it was deleted and stays so: answers false.
   */
  compact(
    room: string,
    state: Uint8Array,
    throughSeq?: number,
    options: { create?: boolean } = {},
  ): boolean {
    return guard('compact', room, () =>
      this.db.transaction(() => {
        this.db.lockKey(`board:${room}`)
        const head = this.statements.selectHead.get(room) as { seq: number } | undefined
        const last = throughSeq ?? head?.seq ?? 0
        const stored = this.statements.selectState.get(room) as
          | { data: Uint8Array; checksum: number | null }
          | undefined
        // Neither state nor numbering: the board was deleted, perhaps by another
        // process while this one held it. Writing it now would bring it back.
        if (stored === undefined && head === undefined && !options.create) return false
        // A damaged stored state is not merged: the log it came from may be gone,
        // and `state`, read around it, is the best there is.
        const merged =
          stored === undefined || !isIntact(stored.data, stored.checksum)
            ? state
            : Y.mergeUpdates([stored.data, state])
        this.statements.upsertState.run(room, merged, checksumOf(merged), new Date().toISOString())
        this.statements.deleteUpdatesThrough.run(room, last)
        return true
      })(),
    )
  }

  /** Number of updates logged since the last compaction. */
  updateCount(room: string): number {
    return guard('count', room, () => (this.statements.countUpdates.get(room) as Count).count)
  }

  /**
   * Deletes one room's state, log and numbering.
   *
   * The numbering goes first: on a shared store another process may be
   * appending to the board meanwhile, and an append takes the head row's
   * lock. Deleted first, the head stays locked until the deletion commits, so
   * an append either lands before it, and its update is deleted with the
   * rest, or waits and then numbers from 1 on an empty log. Deleted last, an
   * update logged in between would outlive the deletion with a number the
   * restarted head reaches again, and that append would fail (23505).
   */
  deleteRoom(room: string): void {
    guard('delete', room, () =>
      this.db.transaction(() => {
        this.statements.deleteHead.run(room)
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
        const rooms = this.listRooms(prefix)
        const match = [prefix.length, prefix]
        // The numbering first, as in `deleteRoom`.
        this.statements.deleteHeadsWithPrefix.run(...match)
        this.statements.deleteStatesWithPrefix.run(...match)
        this.statements.deleteUpdatesWithPrefix.run(...match)
        return rooms.length
      })(),
    )
  }

  /** Names of the rooms that start with `prefix` and have anything stored, sorted. */
  listRooms(prefix: string): string[] {
    const match = [prefix.length, prefix]
    return guard('list', prefix, () =>
      (this.statements.listRooms.all(...match, ...match) as Array<{ room: string }>).map(
        (row) => row.room,
      ),
    )
  }

  /**
   * State, log and head in one statement, so that on either engine it reads
   * one consistent moment: a compaction by another process cannot be seen
   * half-done.
   */
  private readParts(room: string): { parts: StoredPart[]; head: number } {
    const rows = this.statements.selectParts.all(room, room, room) as PartRow[]
    const parts: StoredPart[] = []
    let head = 0
    for (const row of rows) {
      if (row.kind === 2) head = row.seq ?? 0
      else if (row.data !== null) {
        const name = row.kind === 0 ? ('state' as const) : (row.seq ?? 0)
        parts.push({ name, data: row.data, checksum: row.checksum })
      }
    }
    return { parts, head }
  }
}

interface PartRow {
  /** 0: the compacted state, 1: a logged update, 2: the head. */
  kind: 0 | 1 | 2
  seq: number | null
  data: Uint8Array | null
  checksum: number | null
}

/**
 * Numbers and logs an update. On PostgreSQL one statement: one round trip,
 * atomic, and the head row's lock keeps two processes' numbers apart.
 * SQLite has no INSERT inside WITH; there the two run in one transaction.
 */
function appender(db: SqlDb): (room: string, data: Uint8Array, checksum: number) => number {
  const bumpHead = `INSERT INTO doc_heads (room, seq) VALUES (?, 1)
     ON CONFLICT (room) DO UPDATE SET seq = doc_heads.seq + 1 RETURNING seq`
  if (db.engine === 'postgres') {
    const append = db.prepare(
      `WITH head AS (${bumpHead})
       INSERT INTO doc_updates (room, board_seq, data, checksum)
       SELECT CAST(? AS TEXT), seq, CAST(? AS BYTEA), CAST(? AS BIGINT) FROM head
       RETURNING board_seq AS seq`,
    )
    return (room, data, checksum) => (append.get(room, room, data, checksum) as Seq).seq
  }
  const bump = db.prepare(bumpHead)
  const insert = db.prepare(
    'INSERT INTO doc_updates (room, board_seq, data, checksum) VALUES (?, ?, ?, ?)',
  )
  // Made once: this is the path of every update a board receives.
  return db.transaction((room: string, data: Uint8Array, checksum: number) => {
    const { seq } = bump.get(room) as Seq
    insert.run(room, seq, data, checksum)
    return seq
  })
}

interface Seq {
  seq: number
}

interface Count {
  count: number
}

function prepare(db: SqlDb) {
  const prefixMatch = 'substr(room, 1, ?) = ?'
  return {
    append: appender(db),
    selectParts: db.prepare(
      `SELECT 0 AS kind, NULL AS seq, state AS data, checksum FROM doc_states WHERE room = ?
       UNION ALL SELECT 1, board_seq, data, checksum FROM doc_updates WHERE room = ?
       UNION ALL SELECT 2, seq, NULL, NULL FROM doc_heads WHERE room = ?
       ORDER BY kind, seq`,
    ),
    selectState: db.prepare('SELECT state AS data, checksum FROM doc_states WHERE room = ?'),
    selectHead: db.prepare('SELECT seq FROM doc_heads WHERE room = ?'),
    deleteUpdate: db.prepare('DELETE FROM doc_updates WHERE room = ? AND board_seq = ?'),
    upsertState: db.prepare(
      `INSERT INTO doc_states (room, state, checksum, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (room) DO UPDATE SET
         state = excluded.state, checksum = excluded.checksum, updated_at = excluded.updated_at`,
    ),
    deleteUpdatesThrough: db.prepare('DELETE FROM doc_updates WHERE room = ? AND board_seq <= ?'),
    countUpdates: db.prepare('SELECT count(*) AS count FROM doc_updates WHERE room = ?'),
    deleteState: db.prepare('DELETE FROM doc_states WHERE room = ?'),
    deleteUpdates: db.prepare('DELETE FROM doc_updates WHERE room = ?'),
    deleteHead: db.prepare('DELETE FROM doc_heads WHERE room = ?'),
    deleteStatesWithPrefix: db.prepare(`DELETE FROM doc_states WHERE ${prefixMatch}`),
    deleteUpdatesWithPrefix: db.prepare(`DELETE FROM doc_updates WHERE ${prefixMatch}`),
    deleteHeadsWithPrefix: db.prepare(`DELETE FROM doc_heads WHERE ${prefixMatch}`),
    listRooms: db.prepare(
      `SELECT room FROM doc_states WHERE ${prefixMatch}
       UNION SELECT room FROM doc_updates WHERE ${prefixMatch}
       ORDER BY room`,
    ),
  }
}

/** Runs one storage step, turning SQLite's errors into a StorageError; others pass unchanged. */
function guard<T>(operation: StorageOperation, room: string | null, step: () => T): T {
  try {
    return step()
  } catch (error) {
    if (engineErrorCode(error) !== null) throw new StorageError(operation, room, error)
    throw error
  }
}
