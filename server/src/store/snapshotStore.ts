import { randomUUID } from 'node:crypto'
import type { SnapshotSummary } from '@tablecloth/shared'
import type { Db } from './database'

export interface NewSnapshot {
  eventId: string
  tableId: string
  stationIndex: number
  stationId: string
  reason: SnapshotSummary['reason']
  state: Uint8Array
}

/**
 * Immutable board snapshots. Rows are only ever inserted or deleted with
 * their event; there is no UPDATE statement, so a snapshot never changes.
 */
export class SnapshotStore {
  private readonly insertStmt
  private readonly listStmt
  private readonly getStmt

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO snapshots (id, event_id, table_id, station_index, station_id, reason, state, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.listStmt = db.prepare(
      `SELECT id, table_id, station_index, station_id, reason, created_at FROM snapshots
       WHERE event_id = ? ORDER BY created_at, station_index, table_id`,
    )
    this.getStmt = db.prepare(
      `SELECT id, table_id, station_index, station_id, reason, created_at, state FROM snapshots
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

  list(eventId: string): SnapshotSummary[] {
    return (this.listStmt.all(eventId) as SnapshotRow[]).map(toSummary)
  }

  get(eventId: string, id: string): (SnapshotSummary & { state: Uint8Array }) | null {
    const row = this.getStmt.get(eventId, id) as (SnapshotRow & { state: Buffer }) | undefined
    return row ? { ...toSummary(row), state: new Uint8Array(row.state) } : null
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
