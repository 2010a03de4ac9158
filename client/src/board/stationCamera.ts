import type { Editor } from 'tldraw'
import { cameraTarget, type EventConfig } from '@tablecloth/shared'

/** Moves the view to show a whole station, as the projector and moderator expect after a change. */
export function showStation(
  editor: Editor,
  config: EventConfig,
  stationIndex: number,
  animate = true,
): void {
  const station = config.stations[stationIndex]
  if (!station) return
  const bounds = cameraTarget(stationIndex, station.columns.length)
  // tldraw re-measures its container on a 200 ms throttle. The station bar and
  // the capture bar appear as the day loads, so measure now, or the station is
  // fitted into the old, taller canvas and its lower part ends up off screen.
  editor.updateViewportScreenBounds(editor.getContainer())
  editor.zoomToBounds(
    { x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h },
    animate ? { animation: { duration: 400 } } : undefined,
  )
}
