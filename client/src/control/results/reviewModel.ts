import type { HiddenNote, ResultNote, Results } from '@tablecloth/shared'

/**
 * The review list of the results panel: the notes of the results per table,
 * station and column, with the notes the organiser hid put back where they
 * stand, marked hidden. `results.json` leaves hidden notes out, so they come
 * from the hidden-notes list, which says where each one belongs.
 */

export interface ReviewNote {
  id: string
  tableId: string
  text: string
  votes: number
  cluster?: string
  group?: string
  author?: string
  hidden: boolean
}

export interface ReviewColumn {
  /** `<table>/<station>/<column index or "unsorted">`: stable across reloads. */
  key: string
  /** 0-based column index, or null for the notes outside every column. */
  index: number | null
  /** The guiding question; null for the unsorted notes. */
  title: string | null
  notes: ReviewNote[]
}

export interface ReviewStation {
  id: string
  title: string
  columns: ReviewColumn[]
}

export interface ReviewTable {
  id: string
  title: string
  stations: ReviewStation[]
}

/** The order of note ids in each column, as last shown, by column key. */
export type ReviewOrder = ReadonlyMap<string, readonly string[]>

export function columnKey(tableId: string, stationId: string, index: number | null): string {
  return `${tableId}/${stationId}/${index ?? 'unsorted'}`
}

/**
 * The review list. A hidden note goes into its column where it stood the
 * last time the list showed it (`previous`), next to the note it followed;
 * one never shown in this session goes to the end of its column. Hidden notes
 * the boards no longer hold, or outside what the results were narrowed to,
 * are not listed here (the hidden-notes list still names them).
 */
export function buildReview(
  results: Results,
  hidden: readonly HiddenNote[],
  previous: ReviewOrder = new Map(),
): ReviewTable[] {
  const hiddenByColumn = new Map<string, HiddenNote[]>()
  const listed = new Set<string>()
  for (const table of results.tables) {
    for (const station of table.stations) {
      for (const column of station.columns) for (const note of column.notes) listed.add(note.id)
      for (const note of station.unsorted) listed.add(note.id)
    }
  }
  for (const note of hidden) {
    // An export made just before the note was hidden may still list it.
    if (note.text === undefined || note.stationId === undefined || listed.has(note.noteId)) continue
    const key = columnKey(note.tableId, note.stationId, note.columnIndex ?? null)
    hiddenByColumn.set(key, [...(hiddenByColumn.get(key) ?? []), note])
  }
  const hiddenIds = new Set(hidden.map((note) => note.noteId))

  return results.tables.map((table) => ({
    id: table.id,
    title: table.title,
    stations: table.stations.map((station) => {
      const column = (index: number | null, title: string | null, notes: readonly ResultNote[]) => {
        const key = columnKey(table.id, station.id, index)
        const shown = notes.map((note) => reviewNote(note, table.id, hiddenIds.has(note.id)))
        const put = (hiddenByColumn.get(key) ?? []).map(
          (note): ReviewNote => ({
            id: note.noteId,
            tableId: table.id,
            text: note.text!,
            votes: 0,
            hidden: true,
          }),
        )
        return { key, index, title, notes: mergeInOrder(shown, put, previous.get(key) ?? []) }
      }
      const columns = station.columns.map((entry, index) => column(index, entry.title, entry.notes))
      // A stored column index the station no longer has: the note is still listed, as unsorted.
      const strays = [...hiddenByColumn.entries()]
        .filter(([key]) => {
          const prefix = `${table.id}/${station.id}/`
          if (!key.startsWith(prefix)) return false
          const rest = key.slice(prefix.length)
          return rest !== 'unsorted' && Number(rest) >= station.columns.length
        })
        .flatMap(([, notes]) => notes)
      const unsortedKey = columnKey(table.id, station.id, null)
      if (strays.length > 0) {
        hiddenByColumn.set(unsortedKey, [...(hiddenByColumn.get(unsortedKey) ?? []), ...strays])
      }
      const unsorted = column(null, null, station.unsorted)
      return {
        id: station.id,
        title: station.title,
        columns: unsorted.notes.length > 0 ? [...columns, unsorted] : columns,
      }
    }),
  }))
}

/** The order of every column of a review list, to keep hidden notes in place next time. */
export function reviewOrder(tables: readonly ReviewTable[]): Map<string, string[]> {
  const order = new Map<string, string[]>()
  for (const table of tables) {
    for (const station of table.stations) {
      for (const column of station.columns)
        order.set(
          column.key,
          column.notes.map((note) => note.id),
        )
    }
  }
  return order
}

/**
 * The shown notes in their order, with each of `put` inserted after the
 * nearest note that stood before it in `previous` (at the start when none
 * did), or at the end when `previous` does not know it.
 */
export function mergeInOrder<N extends { id: string }>(
  shown: readonly N[],
  put: readonly N[],
  previous: readonly string[],
): N[] {
  const merged = [...shown]
  const position = new Map(previous.map((id, index) => [id, index]))
  const known = put
    .filter((note) => position.has(note.id))
    .sort((a, b) => position.get(a.id)! - position.get(b.id)!)
  for (const note of known) {
    const before = previous.slice(0, position.get(note.id)!)
    let at = 0
    for (let index = before.length - 1; index >= 0; index--) {
      const found = merged.findIndex((entry) => entry.id === before[index])
      if (found >= 0) {
        at = found + 1
        break
      }
    }
    merged.splice(at, 0, note)
  }
  merged.push(...put.filter((note) => !position.has(note.id)))
  return merged
}

function reviewNote(note: ResultNote, tableId: string, hidden: boolean): ReviewNote {
  return {
    id: note.id,
    tableId,
    text: note.text,
    votes: note.votes,
    ...(note.cluster !== undefined && { cluster: note.cluster }),
    ...(note.group !== undefined && { group: note.group }),
    ...(note.author !== undefined && { author: note.author }),
    hidden,
  }
}
