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
  editor.zoomToBounds(
    { x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h },
    animate ? { animation: { duration: 400 } } : undefined,
  )
}
