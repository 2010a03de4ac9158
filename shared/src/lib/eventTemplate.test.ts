import { describe, expect, it } from 'vitest'
import { winnendenTemplate } from './eventTemplate'
import { parseEventConfig } from './eventValidation'

/**
 * The station questions as the reference results document (Regionalkonferenz
 * Winnenden, 2 July 2019) prints them in its programme and result tables, with
 * the programme's start times.
 */
const reference = {
  title: 'Regionalkonferenz „Pakt für Integration – Kommunales Integrationsmanagement“',
  stations: [
    { starts: '10:45', ends: '11:45', columns: ['Was läuft gut?', 'Wo hakt es?'] },
    {
      starts: '11:45',
      ends: '13:00',
      columns: ['Was sind unsere Ziele?', 'Was soll ein gutes Integrationsmanagement leisten?'],
    },
    {
      starts: '14:00',
      ends: '15:15',
      columns: ['Was können wir vor Ort ändern?', 'Wer kann helfen?'],
    },
  ],
  tableCount: 11,
}

function minutesBetween(start: string, end: string): number {
  const toMinutes = (time: string) => {
    const [hours = 0, minutes = 0] = time.split(':').map(Number)
    return hours * 60 + minutes
  }
  return toMinutes(end) - toMinutes(start)
}

describe('winnendenTemplate', () => {
  it('is a valid event', () => {
    const result = parseEventConfig(winnendenTemplate())
    expect(result).toMatchObject({ ok: true })
  })

  it('reproduces the reference day', () => {
    const result = parseEventConfig(winnendenTemplate())
    if (!result.ok) throw new Error('template refused')
    const { config } = result
    expect(config.title).toBe(reference.title)
    expect(config.date).toBe('2019-07-02')
    expect(config.venue).toBe('Hermann-Schwab-Halle Winnenden')
    expect(config.tables).toHaveLength(reference.tableCount)
    expect(config.tables[0]).toEqual({
      id: 't1',
      topic: 'Frauen, Kinderbetreuung, Sprache',
      moderator: '',
    })
    expect(config.tables.at(-1)?.topic).toBe('Rahmenbedingungen')
    expect(new Set(config.tables.map((table) => table.topic)).size).toBe(reference.tableCount)
    expect(config.stations.map((station) => station.title)).toEqual([
      'Station 1',
      'Station 2',
      'Station 3',
    ])
    expect(config.stations.map((station) => station.columns)).toEqual(
      reference.stations.map((station) => station.columns),
    )
  })

  it('gives each station the time the programme gave it', () => {
    const { stations } = winnendenTemplate()
    expect(stations.map((station) => station.durationMinutes)).toEqual(
      reference.stations.map((station) => minutesBetween(station.starts, station.ends)),
    )
  })

  it('hands out a fresh copy each time, so editing one does not change the next', () => {
    const first = winnendenTemplate()
    first.tables[0]!.topic = 'geändert'
    first.stations[0]!.columns.push('Neu')
    expect(winnendenTemplate().tables[0]!.topic).toBe('Frauen, Kinderbetreuung, Sprache')
    expect(winnendenTemplate().stations[0]!.columns).toHaveLength(2)
  })
})
