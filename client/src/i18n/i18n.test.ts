import { beforeEach, describe, expect, it } from 'vitest'
import { de } from './de'
import { en } from './en'
import { formatDate, formatDuration, formatTime } from './dateTimeFormat'
import { useLanguage } from './languageStore'
import { CATALOGS, createTranslator, interpolate, LANGUAGES, placeholdersOf } from './translate'

describe('catalogues', () => {
  it('have the same keys in every language', () => {
    const keys = Object.keys(de).sort()
    for (const language of LANGUAGES) expect(Object.keys(CATALOGS[language]).sort()).toEqual(keys)
  })

  it('use the same placeholders in every language', () => {
    for (const key of Object.keys(de) as Array<keyof typeof de>) {
      expect(placeholdersOf(en[key]), key).toEqual(placeholdersOf(de[key]))
    }
  })

  it('have no empty messages', () => {
    for (const language of LANGUAGES) {
      const empty = Object.entries(CATALOGS[language]).filter(([, message]) => !message.trim())
      expect(empty, language).toEqual([])
    }
  })
})

describe('interpolate', () => {
  it('fills every placeholder, also repeated ones', () => {
    const message = 'Tisch {table} von {count}, noch einmal {table}'
    expect(interpolate(message, { table: 'A', count: 3 })).toBe('Tisch A von 3, noch einmal A')
  })

  it('leaves a placeholder without a value visible', () => {
    expect(interpolate('Hallo {name}', {})).toBe('Hallo {name}')
  })

  it('leaves messages without parameters alone', () => {
    expect(interpolate('Preis {x}')).toBe('Preis {x}')
  })

  it('translates into the chosen language', () => {
    expect(createTranslator('de')('board.heading', { number: 3, topic: 'Sprache' })).toBe(
      'Tisch 3 – Sprache',
    )
    expect(createTranslator('en')('board.heading', { number: 3, topic: 'Sprache' })).toBe(
      'Table 3 – Sprache',
    )
  })
})

describe('language store', () => {
  beforeEach(() => {
    localStorage.clear()
    useLanguage.setState({ language: 'de', tldrawLocale: 'de' })
  })

  it('starts in German', () => {
    expect(useLanguage.getState().language).toBe('de')
  })

  it('remembers the choice on this device', () => {
    useLanguage.getState().setLanguage('en')
    expect(JSON.parse(localStorage.getItem('tablecloth.language') ?? '{}')).toMatchObject({
      state: { language: 'en', tldrawLocale: 'en' },
    })
  })

  it('follows tldraw’s menu for our languages and keeps others to tldraw', () => {
    useLanguage.getState().setTldrawLocale('en')
    expect(useLanguage.getState()).toMatchObject({ language: 'en', tldrawLocale: 'en' })
    useLanguage.getState().setTldrawLocale('fr')
    expect(useLanguage.getState()).toMatchObject({ language: 'en', tldrawLocale: 'fr' })
    useLanguage.getState().setLanguage('de')
    expect(useLanguage.getState()).toMatchObject({ language: 'de', tldrawLocale: 'de' })
  })

  it('ignores an unknown remembered language', async () => {
    const stored = { state: { language: 'xx' }, version: 1 }
    localStorage.setItem('tablecloth.language', JSON.stringify(stored))
    await useLanguage.persist.rehydrate()
    expect(useLanguage.getState().language).toBe('de')
  })
})

describe('date and time formatting', () => {
  const moment = new Date(2026, 2, 12, 14, 5)

  it('follows the language', () => {
    expect(formatDate(moment, 'de')).toBe('12. März 2026')
    expect(formatDate(moment, 'en')).toBe('12 March 2026')
    expect(formatTime(moment, 'de')).toBe('14:05')
    expect(formatTime(moment, 'en')).toBe('14:05')
  })

  it('reads a calendar date as that local day', () => {
    expect(formatDate('2026-03-12', 'de')).toBe('12. März 2026')
  })

  it('formats durations as a clock', () => {
    expect(formatDuration(0)).toBe('0:00')
    expect(formatDuration(65)).toBe('1:05')
    expect(formatDuration(3725)).toBe('1:02:05')
    expect(formatDuration(-30)).toBe('−0:30')
  })
})
