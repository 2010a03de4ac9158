import { distanceToRect, rectArea, rectCentre, rectContainsPoint, type Rect } from './rect'

/**
 * Which note answers which question. Moderators drag notes around freely; a
 * note's column is wherever it lies when the board is read, so results,
 * snapshots and the live gallery all sort notes the same way.
 */

/** A note as read from a board, with page-space bounds. */
export interface NoteInput {
  id: string
  /** In page coordinates (tldraw stores children of a frame relative to it; convert first). */
  bounds: Rect
  /** The station that was running when the note was written. */
  stationId?: string
  groupId?: string
  author?: string
  createdAt?: string
  text: string
}

/** One column of one station on a board. */
export interface ColumnArea {
  stationId: string
  columnIndex: number
  bounds: Rect
}

export interface ColumnNotes<N extends NoteInput = NoteInput> {
  columnIndex: number
  /** In reading order: rows top to bottom, each row left to right. */
  notes: N[]
}

export interface StationNotes<N extends NoteInput = NoteInput> {
  stationId: string
  /** Every column of the station by column index, empty ones included. */
  columns: ColumnNotes<N>[]
  /** Notes of this station that lie in none of its columns, in reading order. */
  unsorted: N[]
}

export interface ClassifiedNotes<N extends NoteInput = NoteInput> {
  /** Stations in the order their columns were given, then stations known only from notes. */
  stations: StationNotes<N>[]
  /** Notes with no station and no column to tell one by: only when a board has no columns. */
  unplaced: N[]
}

/**
 * Notes whose top edges are this close count as one row. Notes placed by hand
 * are rarely aligned to the pixel, and a tall note (tldraw grows notes with
 * their text) must not push its neighbours into another row.
 */
export const ROW_TOLERANCE = 50

/**
 * Sorts notes into the columns of their stations.
 *
 * A note belongs to the column that contains its centre. Where columns overlap
 * the smaller one wins, and of equal ones the later in `columns` (tldraw paints
 * later shapes on top). A note outside every column is never dropped: it is
 * listed as unsorted for the station it was written in, or, if it does not
 * say, the station of the nearest column.
 */
export function classifyNotes<N extends NoteInput>(
  notes: readonly N[],
  columns: readonly ColumnArea[],
): ClassifiedNotes<N> {
  const stations = new Map<string, { columns: Map<number, N[]>; unsorted: N[] }>()
  const stationFor = (stationId: string) => {
    let station = stations.get(stationId)
    if (!station) {
      station = { columns: new Map(), unsorted: [] }
      stations.set(stationId, station)
    }
    return station
  }
  for (const column of columns) {
    const station = stationFor(column.stationId)
    if (!station.columns.has(column.columnIndex)) station.columns.set(column.columnIndex, [])
  }
  const knownFromColumns = stations.size

  const unplaced: N[] = []
  const extraStations = new Set<string>()
  for (const note of notes) {
    const column = columnOf(note.bounds, columns)
    if (column) {
      stationFor(column.stationId).columns.get(column.columnIndex)!.push(note)
      continue
    }
    const stationId = note.stationId ?? nearestColumn(note.bounds, columns)?.stationId
    if (stationId === undefined) {
      unplaced.push(note)
      continue
    }
    if (!stations.has(stationId)) extraStations.add(stationId)
    stationFor(stationId).unsorted.push(note)
  }

  // Stations named only by notes come after the board's own, in a fixed order
  // so every reader of the same board lists them alike.
  const order = [
    ...[...stations.keys()].slice(0, knownFromColumns),
    ...[...extraStations].sort(compareText),
  ]
  return {
    stations: order.map((stationId) => {
      const station = stations.get(stationId)!
      return {
        stationId,
        columns: [...station.columns.entries()]
          .sort(([a], [b]) => a - b)
          .map(([columnIndex, inColumn]) => ({ columnIndex, notes: readingOrder(inColumn) })),
        unsorted: readingOrder(station.unsorted),
      }
    }),
    unplaced: readingOrder(unplaced),
  }
}

/** The column containing the centre of `bounds`, or undefined if none does. */
function columnOf(bounds: Rect, columns: readonly ColumnArea[]): ColumnArea | undefined {
  const centre = rectCentre(bounds)
  let best: ColumnArea | undefined
  for (const column of columns) {
    if (!rectContainsPoint(column.bounds, centre)) continue
    if (!best || rectArea(column.bounds) <= rectArea(best.bounds)) best = column
  }
  return best
}

/** The column nearest to the centre of `bounds`; of equally near ones the first. */
function nearestColumn(bounds: Rect, columns: readonly ColumnArea[]): ColumnArea | undefined {
  const centre = rectCentre(bounds)
  let best: ColumnArea | undefined
  let bestDistance = Infinity
  for (const column of columns) {
    const distance = distanceToRect(column.bounds, centre)
    if (distance < bestDistance) {
      best = column
      bestDistance = distance
    }
  }
  return best
}

/**
 * Notes in the order people read a wall of sticky notes: row by row from the
 * top, each row from the left. A row starts at its topmost note and takes in
 * every note whose top edge is within {@link ROW_TOLERANCE} of it.
 */
export function readingOrder<N extends NoteInput>(notes: readonly N[]): N[] {
  const byTop = [...notes].sort(
    (a, b) => a.bounds.y - b.bounds.y || a.bounds.x - b.bounds.x || compareText(a.id, b.id),
  )
  const ordered: N[] = []
  let row: N[] = []
  let rowTop = -Infinity
  const flush = () => {
    row.sort(
      (a, b) => a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y || compareText(a.id, b.id),
    )
    ordered.push(...row)
    row = []
  }
  for (const note of byTop) {
    if (note.bounds.y - rowTop > ROW_TOLERANCE) {
      flush()
      rowTop = note.bounds.y
    }
    row.push(note)
  }
  flush()
  return ordered
}

/** Code-unit order: the same on every machine, unlike locale-aware comparison. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
