import { describe, expect, it } from 'vitest'
import { stationDurationSeconds } from './stationDuration'

const config = {
  stations: [
    { id: 's1', title: 'Eins', columns: ['a'], durationMinutes: 45 },
    { id: 's2', title: 'Zwei', columns: ['b'], durationMinutes: 1 },
  ],
}

describe('stationDurationSeconds', () => {
  it('is the station’s minutes in seconds', () => {
    expect(stationDurationSeconds(config, 0)).toBe(2700)
    expect(stationDurationSeconds(config, 1)).toBe(60)
  })

  it('is 0 for a station the event does not have', () => {
    expect(stationDurationSeconds(config, 2)).toBe(0)
    expect(stationDurationSeconds(config, -1)).toBe(0)
  })
})
