import {
  COLUMN_PADDING,
  NOTE_GAP,
  NOTE_SIZE,
  stationOfPoint,
  type Rect,
} from '@tablecloth/shared'

/** Space around the fitted area, in page units: small, so the notes get the screen. */
export const PROJECTOR_MARGIN = 32

/**
 * What the projector fits to the screen for one station: its heading and
 * columns across, but downwards only the rows in use plus one empty row, so
 * a half-empty station is shown larger than a full one would be. Never below
 * the columns' bottom edge (frames grow when a column fills up).
 */
export function projectorFitArea(
  header: Rect,
  columns: readonly Rect[],
  notes: readonly Rect[],
): Rect {
  const areas = [header, ...columns]
  const left = Math.min(...areas.map((area) => area.x))
  const right = Math.max(...areas.map((area) => area.x + area.w))
  const columnTop = Math.min(...columns.map((column) => column.y))
  const columnBottom = Math.max(...areas.map((area) => area.y + area.h))
  // With no notes, the "lowest note" ends a gap above the first row: one empty row shows.
  const lowest = notes.reduce(
    (bottom, note) => Math.max(bottom, note.y + note.h),
    columnTop + COLUMN_PADDING - NOTE_GAP,
  )
  const bottom = Math.min(columnBottom, lowest + NOTE_GAP + NOTE_SIZE + COLUMN_PADDING)
  return {
    x: left - PROJECTOR_MARGIN,
    y: header.y - PROJECTOR_MARGIN,
    w: right - left + 2 * PROJECTOR_MARGIN,
    h: bottom - header.y + 2 * PROJECTOR_MARGIN,
  }
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
