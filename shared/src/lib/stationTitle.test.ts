import { describe, expect, it } from 'vitest'
import { stationTitleAfterNumber } from './stationTitle'

describe('stationTitleAfterNumber', () => {
  it('leaves out a title that only repeats the station’s number', () => {
    for (const title of ['Station 2', 'station 2', ' Station  2 ', 'Runde 2', 'Round 02', 'Station 2.']) {
      expect(stationTitleAfterNumber(title, 1), title).toBeNull()
    }
  })

  it('keeps a real title, and a number that is not the station’s own', () => {
    expect(stationTitleAfterNumber('Bestandsaufnahme', 0)).toBe('Bestandsaufnahme')
    expect(stationTitleAfterNumber('Station 3', 0)).toBe('Station 3')
    expect(stationTitleAfterNumber('Station 1: Ziele', 0)).toBe('Station 1: Ziele')
  })
})
