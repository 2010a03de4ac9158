import { useCallback, useState } from 'react'
import { Tldraw, type Editor, type TldrawOptions } from 'tldraw'
import 'tldraw/tldraw.css'
import type { EventConfig } from '@tablecloth/shared'
import { PROJECTOR_COMPONENTS } from '../board/projector/projectorComponents'
import { publishTestHook } from '../board/testHook'
import { TLDRAW_ASSET_URLS } from '../board/tldrawAssetUrls'
import { useTldrawUser } from '../board/userPreferences'
import type { GalleryBoard } from './GalleryBoard'
import type { BoardFocus } from './galleryFocus'
import { BOARD_SHAPE_UTILS } from '../board/headlessEditor'
import { useGalleryFit } from './useGalleryFit'

/** A table's board is one page, as on the board itself. */
const OPTIONS: Partial<TldrawOptions> = { maxPages: 1 }

/**
 * The one live board of sequence mode: tldraw on the board's read-only store
 * with the projector's components (no editing chrome), the camera locked and
 * fitted by the gallery. Notes appear as they are written. The gallery mounts
 * it for the table in view only, keyed by table, so there is never more than
 * one editor on the page.
 */
export function GalleryCanvas({
  board,
  focus,
  config,
  licenseKey,
}: {
  board: GalleryBoard
  focus: BoardFocus
  config: EventConfig
  licenseKey: string | null
}) {
  const user = useTldrawUser()
  const [editor, setEditor] = useState<Editor | null>(null)
  const onMount = useCallback(
    (mounted: Editor) => {
      mounted.setCameraOptions({ isLocked: true })
      const withdraw = publishTestHook({
        editor: mounted,
        doc: board.doc,
        provider: board.provider,
      })
      setEditor(mounted)
      return () => {
        setEditor(null)
        withdraw()
      }
    },
    [board],
  )
  useGalleryFit(editor, focus, config)

  return (
    <div className="gallery-canvas" data-testid="gallery-canvas" data-table-id={board.tableId}>
      <Tldraw
        store={board.store}
        user={user}
        licenseKey={licenseKey ?? undefined}
        assetUrls={TLDRAW_ASSET_URLS}
        options={OPTIONS}
        shapeUtils={BOARD_SHAPE_UTILS}
        components={PROJECTOR_COMPONENTS}
        autoFocus={false}
        onMount={onMount}
      />
      {/* Pointers reach the gallery, never the board: no selecting, no panning. */}
      <div className="gallery-canvas__shield" aria-hidden="true" />
    </div>
  )
}
