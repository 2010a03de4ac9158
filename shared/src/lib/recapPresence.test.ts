import { describe, expect, it } from 'vitest'
import { recapShownOf, recapToMirror } from './recapPresence'

describe('recapShownOf', () => {
  it('reads the open recap from a board’s awareness state', () => {
    expect(recapShownOf({ presence: {}, recap: { stationIndex: 2, page: 1 } })).toEqual({
      stationIndex: 2,
      page: 1,
    })
  })

  it('reads nothing from a closed recap or a malformed one', () => {
    expect(recapShownOf({ presence: {}, recap: null })).toBeNull()
    expect(recapShownOf({ presence: {} })).toBeNull()
    expect(recapShownOf(null)).toBeNull()
    expect(recapShownOf({ recap: { stationIndex: '2', page: 0 } })).toBeNull()
    expect(recapShownOf({ recap: { stationIndex: 2, page: -1 } })).toBeNull()
    expect(recapShownOf({ recap: { stationIndex: 1.5, page: 0 } })).toBeNull()
  })
})

describe('recapToMirror', () => {
  it('shows the recap open for the running station, of the lowest client id', () => {
    const states = new Map<number, unknown>([
      [40, { recap: { stationIndex: 2, page: 1 } }],
      [7, { presence: {} }],
      [12, { recap: { stationIndex: 2, page: 0 } }],
    ])
    expect(recapToMirror(states, 2)).toEqual({ stationIndex: 2, page: 0 })
  })

  it('ignores a recap left open from an earlier station', () => {
    const states = new Map<number, unknown>([[3, { recap: { stationIndex: 1, page: 0 } }]])
    expect(recapToMirror(states, 2)).toBeNull()
  })
})
