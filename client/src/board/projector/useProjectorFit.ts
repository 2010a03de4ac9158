import { useEffect } from 'react'
import { react, type Editor } from 'tldraw'
import { fitAreaOnBoard } from './fitAreaOnBoard'
import type { BoardDayState, EventConfig } from '@tablecloth/shared'
import { projectorView } from './projectorFit'

/**
 * Keeps the current station's notes filling the projector: fits the used part
 * of its columns to the screen (never below the zoom that keeps text legible, see
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
