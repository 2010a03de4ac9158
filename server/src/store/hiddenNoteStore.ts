import type { SqlDb } from './sql/SqlDb'

/** A hidden note as stored: which note, on which table, since when. */
export interface StoredHiddenNote {
  noteId: string
  tableId: string
  /** ISO 8601. */
  hiddenAt: string
}

/**
 * The notes the organiser left out of an event's results. Only ids are kept;
 * rows go with their event through ON DELETE CASCADE. A note id is unique
 * within an event (tldraw ids are random), so it is the key.
 */
export class HiddenNoteStore {
  private readonly insertStmt
  private readonly getStmt
  private readonly deleteStmt
  private readonly listStmt

  constructor(private readonly db: SqlDb) {
    this.insertStmt = db.prepare(
      `INSERT INTO hidden_notes (event_id, note_id, table_id, hidden_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (event_id, note_id) DO NOTHING`,
    )
    this.getStmt = db.prepare(
      'SELECT note_id, table_id, hidden_at FROM hidden_notes WHERE event_id = ? AND note_id = ?',
    )
    this.deleteStmt = db.prepare('DELETE FROM hidden_notes WHERE event_id = ? AND note_id = ?')
    this.listStmt = db.prepare(
      `SELECT note_id, table_id, hidden_at FROM hidden_notes WHERE event_id = ?
       ORDER BY hidden_at, note_id`,
    )
  }

  /**
   * Hides a note. Hiding one that is hidden already changes nothing and
   * answers the stored entry with `created: false`.
   */
  hide(
    eventId: string,
    tableId: string,
    noteId: string,
    at = new Date(),
  ): { hidden: StoredHiddenNote; created: boolean } {
    return this.db.transaction(() => {
      const created = this.insertStmt.run(eventId, noteId, tableId, at.toISOString()).changes > 0
      const row = this.getStmt.get(eventId, noteId) as HiddenNoteRow
      return { hidden: fromRow(row), created }
    })()
  }

  /** Shows a note again; false when it was not hidden. */
  show(eventId: string, noteId: string): boolean {
    return this.deleteStmt.run(eventId, noteId).changes > 0
  }

  get(eventId: string, noteId: string): StoredHiddenNote | null {
    const row = this.getStmt.get(eventId, noteId) as HiddenNoteRow | undefined
    return row ? fromRow(row) : null
  }

  /** Every hidden note of the event, oldest first. */
  list(eventId: string): StoredHiddenNote[] {
    return (this.listStmt.all(eventId) as HiddenNoteRow[]).map(fromRow)
  }

  /** The ids to leave out of the event's results. */
  noteIds(eventId: string): Set<string> {
    return new Set(this.list(eventId).map((entry) => entry.noteId))
  }
}

interface HiddenNoteRow {
  note_id: string
  table_id: string
  hidden_at: string
}

function fromRow(row: HiddenNoteRow): StoredHiddenNote {
  return { noteId: row.note_id, tableId: row.table_id, hiddenAt: row.hidden_at }
}
