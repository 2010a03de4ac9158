import { useEffect } from 'react'
import { react, type Editor } from 'tldraw'
import { stationLayout, type BoardDayState, type EventConfig, type Rect } from '@tablecloth/shared'
import { notesOfStation, projectorFitArea, projectorView } from './projectorFit'

/**
 * Keeps the current station's notes filling the projector: fits the used part
 * of its columns to the screen (at least at zoom 1 for legible text, see
 * `projectorView`) on opening, and again whenever a note comes,
 * goes or grows, the station changes or the screen is resized. Nobody steers
 * the projector's camera by hand, so every change may move it.
 */
export function useProjectorFit(
  editor: Editor | null,
  config: EventConfig | null,
  day: BoardDayState | null,
): void {
  const stationIndex = day?.stationIndex ?? null
  const stationCount = config?.stations.length ?? 0
  const station = stationIndex === null ? undefined : config?.stations[stationIndex]
  const columnCount = station?.columns.length ?? 0

  useEffect(() => {
    if (!editor || stationIndex === null || columnCount === 0) return
    let shown: string | null = null
    return react('projector fit', () => {
      const area = fitAreaOnBoard(editor, stationIndex, columnCount, stationCount)
      // Read here so that a resized window (or a station bar that grows) re-fits.
      const screen = editor.getViewportScreenBounds()
      const key = JSON.stringify([area, screen.w, screen.h])
      if (key === shown) return
      const first = shown === null
      shown = key
      // The area carries its own margin, so no inset; force, as the camera may be locked.
      editor.zoomToBounds(projectorView(area, screen), {
        inset: 0,
        force: true,
        animation: first ? undefined : { duration: 400 },
      })
    })
  }, [editor, stationIndex, columnCount, stationCount])
}

/** The area to fit, from the column frames as they are on the board (grown ones included). */
function fitAreaOnBoard(
  editor: Editor,
  stationIndex: number,
  columnCount: number,
  stationCount: number,
): Rect {
  const layout = stationLayout(stationIndex, columnCount)
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
  // Before the server's frames reach this board, the layout says where they will be.
  const columns = frames.length > 0 ? frames : layout.columns
  return projectorFitArea(columns, notesOfStation(notes, stationIndex, stationCount))
}
