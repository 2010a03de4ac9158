import { describe, expect, it } from 'vitest'
import { startedStations } from './startedStations'

describe('startedStations', () => {
  it('counts the stations up to the running one', () => {
    expect(startedStations(0, [], 3)).toBe(1)
    expect(startedStations(2, [null, 1], 3)).toBe(3)
  })

  it('follows a board that has seen a station change the event view has not', () => {
    expect(startedStations(0, [null, 1, 0], 3)).toBe(2)
  })

  it('stays within the day', () => {
    expect(startedStations(5, [7], 3)).toBe(3)
    expect(startedStations(-1, [], 0)).toBe(1)
  })
})
