import type { ThemeNote } from '../lib/themes/suggestThemes'
import { REFERENCE_NOTES } from './referenceNotes'

/** The reference day's notes as `suggestThemes` takes them, stations named s1–s3. */
export function referenceThemeNotes(): ThemeNote[] {
  return REFERENCE_NOTES.map((note) => ({
    tableId: note.tableId,
    stationId: `s${note.station}`,
    noteId: note.id,
    text: note.text,
  }))
}
