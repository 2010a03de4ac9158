import type { Editor } from 'tldraw'
import { cameraTarget, COLUMN_GAP, expandRect, unionRects, type EventConfig, type Rect } from '@tablecloth/shared'

/** Moves the view to show a whole station, as the projector and moderator expect after a change. */
export function showStation(
  editor: Editor,
  config: EventConfig,
  stationIndex: number,
  animate = true,
): void {
  const station = config.stations[stationIndex]
  if (!station) return
  const onBoard = stationOnBoard(editor, stationIndex)
  const bounds = onBoard ? expandRect(onBoard, COLUMN_GAP) : cameraTarget(stationIndex, station.columns.length)
  // tldraw re-measures its container on a 200 ms throttle. The station bar and
  // the capture bar appear as the day loads, so measure now, or the station is
  // fitted into the old, taller canvas and its lower part ends up off screen.
  editor.updateViewportScreenBounds(editor.getContainer())
  editor.zoomToBounds(
    { x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h },
    animate ? { animation: { duration: 400 } } : undefined,
  )
}

/**
 * A station's heading and columns as they are on the board: a station moves
 * down when a column above it grew (see `stationShift`), and a grown column
 * reaches further down than the layout says. Null before the server's
 * frames reach this board.
 */
function stationOnBoard(editor: Editor, stationIndex: number): Rect | null {
  const parts: Rect[] = []
  for (const shape of editor.getCurrentPageShapes()) {
    const meta = shape.meta as { tablecloth?: unknown; stationIndex?: unknown }
    if (meta.stationIndex !== stationIndex) continue
    if (meta.tablecloth !== 'column' && meta.tablecloth !== 'station-title') continue
    const box = editor.getShapePageBounds(shape)
    if (box) parts.push({ x: box.x, y: box.y, w: box.w, h: box.h })
  }
  return unionRects(parts)
}
