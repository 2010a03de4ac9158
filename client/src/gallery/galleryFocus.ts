import { cameraTarget, expandRect, unionRects, type Rect } from '@tablecloth/shared'
import { PROJECTOR_MARGIN } from '../board/projector/projectorFit'

/**
 * Which part of every board the gallery shows: each board's current station
 * (the default), one station of the day for all boards, or whole boards.
 */
export type StationFilter = 'current' | 'all' | number

/** The part of one board to show, once the filter meets that board's day. */
export type BoardFocus = { kind: 'station'; stationIndex: number } | { kind: 'all' }

/**
 * The focus for one board. "Current" follows the board's own day as the
 * server wrote it into the doc (falling back to the event's station until
 * the board has synced), so a station change reaches the gallery live.
 */
export function resolveFocus(
  filter: StationFilter,
  boardStation: number | null,
  eventStation: number,
  stationCount: number,
): BoardFocus {
  if (filter === 'all') return { kind: 'all' }
  const wanted = filter === 'current' ? (boardStation ?? eventStation) : filter
  const stationIndex = Math.min(Math.max(0, wanted), Math.max(0, stationCount - 1))
  return { kind: 'station', stationIndex }
}

/** A stable name for a focus, for React keys and effect dependencies. */
export function focusKey(focus: BoardFocus): string {
  return focus.kind === 'all' ? 'all' : `station:${focus.stationIndex}`
}

/** The filter as a `<select>` value. */
export function filterValue(filter: StationFilter): string {
  return typeof filter === 'number' ? String(filter) : filter
}

/** A `<select>` value back as a filter; anything unknown is the default. */
export function filterFromValue(value: string, stationCount: number): StationFilter {
  if (value === 'all') return 'all'
  if (/^\d+$/.test(value)) {
    const index = Number(value)
    if (index < stationCount) return index
  }
  return 'current'
}

/**
 * A whole board: everything on it, with the projector's margin. An empty
 * board shows where the first station will be.
 */
export function wholeBoardArea(shapes: readonly Rect[], firstStationColumns: number): Rect {
  const finite = shapes.filter((rect) => [rect.x, rect.y, rect.w, rect.h].every(Number.isFinite))
  const all = unionRects(finite)
  return all ? expandRect(all, PROJECTOR_MARGIN) : cameraTarget(0, Math.max(1, firstStationColumns))
}
