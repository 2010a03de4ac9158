import { describe, expect, it } from 'vitest'
import { isStopWord, themeLanguage, tokenize, withoutGenderEnding } from './tokens'

const words = (text: string, language: 'de' | 'en' = 'de') =>
  tokenize(text, language).map((token) => token.word)

describe('tokenize', () => {
  it('keeps the words that carry meaning, lower-cased, without stop words', () => {
    expect(words('Finanzierung der Kinderbetreuung in Sprachschulen')).toEqual([
      'finanzierung',
      'kinderbetreuung',
      'sprachschulen',
    ])
    expect(words('We need more childcare for the kids', 'en')).toEqual([
      'need',
      'childcare',
      'kids',
    ])
  })

  it('keeps filler that is a real word: TF-IDF weighs it, no list of ours drops it', () => {
    expect(words('Mehr Zeit, gut vernetzt, Kita fehlt')).toContain('mehr')
    expect(words('Zeit und Rechte für Menschen')).toEqual(['zeit', 'rechte', 'menschen'])
    expect(isStopWord('dass', 'de')).toBe(true)
  })

  it('joins a hyphenated word and keeps its pieces, abbreviations written out', () => {
    const [token] = tokenize('KiTa-Plätze', 'de')
    expect(token).toMatchObject({
      surface: 'KiTa-Plätze',
      word: 'kindertagesstätteplätze',
      hyphenParts: ['kindertagesstätte', 'plätze'],
    })
    expect(words('Mutter-Kind-Kurse')).toEqual(['mutterkindkurse'])
    expect(words('Integration von Kindern in Schulen und KiGa')).toContain('kindergarten')
  })

  it('leaves out a dropped repeat’s hyphen, numbers and gender endings', () => {
    expect(words('Sport- und Freizeitgruppen, Internet-/Handynet 1:80 B1')).toEqual([
      'sport',
      'freizeitgruppen',
      'internet',
      'handynet',
      'b1',
    ])
    expect(words('Dolmetscher_innen und Adressat*innen')).toEqual(['dolmetscher', 'adressat'])
  })

  it('tells where a capital says something: inside a phrase, not at its start', () => {
    const tokens = tokenize('Kinder einbeziehen: durch Kinder → Eltern (Schule)', 'de')
    expect(tokens.map((token) => [token.surface, token.capitalised, token.initial])).toEqual([
      ['Kinder', true, true],
      ['einbeziehen', false, false],
      ['Kinder', true, false],
      ['Eltern', true, true],
      ['Schule', true, false],
    ])
  })
})

describe('withoutGenderEnding', () => {
  it('removes every spelling of the gender ending, also inside a compound', () => {
    expect(withoutGenderEnding('Dolmetscher_innen')).toBe('Dolmetscher')
    expect(withoutGenderEnding('Akteur*innen')).toBe('Akteur')
    expect(withoutGenderEnding('Lehrer:innen')).toBe('Lehrer')
    expect(withoutGenderEnding('AdressatInnen')).toBe('Adressat')
    expect(withoutGenderEnding('Sportmittler_in')).toBe('Sportmittler')
    expect(withoutGenderEnding('Integrationsbeauftragte_r')).toBe('Integrationsbeauftragte')
    expect(withoutGenderEnding('Dolmetscher_innenpool')).toBe('Dolmetscherpool')
    expect(withoutGenderEnding('Innenstadt')).toBe('Innenstadt')
  })
})

describe('themeLanguage', () => {
  it('does not take "in" or "an" for English, as noteLanguage alone does', () => {
    expect(themeLanguage('Einbindung in kulturelle Angebote', 'de')).toBe('de')
    expect(themeLanguage('Bedarf an kultursensiblen Beratungsstellen formulieren', 'de')).toBe('de')
  })

  it('still reads English notes as English', () => {
    expect(themeLanguage('We need more childcare', 'de')).toBe('en')
    expect(themeLanguage('Language classes in the evening', 'de')).toBe('en')
    expect(themeLanguage('Volunteering coordination', 'en')).toBe('en')
  })
})
