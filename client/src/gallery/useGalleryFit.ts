import { useEffect } from 'react'
import { react, type Editor } from 'tldraw'
import type { EventConfig } from '@tablecloth/shared'
import { projectorView } from '../board/projector/projectorFit'
import { focusAreaOnBoard } from './focusAreaOnBoard'
import type { BoardFocus } from './galleryFocus'

/**
 * Keeps the focused part of the board filling the screen, as the projector
 * does: a station at zoom 1 or larger while its columns fit across (from its
 * bottom when it has more rows than fit), whole boards as large as they fit.
 * Refits when a note comes, goes or grows and when the screen changes.
 */
export function useGalleryFit(
  editor: Editor | null,
  focus: BoardFocus,
  config: EventConfig | null,
): void {
  const stationIndex = focus.kind === 'station' ? focus.stationIndex : null
  useEffect(() => {
    if (!editor || !config) return
    const shown: BoardFocus =
      stationIndex === null ? { kind: 'all' } : { kind: 'station', stationIndex }
    let fitted: string | null = null
    return react('gallery fit', () => {
      const area = focusAreaOnBoard(editor, shown, config)
      const screen = editor.getViewportScreenBounds()
      if (screen.w <= 0 || screen.h <= 0) return
      const target = shown.kind === 'station' ? projectorView(area, screen) : area
      const key = JSON.stringify([target, screen.w, screen.h])
      if (key === fitted) return
      const first = fitted === null
      fitted = key
      // The camera is locked against hands; the gallery moves it itself.
      editor.zoomToBounds(target, {
        inset: 0,
        force: true,
        animation: first ? undefined : { duration: 400 },
      })
    })
  }, [editor, stationIndex, config])
}
