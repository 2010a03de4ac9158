import {
  Box,
  createTLStore,
  defaultBindingUtils,
  Editor,
  type TLRecord,
  type TLShapeId,
  type TLStore,
} from 'tldraw'
import type { EventConfig } from '@tablecloth/shared'
import { BOARD_SHAPE_UTILS, headlessEditor } from '../board/headlessEditor'
import { focusAreaOnBoard } from './focusAreaOnBoard'
import type { BoardFocus } from './galleryFocus'

export interface BoardImage {
  /** An SVG image of the focused area, self-contained (fonts embedded). */
  blob: Blob
  width: number
  height: number
}

/**
 * Draws the focused part of a board as an SVG image, the way tldraw's
 * `TldrawImage` does: a headless editor on a copy of the board's records,
 * `editor.toImage`, and the editor gone again. The copy keeps the live
 * store untouched (no second editor on it), and shows earlier stations at
 * full strength, as the plenary looks at them for their own sake.
 *
 * `host` must be in the document with tldraw's CSS applied
 * (`tl-container`): the export lays out its text there, invisibly.
 * Resolves to null for a board with nothing in the area.
 */
export async function renderBoardImage(
  store: TLStore,
  focus: BoardFocus,
  config: EventConfig,
  host: HTMLElement,
  licenseKey?: string,
): Promise<BoardImage | null> {
  const snapshot = store.getStoreSnapshot('document')
  const records = Object.values(snapshot.store).map((record: TLRecord) =>
    record.typeName === 'shape' && record.opacity < 1 ? { ...record, opacity: 1 } : record,
  )
  const copy = createTLStore({
    shapeUtils: BOARD_SHAPE_UTILS,
    bindingUtils: defaultBindingUtils,
    snapshot: { schema: snapshot.schema, store: Object.fromEntries(records.map((r) => [r.id, r])) },
  })
  const container = host.ownerDocument.createElement('div')
  host.appendChild(container)
  // tldraw's export focuses the document body; the gallery's focus stays where it was.
  const focused = host.ownerDocument.activeElement
  let editor: Editor | null = null
  try {
    editor = headlessEditor(copy, container, licenseKey)
    const area = focusAreaOnBoard(editor, focus, config)
    const bounds = new Box(area.x, area.y, area.w, area.h)
    const ids: TLShapeId[] = []
    for (const id of editor.getCurrentPageShapeIds()) {
      const shapeBounds = editor.getShapePageBounds(id)
      if (shapeBounds && bounds.collides(shapeBounds)) ids.push(id)
    }
    if (ids.length === 0) return null
    const image = await editor.toImage(ids, {
      format: 'svg',
      bounds,
      padding: 0,
      background: true,
      darkMode: false,
    })
    return image
  } finally {
    if (focused instanceof HTMLElement && focused !== host.ownerDocument.activeElement) {
      focused.focus({ preventScroll: true })
    }
    // tldraw unmounts its export a tick after the export; let it, then let go.
    const done = editor
    setTimeout(() => {
      done?.dispose()
      container.remove()
      copy.dispose()
    }, 0)
  }
}
