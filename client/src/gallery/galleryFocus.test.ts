import { describe, expect, it } from 'vitest'
import { cameraTarget } from '@tablecloth/shared'
import {
  filterFromValue,
  filterValue,
  focusKey,
  resolveFocus,
  wholeBoardArea,
} from './galleryFocus'

describe('resolveFocus', () => {
  it('follows each board’s own station by default', () => {
    expect(resolveFocus('current', 1, 0, 3)).toEqual({ kind: 'station', stationIndex: 1 })
  })

  it('uses the event’s station until the board has synced', () => {
    expect(resolveFocus('current', null, 2, 3)).toEqual({ kind: 'station', stationIndex: 2 })
  })

  it('shows one station on every board, or whole boards', () => {
    expect(resolveFocus(0, 1, 1, 3)).toEqual({ kind: 'station', stationIndex: 0 })
    expect(resolveFocus('all', 1, 1, 3)).toEqual({ kind: 'all' })
  })

  it('stays within the stations of the day', () => {
    expect(resolveFocus(7, null, 0, 3)).toEqual({ kind: 'station', stationIndex: 2 })
  })

  it('names each focus', () => {
    expect(focusKey({ kind: 'all' })).toBe('all')
    expect(focusKey({ kind: 'station', stationIndex: 2 })).toBe('station:2')
  })
})

describe('filter values', () => {
  it('round-trip through a select', () => {
    for (const filter of ['current', 'all', 0, 2] as const) {
      expect(filterFromValue(filterValue(filter), 3)).toBe(filter)
    }
  })

  it('fall back to the current station for anything unknown', () => {
    expect(filterFromValue('5', 3)).toBe('current')
    expect(filterFromValue('x', 3)).toBe('current')
  })
})

describe('areas', () => {
  it('fits a whole board around everything on it', () => {
    const area = wholeBoardArea(
      [
        { x: 0, y: 0, w: 100, h: 100 },
        { x: 50, y: 2000, w: 300, h: 200 },
      ],
      2,
    )
    expect(area.x).toBeLessThan(0)
    expect(area.y).toBeLessThan(0)
    expect(area.x + area.w).toBeGreaterThan(350)
    expect(area.y + area.h).toBeGreaterThan(2200)
  })

  it('shows an empty board where its first station will be', () => {
    expect(wholeBoardArea([], 2)).toEqual(cameraTarget(0, 2))
  })
})
