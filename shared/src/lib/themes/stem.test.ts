import { describe, expect, it } from 'vitest'
import { rememberingStem, stem } from './stem'

describe('stem', () => {
  it('stems German with Snowball, plural and singular alike', () => {
    expect(stem('kinderbetreuungsangebote', 'de')).toBe(stem('kinderbetreuungsangebot', 'de'))
    expect(stem('frauen', 'de')).toBe(stem('frau', 'de'))
    expect(stem('geflüchteten', 'de')).toBe(stem('geflüchtete', 'de'))
  })

  it('folds ä and ü, so plurals with an umlaut meet their singular', () => {
    expect(stem('kindergärten', 'de')).toBe(stem('kindergarten', 'de'))
    expect(stem('plätze', 'de')).toBe(stem('platz', 'de'))
    expect(stem('ärzte', 'de')).toBe(stem('arzt', 'de'))
  })

  it('keeps ö, so "fördern" and "fordern" stay apart', () => {
    expect(stem('fördern', 'de')).not.toBe(stem('fordern', 'de'))
    expect(stem('förderung', 'de')).not.toBe(stem('forderungen', 'de'))
    expect(stem('förderung', 'de')).toBe('förder')
    expect(stem('behörden', 'de')).toBe(stem('behörde', 'de'))
  })

  it('stems English with Porter’s stemmer', () => {
    expect(stem('opportunities', 'en')).toBe(stem('opportunity', 'en'))
    expect(stem('volunteering', 'en')).toBe(stem('volunteers', 'en'))
  })

  it('remembers answers without changing them', () => {
    const remembering = rememberingStem()
    for (const word of ['kindergärten', 'fördern', 'kindergärten']) {
      expect(remembering(word, 'de')).toBe(stem(word, 'de'))
    }
    expect(remembering('volunteering', 'en')).toBe(stem('volunteering', 'en'))
  })
})
