import { randomUUID } from 'node:crypto'
import type { SnapshotSummary } from '@tablecloth/shared'
import type { SqlDb } from './sql/SqlDb'
import { checksumOf, isIntact } from './partIntegrity'

export interface NewSnapshot {
  eventId: string
  tableId: string
  stationIndex: number
  stationId: string
  reason: SnapshotSummary['reason']
  state: Uint8Array
}

/**
 * A stored snapshot's bytes are not what was written: its checksum does not
 * match, or (in a row from before checksums) it does not decode. Names the
 * snapshot, never its content. Callers treat the snapshot as unreadable: the
 * results read the live board instead, a restore refuses it.
 */
export class DamagedSnapshotError extends Error {
  override readonly name = 'DamagedSnapshotError'
  readonly code = 'CORRUPT_SNAPSHOT'

  constructor(readonly snapshotId: string) {
    super(`snapshot ${snapshotId} is damaged`)
  }
}

/**
 * Immutable board snapshots. Rows are only ever inserted or deleted with
 * their event; there is no UPDATE statement, so a snapshot never changes.
 * Each row carries a CRC32 of its state, checked whenever it is read.
 */
export class SnapshotStore {
  private readonly insertStmt
  private readonly listStmt
  private readonly getStmt

  constructor(private readonly db: SqlDb) {
    this.insertStmt = db.prepare(
      `INSERT INTO snapshots
         (id, event_id, table_id, station_index, station_id, reason, state, checksum, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.listStmt = db.prepare(
      `SELECT id, table_id, station_index, station_id, reason, created_at FROM snapshots
       WHERE event_id = ? ORDER BY created_at, station_index, table_id`,
    )
    this.getStmt = db.prepare(
      `SELECT id, table_id, station_index, station_id, reason, created_at, state, checksum FROM snapshots
       WHERE event_id = ? AND id = ?`,
    )
  }

  /**
   * Inserts all snapshots in one transaction: a station change stores every
   * board or none. `alsoInTransaction` lets the caller commit the matching
   * event state change atomically with the snapshots.
   */
  insertAll(
    snapshots: NewSnapshot[],
    at = new Date(),
    alsoInTransaction?: () => void,
  ): SnapshotSummary[] {
    const createdAt = at.toISOString()
    return this.db.transaction(() => {
      alsoInTransaction?.()
      return snapshots.map((snapshot) => {
        const id = randomUUID()
        this.insertStmt.run(
          id,
          snapshot.eventId,
          snapshot.tableId,
          snapshot.stationIndex,
          snapshot.stationId,
          snapshot.reason,
          snapshot.state,
          checksumOf(snapshot.state),
          createdAt,
        )
        return {
          id,
          tableId: snapshot.tableId,
          stationIndex: snapshot.stationIndex,
          stationId: snapshot.stationId,
          reason: snapshot.reason,
          createdAt,
        }
      })
    })()
  }

  /** The event's snapshots without their states, oldest first. */
  list(eventId: string): SnapshotSummary[] {
    return (this.listStmt.all(eventId) as SnapshotRow[]).map(toSummary)
  }

  /**
   * One snapshot with its state, or null when the event has none by that id.
   * Throws DamagedSnapshotError when the stored state is not what was written.
   */
  get(eventId: string, id: string): (SnapshotSummary & { state: Uint8Array }) | null {
    const row = this.getStmt.get(eventId, id) as
      | (SnapshotRow & { state: Buffer; checksum: number | null })
      | undefined
    if (!row) return null
    if (!isIntact(row.state, row.checksum)) throw new DamagedSnapshotError(row.id)
    return { ...toSummary(row), state: new Uint8Array(row.state) }
  }
}

interface SnapshotRow {
  id: string
  table_id: string
  station_index: number
  station_id: string
  reason: SnapshotSummary['reason']
  created_at: string
}

function toSummary(row: SnapshotRow): SnapshotSummary {
  return {
    id: row.id,
    tableId: row.table_id,
    stationIndex: row.station_index,
    stationId: row.station_id,
    reason: row.reason,
    createdAt: row.created_at,
  }
}
