import type { Editor } from 'tldraw'
import type { Rect } from '@tablecloth/shared'
import { stationFitArea, type FitArea } from './projectorFit'

/**
 * The area the projector fits for a station, read from the board's column
 * frames and notes as they are. Reads the editor's reactive state, so a
 * `react()` around it refits whenever a note comes, goes or grows. The
 * plenary gallery shows boards through it too, so both show the same part.
 */
export function fitAreaOnBoard(
  editor: Editor,
  stationIndex: number,
  columnCount: number,
  stationCount: number,
): FitArea {
  const frames: Rect[] = []
  const notes: Rect[] = []
  for (const shape of editor.getCurrentPageShapes()) {
    const isColumn =
      shape.type === 'frame' &&
      shape.meta.tablecloth === 'column' &&
      shape.meta.stationIndex === stationIndex
    if (!isColumn && shape.type !== 'note') continue
    const bounds = editor.getShapePageBounds(shape)
    if (!bounds) continue
    const rect = { x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h }
    if (isColumn) frames.push(rect)
    else notes.push(rect)
  }
  return stationFitArea(stationIndex, columnCount, stationCount, frames, notes)
}
