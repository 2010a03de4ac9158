import {
  defaultAddFontsFromNode,
  defaultBindingUtils,
  defaultShapeUtils,
  Editor,
  tipTapDefaultExtensions,
  type TLAnyShapeUtilConstructor,
  type TLStore,
  type TldrawOptions,
} from 'tldraw'
import { WrappingNoteShapeUtil } from './notes/WrappingNoteShapeUtil'
import { TLDRAW_ASSET_URLS } from './tldrawAssetUrls'

/**
 * A tldraw editor without UI, for drawing boards as images (board images in
 * the control room, the gallery's tiles) the way tldraw's own `TldrawImage`
 * does: the board's shapes, rich text as `<Tldraw>` renders it, and fonts
 * from our own server.
 */

/** tldraw's shapes with the board's own note, as the live board draws them (see BoardCanvas). */
export const BOARD_SHAPE_UTILS: readonly TLAnyShapeUtilConstructor[] = [
  ...defaultShapeUtils.filter((util) => util.type !== WrappingNoteShapeUtil.type),
  WrappingNoteShapeUtil,
]

/** A bare Editor has no text extensions of its own; these are the ones `<Tldraw>` hands it. */
const OPTIONS: Partial<TldrawOptions> = {
  text: {
    tipTapConfig: { extensions: tipTapDefaultExtensions },
    addFontsFromNode: defaultAddFontsFromNode,
  },
}

/** An editor on `store`, laid out in `container` (which must carry tldraw's CSS). */
export function headlessEditor(
  store: TLStore,
  container: HTMLElement,
  licenseKey?: string,
): Editor {
  return new Editor({
    store,
    shapeUtils: BOARD_SHAPE_UTILS,
    bindingUtils: defaultBindingUtils,
    tools: [],
    getContainer: () => container,
    licenseKey,
    fontAssetUrls: TLDRAW_ASSET_URLS.fonts,
    options: OPTIONS,
  })
}
