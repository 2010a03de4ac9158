import { COLUMN_PADDING, NOTE_SIZE, nextFreeSlot } from './boardLayout'
import { ROW_TOLERANCE } from './noteClassification'
import { rectCentre, type Point, type Rect } from './rect'

/**
 * Where a note written at the board goes, and how the keyboard walks from
 * note to note. Both follow the wall the group looks at: a tidy grid per
 * column, read row by row from the top, each row from the left.
 */

/** Where a new note lands in a column, and the column height that keeps it inside. */
export interface NotePlacement {
  /** Top-left corner of the note, in page coordinates. */
  position: Point
  /**
   * The column's height with the note in it: its current height while it has
   * room, taller once the grid runs past its bottom edge.
   */
  columnHeight: number
}

/**
 * Places a new note in a column: the first grid position that overlaps none
 * of the `occupied` rectangles (see {@link nextFreeSlot}). When the column is
 * full, the position lies below it, and `columnHeight` says how far the
 * column must grow downwards so the note still sits inside it, with the same
 * padding as at the top.
 */
export function placeNoteInColumn(column: Rect, occupied: readonly Rect[]): NotePlacement {
  const position = nextFreeSlot(column, occupied)
  const bottom = position.y + NOTE_SIZE + COLUMN_PADDING
  return { position, columnHeight: Math.max(column.h, bottom - column.y) }
}

/** A direction of the arrow keys. */
export type NoteStep = 'left' | 'right' | 'up' | 'down'

/** A note as far as walking the board is concerned: its id and page-space bounds. */
export interface PlacedNote {
  id: string
  bounds: Rect
}

/**
 * Notes grouped into rows as the classification's reading order groups them:
 * a row starts at its topmost note and takes in every note whose top edge is
 * within `ROW_TOLERANCE` of it; rows run top to bottom, each left to right.
 * Flattened, this is exactly `readingOrder`.
 */
export function noteRows<N extends PlacedNote>(notes: readonly N[]): N[][] {
  const byTop = [...notes].sort(
    (a, b) => a.bounds.y - b.bounds.y || a.bounds.x - b.bounds.x || compareIds(a.id, b.id),
  )
  const rows: N[][] = []
  let rowTop = -Infinity
  for (const note of byTop) {
    const row = rows[rows.length - 1]
    if (row && note.bounds.y - rowTop <= ROW_TOLERANCE) {
      row.push(note)
      continue
    }
    rows.push([note])
    rowTop = note.bounds.y
  }
  for (const row of rows) {
    row.sort((a, b) => a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y || compareIds(a.id, b.id))
  }
  return rows
}

/**
 * The note an arrow key moves the selection to. Left and right step within
 * the row and stop at its ends; up and down go to the row above or below,
 * to the note whose centre is horizontally nearest (the left one on a tie),
 * and stop at the first and last row. With no note selected, or one that is
 * not among `notes`, right and down start at the first note in reading order,
 * left and up at the last. Null only when there are no notes.
 */
export function noteInDirection(
  notes: readonly PlacedNote[],
  fromId: string | null,
  step: NoteStep,
): string | null {
  const rows = noteRows(notes)
  const rowIndex = rows.findIndex((row) => row.some((note) => note.id === fromId))
  if (rowIndex === -1) {
    const forwards = step === 'right' || step === 'down'
    const row = forwards ? rows[0] : rows[rows.length - 1]
    const note = forwards ? row?.[0] : row?.[row.length - 1]
    return note?.id ?? null
  }
  const row = rows[rowIndex]!
  const place = row.findIndex((note) => note.id === fromId)
  const from = row[place]!
  switch (step) {
    case 'left':
      return (row[place - 1] ?? from).id
    case 'right':
      return (row[place + 1] ?? from).id
    case 'up':
      return nearestInRow(rows[rowIndex - 1], from)?.id ?? from.id
    case 'down':
      return nearestInRow(rows[rowIndex + 1], from)?.id ?? from.id
    default: {
      const unknown: never = step
      throw new Error(`Unknown step ${String(unknown)}`)
    }
  }
}

/** The note of `row` whose centre is horizontally nearest to `from`'s; of equals the leftmost. */
function nearestInRow<N extends PlacedNote>(row: readonly N[] | undefined, from: N): N | undefined {
  const x = rectCentre(from.bounds).x
  let best: N | undefined
  let bestDistance = Infinity
  for (const note of row ?? []) {
    const distance = Math.abs(rectCentre(note.bounds).x - x)
    if (distance < bestDistance) {
      best = note
      bestDistance = distance
    }
  }
  return best
}

/** Code-unit order, as the classification uses: the same on every machine. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
