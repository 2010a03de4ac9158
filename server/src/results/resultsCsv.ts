import { stringify } from 'csv-stringify/sync'
import type { ResultNote, Results } from '@tablecloth/shared'

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
  // Last, so columns read by position before themes existed stay where they were.
  'theme',
] as const

type Row = Array<string | number>

/**
 * The results as CSV, one row per note, for spreadsheets. First the chapter
 * "Querschnittsthemen": one row per note of each saved theme, with the
 * theme's title in `theme`, in the themes' order. Then every note of every
 * table with `theme` empty, in document order (table, station, column, board
 * order); a note outside every column has an empty `column`. A note of a
 * theme so appears twice: filtering `theme` for non-empty rows gives the
 * themes, for empty ones the tables.
 */
export function resultsToCsv(results: Results): string {
  const rows: Row[] = []
  const byId = new Map<string, Row>()
  for (const table of results.tables) {
    for (const station of table.stations) {
      const columns = [...station.columns, { title: '', notes: station.unsorted }]
      for (const column of columns) {
        for (const note of column.notes) {
          const row = noteRow(results.event.title, table.title, station.title, column.title, note)
          rows.push(row)
          if (!byId.has(note.id)) byId.set(note.id, row)
        }
      }
    }
  }
  // Resolved against these same results, so each theme note has its table row.
  const themeRows = results.themes.flatMap((theme) =>
    theme.notes.flatMap((note) => {
      const row = byId.get(note.noteId)
      return row ? [[...row.slice(0, -1), theme.title]] : []
    }),
  )
  return stringify([...themeRows, ...rows], {
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

function noteRow(
  event: string,
  table: string,
  station: string,
  column: string,
  note: ResultNote,
): Row {
  return [
    event,
    table,
    station,
    column,
    note.cluster ?? '',
    note.text,
    note.votes,
    note.group ?? '',
    note.author ?? '',
    note.time ?? '',
    '',
  ]
}
