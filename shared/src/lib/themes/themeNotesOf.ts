import type { Results } from '../results'
import type { ThemeNote } from './analyseNotes'

/**
 * Every note of a day's results as themes take them: each column's notes,
 * then the station's unsorted ones, table by table and station by station in
 * the results' order. Cluster headings are not notes and are left out.
 */
export function themeNotesOf(results: Results): ThemeNote[] {
  return results.tables.flatMap((table) =>
    table.stations.flatMap((station) =>
      [...station.columns.flatMap((column) => column.notes), ...station.unsorted].map((note) => ({
        tableId: table.id,
        stationId: station.id,
        noteId: note.id,
        text: note.text,
      })),
    ),
  )
}
