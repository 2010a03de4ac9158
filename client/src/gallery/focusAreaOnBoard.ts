import type { Editor } from 'tldraw'
import type { EventConfig, Rect } from '@tablecloth/shared'
import { fitAreaOnBoard } from '../board/projector/fitAreaOnBoard'
import { wholeBoardArea, type BoardFocus } from './galleryFocus'

/**
 * The area of a board the gallery shows for a focus, read from the shapes
 * as they are (grown column frames included). Reads the editor's reactive
 * state, so it can drive a `react()` that refits whenever a note comes,
 * goes or grows. Used for the tiles and for the board in sequence mode, so
 * both show the same part.
 */
export function focusAreaOnBoard(
  editor: Editor,
  focus: BoardFocus,
  config: EventConfig,
): Rect & { spare?: number } {
  if (focus.kind === 'all') {
    const shapes = editor.getCurrentPageShapes()
    const rects: Rect[] = []
    for (const shape of shapes) {
      const bounds = editor.getShapePageBounds(shape)
      if (bounds) rects.push({ x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h })
    }
    return wholeBoardArea(rects, config.stations[0]?.columns.length ?? 1)
  }

  const { stationIndex } = focus
  const columnCount = config.stations[stationIndex]?.columns.length ?? 1
  return fitAreaOnBoard(editor, stationIndex, columnCount, config.stations.length)
}
