import { expandRect, rectsOverlap, type Point, type Rect } from './rect'

/**
 * Where things go on a table board, in tldraw page coordinates. Each station
 * gets a band: a heading, then one labelled area (column) per guiding
 * question, side by side. Later stations go below earlier ones, so the whole
 * day stays on the board and scrolling up shows what came before.
 *
 * The server writes the frames from this layout and the client places new
 * notes with it, so both must use these functions and nothing else.
 */

/**
 * tldraw's text size for every note, whoever writes it. The projector fits a
 * whole station onto the screen, about 0.9 × on a 1080p projector; tldraw's
 * largest size keeps what the group said readable across the room.
 */
export const NOTE_TEXT_SIZE = 'xl'
/**
 * tldraw's font for every note: its plain sans-serif is narrower and reads
 * better from the back of a room than the handwriting style, so more words
 * fit a note's line at full size.
 */
export const NOTE_FONT = 'sans'

/** Side of a tldraw note at scale 1. */
export const NOTE_SIZE = 200
/** Space between neighbouring notes in a column's grid. */
export const NOTE_GAP = 24
/** Space between a column's edge and its notes. */
export const COLUMN_PADDING = 40
/** Notes per row in a column. Three 200px notes stay readable on a projector. */
export const NOTES_PER_ROW = 3
/** Rows a column has room for before it overflows: 18 notes per question. */
export const NOTE_ROWS = 6
/** Horizontal space between columns; frame labels sit above, not beside, so this can be modest. */
export const COLUMN_GAP = 80
/** Height of a station's heading. */
export const HEADER_HEIGHT = 120
/** Space between the heading and the columns; tldraw draws each frame's name in it. */
export const HEADER_GAP = 72
/** Vertical space between one station's columns and the next station's heading. */
export const STATION_GAP = 240

/** Width of one column: padding, notes and the gaps between them. */
export const COLUMN_WIDTH =
  2 * COLUMN_PADDING + NOTES_PER_ROW * NOTE_SIZE + (NOTES_PER_ROW - 1) * NOTE_GAP
/** Height of one column. */
export const COLUMN_HEIGHT = 2 * COLUMN_PADDING + NOTE_ROWS * NOTE_SIZE + (NOTE_ROWS - 1) * NOTE_GAP
/** Height of a station's band: heading, label space and columns. */
export const STATION_HEIGHT = HEADER_HEIGHT + HEADER_GAP + COLUMN_HEIGHT

/** The rectangles of one station on the board. */
export interface StationLayout {
  /** Encloses the heading and all columns. */
  frame: Rect
  /** One per guiding question, left to right. */
  columns: Rect[]
  /** The station's heading, above the columns. */
  header: Rect
}

/**
 * The layout of station `stationIndex` (0-based) with `columnCount` columns.
 * Every station starts at the same left edge, so a station's position does not
 * depend on how many columns earlier stations had.
 */
export function stationLayout(stationIndex: number, columnCount: number): StationLayout {
  const top = stationIndex * (STATION_HEIGHT + STATION_GAP)
  const count = Math.max(0, columnCount)
  const width = count * COLUMN_WIDTH + Math.max(0, count - 1) * COLUMN_GAP
  const columnTop = top + HEADER_HEIGHT + HEADER_GAP
  const columns = Array.from({ length: count }, (_, index) => ({
    x: index * (COLUMN_WIDTH + COLUMN_GAP),
    y: columnTop,
    w: COLUMN_WIDTH,
    h: COLUMN_HEIGHT,
  }))
  return {
    frame: { x: 0, y: top, w: width, h: STATION_HEIGHT },
    columns,
    header: { x: 0, y: top, w: width, h: HEADER_HEIGHT },
  }
}

/**
 * How far station `stationIndex` (and every later one) moves down, so that
 * it starts a full `STATION_GAP` below `aboveBottom`, the lowest edge of the
 * station above it as it is on the board: a column that filled up grows
 * downwards past its band, and the next station must not sit on its notes.
 * `shiftSoFar` is the move the stations above already got; a station never
 * moves up.
 */
export function stationShift(
  stationIndex: number,
  aboveBottom: number,
  shiftSoFar: number,
): number {
  const top = stationLayout(stationIndex, 0).frame.y + shiftSoFar
  return shiftSoFar + Math.max(0, aboveBottom + STATION_GAP - top)
}

/**
 * The station whose band contains `point`, or null above the first station,
 * below the last or left of the board. Each band is a station's frame from
 * {@link stationLayout} widened by half the gap to its neighbours, so a note
 * nudged just past its station still counts as part of it.
 */
export function stationOfPoint(point: Point, stationCount: number): number | null {
  if (point.x < 0) return null
  const pitch = STATION_HEIGHT + STATION_GAP
  const index = Math.floor((point.y + STATION_GAP / 2) / pitch)
  return index >= 0 && index < stationCount ? index : null
}

/**
 * Where the camera should look to show a whole station: its band with a
 * margin, for `editor.zoomToBounds` on the board and the projector.
 */
export function cameraTarget(stationIndex: number, columnCount: number): Rect {
  return expandRect(stationLayout(stationIndex, columnCount).frame, COLUMN_GAP)
}

/** How many notes fit per row of a column of this width (at least one). */
export function notesPerRow(column: Rect): number {
  const room = column.w - 2 * COLUMN_PADDING + NOTE_GAP
  return Math.max(1, Math.floor(room / (NOTE_SIZE + NOTE_GAP)))
}

/** How many notes a column holds before {@link noteSlot} runs past its bottom edge. */
export function slotCapacity(column: Rect): number {
  const room = column.h - 2 * COLUMN_PADDING + NOTE_GAP
  const rows = Math.max(0, Math.floor(room / (NOTE_SIZE + NOTE_GAP)))
  return rows * notesPerRow(column)
}

/**
 * Top-left corner of the `index`-th (0-based) grid position in a column,
 * filling rows left to right, top to bottom. The grid continues below the
 * column once it is full (see {@link slotCapacity}); callers grow the column
 * then rather than pile notes on top of each other.
 */
export function noteSlot(column: Rect, index: number): Point {
  const perRow = notesPerRow(column)
  const row = Math.floor(index / perRow)
  const place = index % perRow
  return {
    x: column.x + COLUMN_PADDING + place * (NOTE_SIZE + NOTE_GAP),
    y: column.y + COLUMN_PADDING + row * (NOTE_SIZE + NOTE_GAP),
  }
}

/**
 * The first grid position in a column where a new note overlaps none of the
 * `occupied` rectangles (the notes already on the board, wherever they are).
 * Positions freed by moved or deleted notes are reused first.
 */
export function nextFreeSlot(column: Rect, occupied: readonly Rect[]): Point {
  // Only notes that reach into the column or below it can block a slot. The
  // blockers end somewhere, so the grid running downwards has a free slot.
  const blockers = occupied.filter(
    (rect) =>
      [rect.x, rect.y, rect.w, rect.h].every(Number.isFinite) &&
      rect.x < column.x + column.w &&
      rect.x + rect.w > column.x &&
      rect.y + rect.h > column.y,
  )
  for (let index = 0; ; index++) {
    const slot = noteSlot(column, index)
    const note = { x: slot.x, y: slot.y, w: NOTE_SIZE, h: NOTE_SIZE }
    if (!blockers.some((rect) => rectsOverlap(rect, note))) return slot
  }
}

/**
 * The tldraw shape id of a station's column frame. Derived from the station
 * id, so every writer of the board names the frame the same and writes to it
 * are idempotent.
 */
export function stationFrameId(stationId: string, columnIndex: number): string {
  return `shape:station-${stationId}-col-${columnIndex}`
}

/** The tldraw shape id of a station's heading. */
export function stationHeaderId(stationId: string): string {
  return `shape:station-${stationId}-title`
}
