import type { ResultNote, TableResults } from './results'

/**
 * Saved cross-table themes ("Querschnittsthemen") read against a day's
 * results: the organiser keeps only note ids, and every reader (the gallery,
 * each results format) needs the note's text with its table and station.
 * Resolving against the results, not the boards, means a theme shows exactly
 * the notes the export shows: hidden ones and those outside a filter drop out.
 */

/** A theme as the organiser saved it. */
export interface ThemeSelection {
  title: string
  /** In the organiser's order; each id in one theme only. */
  noteIds: readonly string[]
}

/** A note of a theme with the place it was written. */
export interface ResultThemeNote {
  tableId: string
  /** The table's number as the room knows it (from 1). */
  tableNumber: number
  /** The table's topic. */
  tableTitle: string
  stationId: string
  stationTitle: string
  noteId: string
  text: string
}

export interface ResultTheme {
  title: string
  /** The notes the results hold, in the saved order. */
  notes: ResultThemeNote[]
}

/**
 * Each saved theme with the notes `tables` hold, in the order of its ids.
 * An id the results do not hold (the note was deleted, hidden, or lies
 * outside the tables and stations asked for) is left out; a theme keeps its
 * place even when none of its notes is left.
 */
export function resolveThemes(
  tables: readonly TableResults[],
  selections: readonly ThemeSelection[],
): ResultTheme[] {
  const places = notePlaces(tables)
  return selections.map((selection) => ({
    title: selection.title,
    notes: selection.noteIds.flatMap((id) => {
      const place = places.get(id)
      return place ? [place] : []
    }),
  }))
}

/** Every note of the results by id; should a board hold a note twice, the first counts. */
function notePlaces(tables: readonly TableResults[]): Map<string, ResultThemeNote> {
  const places = new Map<string, ResultThemeNote>()
  for (const table of tables) {
    for (const station of table.stations) {
      const notes: ResultNote[] = [
        ...station.columns.flatMap((column) => column.notes),
        ...station.unsorted,
      ]
      for (const note of notes) {
        if (places.has(note.id)) continue
        places.set(note.id, {
          tableId: table.id,
          tableNumber: table.number,
          tableTitle: table.title,
          stationId: station.id,
          stationTitle: station.title,
          noteId: note.id,
          text: note.text,
        })
      }
    }
  }
  return places
}
