import {
  COLUMN_PADDING,
  NOTE_GAP,
  NOTE_SIZE,
  rectCentre,
  rectContainsPoint,
  stationLayout,
  stationOfPoint,
  type Rect,
} from '@tablecloth/shared'

/** Space around the fitted area, in page units: small, so the notes get the screen. */
export const PROJECTOR_MARGIN = 32

/**
 * The least zoom the projector shows notes at while their columns fit
 * across the screen: notes never draw text below 25 page units (see
 * `WrappingNoteShapeUtil`), so at this zoom the room never reads less than
 * 28 px.
 */
export const PROJECTOR_MIN_ZOOM = 28 / 25

/**
 * What the projector fits to the screen for one station: its columns
 * across, and downwards only the rows in use plus one empty row, so a
 * half-empty station is shown larger than a full one would be. Never below
 * the columns' bottom edge (frames grow when a column fills up). The
 * station's heading and questions are in the projector's station bar, so
 * the board's own heading above the columns is left out.
 */
/** The area the projector fits, and how much of its bottom is the empty row left for new notes. */
export interface FitArea extends Rect {
  spare: number
}

export function projectorFitArea(columns: readonly Rect[], notes: readonly Rect[]): FitArea {
  const left = Math.min(...columns.map((area) => area.x))
  const right = Math.max(...columns.map((area) => area.x + area.w))
  const columnTop = Math.min(...columns.map((column) => column.y))
  const columnBottom = Math.max(...columns.map((area) => area.y + area.h))
  // With no notes, the "lowest note" ends a gap above the first row: one empty row shows.
  const lowest = notes.reduce(
    (bottom, note) => Math.max(bottom, note.y + note.h),
    columnTop + COLUMN_PADDING - NOTE_GAP,
  )
  const bottom = Math.min(columnBottom, lowest + NOTE_GAP + NOTE_SIZE + COLUMN_PADDING)
  return {
    x: left - PROJECTOR_MARGIN,
    y: columnTop - PROJECTOR_MARGIN,
    w: right - left + 2 * PROJECTOR_MARGIN,
    h: bottom - columnTop + 2 * PROJECTOR_MARGIN,
    spare: Math.max(0, bottom - (lowest + COLUMN_PADDING)),
  }
}

/**
 * The part of the board the projector shows, for a screen of `screen`
 * pixels: the whole fit area when it fits at {@link PROJECTOR_MIN_ZOOM} or
 * larger. A station with more rows than that is shown at the least zoom
 * instead (or smaller, only so the columns still fit across): from the top
 * while the notes fit, the empty row for the next notes left out first, and
 * otherwise with the lowest notes at the bottom: the grid fills downwards,
 * so that is where the group's newest notes are.
 */
export function projectorView(
  area: Rect & { spare?: number },
  screen: { w: number; h: number },
  minZoom = PROJECTOR_MIN_ZOOM,
): Rect {
  const acrossZoom = screen.w / area.w
  if (Math.min(acrossZoom, screen.h / area.h) >= minZoom) return area
  const zoom = Math.min(minZoom, acrossZoom)
  const w = screen.w / zoom
  const h = screen.h / zoom
  const notesBottom = area.y + area.h - (area.spare ?? 0)
  return { x: area.x + (area.w - w) / 2, y: Math.max(area.y, notesBottom - h), w, h }
}

/** The notes (page bounds) whose centre lies in the band of `stationIndex`. */
export function notesOfStation(
  notes: readonly Rect[],
  stationIndex: number,
  stationCount: number,
): Rect[] {
  return notes.filter(
    (note) =>
      stationOfPoint({ x: note.x + note.w / 2, y: note.y + note.h / 2 }, stationCount) ===
      stationIndex,
  )
}

/**
 * What the projector fits for station `stationIndex`, from the column frames
 * and notes on the board (page bounds): the frames as they are (grown ones
 * included) with the notes inside them or, before the server's frames reach
 * the board, where the layout will put them with the notes of that band.
 */
export function stationFitArea(
  stationIndex: number,
  columnCount: number,
  stationCount: number,
  frames: readonly Rect[],
  notes: readonly Rect[],
): FitArea {
  if (frames.length === 0) {
    const columns = stationLayout(stationIndex, columnCount).columns
    return projectorFitArea(columns, notesOfStation(notes, stationIndex, stationCount))
  }
  // A column that filled up has grown past its band; its notes are the
  // station's as long as they lie in one of its frames.
  const inFrames = notes.filter((note) => frames.some((frame) => rectContainsPoint(frame, rectCentre(note))))
  return projectorFitArea(frames, inFrames)
}
