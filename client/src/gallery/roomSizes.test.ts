import { describe, expect, it } from 'vitest'
import { gridColumns } from './gridColumns'
import { TILE_MIN_FONT_PX, tileSizes } from './roomSizes'

describe('tile sizes', () => {
  it('keep 12 tables (4 × 3 on 1080p) at the tile floor of 14 px or more', () => {
    const sizes = tileSizes(gridColumns(12))
    expect(TILE_MIN_FONT_PX).toBeGreaterThanOrEqual(14)
    expect(sizes.minFontPx).toBe(TILE_MIN_FONT_PX)
    expect(sizes.pagingFontPx).toBeGreaterThanOrEqual(sizes.minFontPx)
  })

  it('grow with the tiles: fewer tables read larger, never smaller', () => {
    const across = [1, 2, 3, 4, 5].map((count) => tileSizes(count))
    for (let index = 1; index < across.length; index++) {
      expect(across[index]!.minFontPx).toBeLessThanOrEqual(across[index - 1]!.minFontPx)
      expect(across[index]!.headingFontPx).toBeLessThanOrEqual(across[index - 1]!.headingFontPx)
    }
    for (const sizes of across) {
      expect(sizes.minFontPx).toBeGreaterThanOrEqual(TILE_MIN_FONT_PX)
      expect(sizes.maxFontPx).toBeGreaterThan(sizes.minFontPx)
    }
  })
})
