import { describe, expect, it } from 'vitest'
import {
  describeSource,
  formatEventDate,
  formatInstant,
  formatPageNumber,
  isResultsLanguage,
  resultsWords,
} from './resultsLanguage'

describe('results language', () => {
  const de = resultsWords('de')
  const en = resultsWords('en')

  it('writes the event’s calendar day without a time zone moving it', () => {
    expect(formatEventDate('2019-07-02', de)).toBe('2. Juli 2019')
    expect(formatEventDate('2019-07-02', en)).toBe('2 July 2019')
    expect(formatEventDate('not a date', de)).toBe('not a date')
  })

  it('writes instants in the given time zone', () => {
    expect(formatInstant('2019-07-02T09:45:00.000Z', de, 'Europe/Berlin')).toBe('02.07.2019, 11:45')
    expect(formatInstant('2019-07-02T09:45:00.000Z', en, 'UTC')).toBe('2 Jul 2019, 09:45')
  })

  it('says where a station was read from', () => {
    const source = { kind: 'live' as const, at: '2019-07-02T13:00:00.000Z' }
    expect(describeSource(source, de, 'Europe/Berlin')).toBe(
      'Stand des laufenden Boards, 02.07.2019, 15:00',
    )
  })

  it('counts dots in the singular and the plural', () => {
    expect([de.votes(1), de.votes(2), en.votes(1), en.votes(5)]).toEqual([
      '1 Punkt',
      '2 Punkte',
      '1 dot',
      '5 dots',
    ])
  })

  it('numbers pages and heads the contents of the printed report', () => {
    expect([formatPageNumber(de, 3, 12), formatPageNumber(en, 3, 12)]).toEqual([
      'Seite 3 von 12',
      'Page 3 of 12',
    ])
    expect([de.contents, en.contents]).toEqual(['Inhalt', 'Contents'])
  })

  it('knows its languages', () => {
    expect(['de', 'en'].every(isResultsLanguage)).toBe(true)
    expect(isResultsLanguage('fr')).toBe(false)
  })
})
