import {
  COLUMN_PADDING,
  HEADER_GAP,
  NOTE_GAP,
  NOTE_SIZE,
  NOTE_TEXT_FLOOR,
  rectCentre,
  rectContainsPoint,
  unionRects,
  type Rect,
} from '@tablecloth/shared'

/**
 * What the moderator's board shows of a station: its columns across and,
 * downwards, the rows in use and the empty row where the next note goes,
 * as large as fits, but never so small that note text drops below
 * {@link MODERATOR_MIN_TEXT} pixels on screen. Pure, on page rectangles.
 */

/** The smallest note text on the moderator's screen, in CSS pixels: readable on a laptop. */
export const MODERATOR_MIN_TEXT = 14
/** The zoom at which the smallest note text (the floor, 25 px) is drawn at that size. */
export const MODERATOR_MIN_ZOOM = MODERATOR_MIN_TEXT / NOTE_TEXT_FLOOR
/** No closer than the board's own size: a new station with one column is not blown up. */
export const MODERATOR_MAX_ZOOM = 1
/** Room around the columns, in page units; above them for the questions tldraw writes over frames. */
const SIDE_MARGIN = NOTE_GAP
const TOP_MARGIN = HEADER_GAP

/** The camera: the page point at the viewport's top-left corner, and the zoom. */
export interface ModeratorView {
  x: number
  y: number
  zoom: number
}

/**
 * The view of a station with these `columns` (page rectangles, as they are on
 * the board, grown ones included) and the notes on the board, in a viewport
 * of `screen` pixels. The columns are centred across while they fit and
 * start at the left otherwise. Downwards the view starts at the questions
 * while the rows in use fit below them; otherwise it shows the lowest rows,
 * where the next notes go.
 */
export function moderatorView(
  columns: readonly Rect[],
  notes: readonly Rect[],
  screen: { w: number; h: number },
): ModeratorView | null {
  const across = unionRects(columns)
  if (!across || screen.w <= 0 || screen.h <= 0) return null
  const inColumns = notes.filter((note) =>
    columns.some((column) => rectContainsPoint(column, rectCentre(note))),
  )
  const top = across.y - TOP_MARGIN
  const firstRow = across.y + COLUMN_PADDING
  const lowest = Math.max(firstRow - NOTE_GAP, ...inColumns.map((note) => note.y + note.h))
  // The empty row for the next note, with the column's padding under it.
  const bottom = lowest + NOTE_GAP + NOTE_SIZE + COLUMN_PADDING
  const width = across.w + 2 * SIDE_MARGIN
  const fit = Math.min(screen.w / width, screen.h / (bottom - top))
  const zoom = Math.min(MODERATOR_MAX_ZOOM, Math.max(MODERATOR_MIN_ZOOM, fit))
  const shownWidth = screen.w / zoom
  const shownHeight = screen.h / zoom
  const x =
    shownWidth >= across.w ? across.x + across.w / 2 - shownWidth / 2 : across.x - SIDE_MARGIN
  // Too many rows: the lowest ones, down to the columns' padding below them; the next note shows
  // when it is pinned (see `revealShape`).
  const usedBottom = lowest + COLUMN_PADDING
  const y = usedBottom - top <= shownHeight ? top : usedBottom - shownHeight
  return { x, y, zoom }
}
