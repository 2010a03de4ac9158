import type { ThemeSelection } from '@tablecloth/shared'
import { z } from 'zod'
import type { SqlDb } from './sql/SqlDb'

/** A stored row as the store reads it back: checked, as a row may have been edited by hand. */
const StoredThemesSchema = z.array(z.object({ title: z.string(), noteIds: z.array(z.string()) }))

/** A row whose JSON is no list of themes: refused rather than read as "no themes". */
export class DamagedThemesError extends Error {
  override readonly name = 'DamagedThemesError'
  constructor(readonly eventId: string) {
    super(`The saved themes of event ${eventId} cannot be read`)
  }
}

/**
 * The cross-table themes an organiser saved for an event: titles and note
 * ids, one row per event (migration 5 says why). Saving replaces the set;
 * the row goes with its event through ON DELETE CASCADE, so deleting the
 * event and retention remove it too.
 */
export class ThemeStore {
  private readonly upsertStmt
  private readonly getStmt

  constructor(db: SqlDb) {
    this.upsertStmt = db.prepare(
      `INSERT INTO event_themes (event_id, themes, saved_at) VALUES (?, ?, ?)
       ON CONFLICT (event_id) DO UPDATE SET themes = excluded.themes, saved_at = excluded.saved_at`,
    )
    this.getStmt = db.prepare('SELECT themes FROM event_themes WHERE event_id = ?')
  }

  /** Replaces the event's themes with `themes`, in their order. */
  save(eventId: string, themes: readonly ThemeSelection[], at = new Date()): void {
    const rows = themes.map(({ title, noteIds }) => ({ title, noteIds: [...noteIds] }))
    this.upsertStmt.run(eventId, JSON.stringify(rows), at.toISOString())
  }

  /** The event's themes as saved; none when nothing was saved. */
  list(eventId: string): ThemeSelection[] {
    const row = this.getStmt.get(eventId) as { themes: string } | undefined
    if (!row) return []
    let parsed: unknown
    try {
      parsed = JSON.parse(row.themes)
    } catch {
      throw new DamagedThemesError(eventId)
    }
    const themes = StoredThemesSchema.safeParse(parsed)
    if (!themes.success) throw new DamagedThemesError(eventId)
    return themes.data
  }
}
