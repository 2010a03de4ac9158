import { describe, expect, it } from 'vitest'
import { firstFreePlace } from './overlayPlacement'

describe('firstFreePlace', () => {
  const size = { w: 52, h: 44 }
  it('takes the first place that covers nothing', () => {
    const below = { x: 100, y: 300, w: 112, h: 112 }
    expect(
      firstFreePlace(
        [
          { x: 150, y: 290 },
          { x: 150, y: 150 },
        ],
        size,
        [below],
      ),
    ).toEqual({ x: 150, y: 150 })
  })

  it('finds no place when every one covers something', () => {
    const everywhere = { x: 0, y: 0, w: 1000, h: 1000 }
    expect(firstFreePlace([{ x: 10, y: 10 }], size, [everywhere])).toBeNull()
  })
})

describe('firstFreePlace on screen', () => {
  it('skips a place off the screen', () => {
    const screen = { x: 0, y: 0, w: 400, h: 300 }
    expect(
      firstFreePlace(
        [
          { x: 350, y: 280 },
          { x: 100, y: 100 },
        ],
        { w: 52, h: 44 },
        [],
        screen,
      ),
    ).toEqual({ x: 100, y: 100 })
  })
})
