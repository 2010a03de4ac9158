import { stringify } from 'csv-stringify/sync'
import type { Results } from '@tablecloth/shared'

/** The CSV columns, in order; the header row names them so. */
export const RESULTS_CSV_COLUMNS = [
  'event',
  'table',
  'station',
  'column',
  'cluster',
  'text',
  'votes',
  'group',
  'author',
  'time',
] as const

/**
 * The results as CSV, one row per note, for spreadsheets. Rows follow the
 * document order (table, station, column, board order); a note outside every
 * column has an empty `column`.
 */
export function resultsToCsv(results: Results): string {
  const rows: Array<Array<string | number>> = []
  for (const table of results.tables) {
    for (const station of table.stations) {
      const columns = [...station.columns, { title: '', notes: station.unsorted }]
      for (const column of columns) {
        for (const note of column.notes) {
          rows.push([
            results.event.title,
            table.title,
            station.title,
            column.title,
            note.cluster ?? '',
            note.text,
            note.votes,
            note.group ?? '',
            note.author ?? '',
            note.time ?? '',
          ])
        }
      }
    }
  }
  return stringify(rows, {
    header: true,
    columns: [...RESULTS_CSV_COLUMNS],
    // Excel reads a CSV without a byte order mark as ANSI and garbles umlauts.
    bom: true,
    // Excel's line ending; every other reader takes it too.
    record_delimiter: 'windows',
    // A line break inside a note must be quoted, or a reader that ends a
    // record at any line break splits the note. The library only does so by
    // default when the record delimiter is left to it.
    quote_record_delimiter: true,
    // Anyone at a table can write a note: one starting with = + - @ must not
    // run as a formula when the organiser opens the file in a spreadsheet.
    escape_formulas: true,
  })
}
