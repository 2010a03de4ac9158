import { describe, expect, it } from 'vitest'
import { stationLineParts, stationTitleAfterNumber } from './stationTitle'

describe('stationTitleAfterNumber', () => {
  it('leaves out a title that only repeats the station’s number', () => {
    for (const title of [
      'Station 2',
      'station 2',
      ' Station  2 ',
      'Runde 2',
      'Round 02',
      'Station 2.',
    ]) {
      expect(stationTitleAfterNumber(title, 1), title).toBeNull()
    }
  })

  it('keeps a real title, and a number that is not the station’s own', () => {
    expect(stationTitleAfterNumber('Bestandsaufnahme', 0)).toBe('Bestandsaufnahme')
    expect(stationTitleAfterNumber('Station 3', 0)).toBe('Station 3')
    expect(stationTitleAfterNumber('Station 1: Ziele', 0)).toBe('Station 1: Ziele')
  })
})

describe('stationLineParts', () => {
  it('numbers the station from 1 and keeps a real title', () => {
    expect(stationLineParts(' Wohnen ', 1, 3)).toEqual({ number: 2, total: 3, title: 'Wohnen' })
  })

  it('leaves the title out when it only repeats the number', () => {
    expect(stationLineParts('Runde 3', 2, 3)).toEqual({ number: 3, total: 3, title: null })
  })
})
