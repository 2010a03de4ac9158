import { describe, expect, it } from 'vitest'
import { unionRects } from './rect'

describe('unionRects', () => {
  it('holds every rectangle, and is nothing for none', () => {
    expect(
      unionRects([
        { x: 0, y: 10, w: 100, h: 20 },
        { x: -50, y: 40, w: 10, h: 300 },
      ]),
    ).toEqual({ x: -50, y: 10, w: 150, h: 330 })
    expect(unionRects([])).toBeNull()
  })
})
