import { COLUMN_PADDING, NOTE_GAP, NOTE_SIZE, notesPerRow } from './boardLayout'
import { ROW_TOLERANCE } from './noteClassification'
import { rectCentre, rectsOverlap, type Point, type Rect } from './rect'

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

/** Something that takes room on the board: a note, or the heading of a cluster. */
export interface BoardOccupant {
  /** In page coordinates, with the height a note grew to for its text. */
  bounds: Rect
  /** The cluster a note belongs to, or the one a heading names. */
  clusterId?: string
}

/**
 * Places a new note in a column, in the column's grid as the moderator's
 * board tidies it (see `layoutColumn`): rows of notes side by side, each row
 * as tall as its tallest note, a cluster on rows of its own under its
 * heading. The note takes the first place, row by row from the top and each
 * row from the left, that covers nothing (`occupied`: the notes and headings
 * on the board, wherever they are) with its whole height (`noteHeight`, its
 * square and the room its text grew); places freed by moved or deleted notes
 * are reused. It never joins a cluster's rows and never lands between two
 * rows: with no room in a row it starts a new one below everything in the
 * column. When that lies below the column, `columnHeight` says how far the
 * column must grow downwards to hold it, with the same padding as at the top.
 */
export function placeNoteInColumn(
  column: Rect,
  occupied: readonly (Rect | BoardOccupant)[],
  noteHeight: number = NOTE_SIZE,
): NotePlacement {
  const blockers = occupied
    .map((item): BoardOccupant => ('bounds' in item ? item : { bounds: item }))
    .filter(({ bounds }) => [bounds.x, bounds.y, bounds.w, bounds.h].every(Number.isFinite))
  const left = column.x + COLUMN_PADDING
  const perRow = notesPerRow(column)
  const near = nearBand(blockers.map(({ bounds }) => bounds))
  const free = (y: number, place: number): Point | null => {
    const note = { x: left + place * (NOTE_SIZE + NOTE_GAP), y, w: NOTE_SIZE, h: noteHeight }
    return near(y, y + noteHeight).some((bounds) => rectsOverlap(bounds, note))
      ? null
      : { x: note.x, y }
  }
  const inColumn = blockers.filter(({ bounds }) => rectsOverlap(bounds, column))
  let position: Point | null = null
  for (const row of rowsOf(inColumn)) {
    if (row.clustered) continue
    for (let place = 0; place < perRow && !position; place++) position = free(row.top, place)
    if (position) break
  }
  if (!position) {
    // A new row below everything in the column; further down should something lie there.
    let y = Math.max(
      column.y + COLUMN_PADDING,
      ...inColumn.map(({ bounds }) => bounds.y + bounds.h + NOTE_GAP),
    )
    position = free(y, 0)
    while (!position) {
      y += NOTE_SIZE + NOTE_GAP
      position = free(y, 0)
    }
  }
  const bottom = position.y + noteHeight + COLUMN_PADDING
  return { position, columnHeight: Math.max(column.h, bottom - column.y) }
}

/**
 * The rectangles that may reach into a horizontal band, found without
 * looking at every one: a board holds a thousand notes, and a note is
 * placed while the moderator waits for it (sorted by top edge; only those
 * starting above the band's bottom and at most the tallest one's height
 * above its top can reach in).
 */
function nearBand(rects: readonly Rect[]): (top: number, bottom: number) => Rect[] {
  const sorted = [...rects].sort((a, b) => a.y - b.y)
  const tallest = sorted.reduce((most, rect) => Math.max(most, rect.h), 0)
  return (top, bottom) => {
    let end = 0
    let high = sorted.length
    while (end < high) {
      const middle = (end + high) >> 1
      if (sorted[middle]!.y < bottom) end = middle + 1
      else high = middle
    }
    const near: Rect[] = []
    for (let i = end - 1; i >= 0 && sorted[i]!.y >= top - tallest; i--) near.push(sorted[i]!)
    return near
  }
}

/** The rows things stand in: runs of them whose heights overlap, top to bottom. */
function rowsOf(items: readonly BoardOccupant[]): Array<{ top: number; clustered: boolean }> {
  const rows: Array<{ top: number; bottom: number; clustered: boolean }> = []
  for (const { bounds, clusterId } of [...items].sort((a, b) => a.bounds.y - b.bounds.y)) {
    const row = rows[rows.length - 1]
    if (row && bounds.y < row.bottom) {
      row.bottom = Math.max(row.bottom, bounds.y + bounds.h)
      row.clustered ||= clusterId !== undefined
    } else {
      rows.push({ top: bounds.y, bottom: bounds.y + bounds.h, clustered: clusterId !== undefined })
    }
  }
  return rows
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
