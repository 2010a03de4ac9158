import type { EventConfig, TimerState } from '@tablecloth/shared'
import type { SqlDb } from './sql/SqlDb'

/** The mutable part of an event: where the day stands. */
export interface EventState {
  currentStation: number
  timer: TimerState
}

export interface StoredEvent {
  id: string
  config: EventConfig
  state: EventState
  createdAt: string
}

/** Events and their running state. Config and state are JSON columns validated on the way in. */
export class EventStore {
  private readonly insertStmt
  private readonly selectStmt
  private readonly updateStateStmt
  private readonly updateConfigStmt
  private readonly deleteStmt
  private readonly listStmt

  constructor(db: SqlDb) {
    this.insertStmt = db.prepare(
      'INSERT INTO events (id, config, state, created_at) VALUES (?, ?, ?, ?)',
    )
    this.selectStmt = db.prepare('SELECT id, config, state, created_at FROM events WHERE id = ?')
    this.updateStateStmt = db.prepare('UPDATE events SET state = ? WHERE id = ?')
    this.updateConfigStmt = db.prepare('UPDATE events SET config = ? WHERE id = ?')
    this.deleteStmt = db.prepare('DELETE FROM events WHERE id = ?')
    this.listStmt = db.prepare('SELECT id, config, state, created_at FROM events')
  }

  create(event: StoredEvent): void {
    this.insertStmt.run(
      event.id,
      JSON.stringify(event.config),
      JSON.stringify(event.state),
      event.createdAt,
    )
  }

  get(id: string): StoredEvent | null {
    const row = this.selectStmt.get(id) as EventRow | undefined
    return row ? fromRow(row) : null
  }

  list(): StoredEvent[] {
    return (this.listStmt.all() as EventRow[]).map(fromRow)
  }

  saveState(id: string, state: EventState): void {
    this.updateStateStmt.run(JSON.stringify(state), id)
  }

  saveConfig(id: string, config: EventConfig): void {
    this.updateConfigStmt.run(JSON.stringify(config), id)
  }

  /** Deletes the event; tokens and snapshots go with it through ON DELETE CASCADE. */
  delete(id: string): boolean {
    return this.deleteStmt.run(id).changes > 0
  }
}

interface EventRow {
  id: string
  config: string
  state: string
  created_at: string
}

function fromRow(row: EventRow): StoredEvent {
  return {
    id: row.id,
    config: JSON.parse(row.config) as EventConfig,
    state: JSON.parse(row.state) as EventState,
    createdAt: row.created_at,
  }
}
