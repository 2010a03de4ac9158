import { useCallback } from 'react'
import { Tldraw, type Editor, type TLComponents, type TldrawOptions } from 'tldraw'
import 'tldraw/tldraw.css'
import type { BoardSession } from './BoardSession'
import { WrappingNoteShapeUtil } from '../canvas/notes/WrappingNoteShapeUtil'
import { TLDRAW_ASSET_URLS } from '../canvas/tldrawAssetUrls'
import { useTldrawUser } from './userPreferences'

/** A table's board is one page; the station layout the server writes lives on it. */
const OPTIONS: Partial<TldrawOptions> = { maxPages: 1 }

/** tldraw's shapes, with notes that wrap long words instead of shrinking their text. */
const SHAPE_UTILS = [WrappingNoteShapeUtil]

/**
 * The tldraw editor on an open board session. Everything tldraw rebuilds its
 * editor for (store, user, licence key, asset URLs, options) is stable for
 * the session's life.
 */
export function BoardCanvas({
  session,
  licenseKey,
  components,
  onEditor,
}: {
  session: BoardSession
  licenseKey: string | null
  /** Drawn inside tldraw; must keep its identity, or tldraw rebuilds its UI. */
  components?: TLComponents
  /** Told about the editor once it is mounted, and about null when it goes. */
  onEditor?: (editor: Editor | null) => void
}) {
  const user = useTldrawUser()
  const onMount = useCallback(
    (editor: Editor) => {
      const detach = session.attachEditor(editor)
      onEditor?.(editor)
      return () => {
        onEditor?.(null)
        detach()
      }
    },
    [session, onEditor],
  )
  return (
    <div className="board-canvas">
      <Tldraw
        store={session.store}
        user={user}
        licenseKey={licenseKey ?? undefined}
        assetUrls={TLDRAW_ASSET_URLS}
        options={OPTIONS}
        shapeUtils={SHAPE_UTILS}
        components={components}
        onMount={onMount}
      />
    </div>
  )
}
