/**
 * The room view's text sizes in the gallery. Sequence mode shows one table as
 * the projector does (the room view's own sizes). A tile's sizes follow how
 * many tiles stand side by side: with 12 tables at 1920×1080 the grid is
 * 4 × 3 and a tile about 465 × 300 px, two columns of about 215 px each. Its
 * note text never drops below {@link TILE_MIN_FONT_PX} there, readable from
 * the back of a room on a projected 1080p picture; what does not fit at the
 * floor pages, with „noch n Karten“. Fewer, larger tiles read larger.
 */

import type { TileSizes } from '../room/roomTextSizes'

/** The smallest note text on a tile, in CSS pixels, in a grid of four or more tiles across. */
export const TILE_MIN_FONT_PX = 14

export type { TileSizes } from '../room/roomTextSizes'

/** The text sizes of a tile when `across` tiles stand side by side. */
export function tileSizes(across: number): TileSizes {
  if (across <= 2) return { minFontPx: 18, pagingFontPx: 18, maxFontPx: 36, headingFontPx: 24 }
  if (across === 3) return { minFontPx: 16, pagingFontPx: 16, maxFontPx: 30, headingFontPx: 20 }
  return {
    minFontPx: TILE_MIN_FONT_PX,
    pagingFontPx: TILE_MIN_FONT_PX,
    maxFontPx: 26,
    headingFontPx: 16,
  }
}
