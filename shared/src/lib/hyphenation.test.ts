import { describe, expect, it } from 'vitest'
import { SOFT_HYPHEN, loadHyphenator, noteLanguage, withoutSoftHyphens } from './hyphenation'

const shown = (text: string) => text.replaceAll(SOFT_HYPHEN, '|')

describe('hyphenation', () => {
  it('breaks German compounds at syllables, never inside one', async () => {
    const de = await loadHyphenator('de')
    expect(shown(de('Kinderbetreuungsangebote'))).toBe('Kin|der|be|treu|ungs|an|ge|bo|te')
    expect(shown(de('Elterngespräche'))).toBe('El|tern|ge|sprä|che')
    expect(shown(de('Einzelförderung'))).toBe('Ein|zel|för|de|rung')
    expect(shown(de('Qualifizierungsmaßnahmen'))).toBe('Qua|li|fi|zie|rungs|maß|nah|men')
  })

  it('keeps short words, punctuation, „quotes“, emoji and Arabic as typed', async () => {
    const de = await loadHyphenator('de')
    const text = 'ab „Sprachkurse“ 🗣️ مترجمين!'
    expect(withoutSoftHyphens(de(text))).toBe(text)
    expect(shown(de('ab und zu'))).toBe('ab und zu')
  })

  it('hyphenates English with English patterns', async () => {
    const en = await loadHyphenator('en')
    expect(shown(en('opportunities volunteering'))).toBe('op|por|tu|ni|ties vol|un|teer|ing')
  })

  it('guesses a note’s language from its words, else follows the event', () => {
    expect(noteLanguage('Mehr Bänke', 'en')).toBe('de')
    expect(noteLanguage('Kita fehlt und Sprachkurse', 'en')).toBe('de')
    expect(noteLanguage('We need more childcare', 'de')).toBe('en')
    expect(noteLanguage('Kinderbetreuungsangebote', 'de')).toBe('de')
    expect(noteLanguage('Volunteering', 'en')).toBe('en')
  })
})
