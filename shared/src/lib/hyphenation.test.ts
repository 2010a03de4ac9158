import { describe, expect, it } from 'vitest'
import {
  SOFT_HYPHEN,
  keepReadableBreaks,
  loadHyphenator,
  noteLanguage,
  withoutSoftHyphens,
} from './hyphenation'

const shown = (text: string) => text.replaceAll(SOFT_HYPHEN, '|')

describe('hyphenation', () => {
  it('breaks German compounds at syllables, never inside one', async () => {
    const de = await loadHyphenator('de')
    expect(shown(de('Kinderbetreuungsangebote'))).toBe('Kin|der|be|treu|ungs|an|ge|bote')
    expect(shown(de('Elterngespräche'))).toBe('Eltern|ge|sprä|che')
    expect(shown(de('Einzelförderung'))).toBe('Ein|zel|för|de|rung')
    expect(shown(de('Qualifizierungsmaßnahmen'))).toBe('Qua|li|fi|zie|rungs|maß|nah|men')
    expect(withoutSoftHyphens(de('Kinderbetreuungsangebote'))).toBe('Kinderbetreuungsangebote')
  })

  it('keeps short words, punctuation, „quotes“, emoji and Arabic as typed', async () => {
    const de = await loadHyphenator('de')
    const text = 'ab „Sprachkurse“ 🗣️ مترجمين!'
    expect(withoutSoftHyphens(de(text))).toBe(text)
    expect(shown(de('ab und zu'))).toBe('ab und zu')
  })

  it('leaves at least three letters on either side of a break', async () => {
    const de = await loadHyphenator('de')
    expect(shown(de('Familien'))).toBe('Fami|lien')
    expect(shown(de('Integrationskurse'))).toBe('Inte|gra|ti|ons|kurse')
    expect(shown(keepReadableBreaks(`ab${SOFT_HYPHEN}cdef, ghi${SOFT_HYPHEN}jk`))).toBe(
      'abcdef, ghijk',
    )
    const untouched = 'Sprachcafé „donnerstags“ 🤝 مقهى اللغة'
    expect(keepReadableBreaks(untouched)).toBe(untouched)
  })

  it('hyphenates English with English patterns', async () => {
    const en = await loadHyphenator('en')
    expect(shown(en('opportunities volunteering'))).toBe('oppor|tu|ni|ties vol|un|teer|ing')
  })

  it('guesses a note’s language from its words, else follows the event', () => {
    expect(noteLanguage('Mehr Bänke', 'en')).toBe('de')
    expect(noteLanguage('Kita fehlt und Sprachkurse', 'en')).toBe('de')
    expect(noteLanguage('We need more childcare', 'de')).toBe('en')
    expect(noteLanguage('Kinderbetreuungsangebote', 'de')).toBe('de')
    expect(noteLanguage('Volunteering', 'en')).toBe('en')
    expect(noteLanguage('Einbindung in kulturelle Angebote', 'de')).toBe('de')
    expect(noteLanguage('Beratung an Schulen', 'en')).toBe('en')
  })
})
