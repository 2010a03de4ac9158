import { describe, expect, it } from 'vitest'
import { compoundVocabulary } from './compounds'
import { germanNouns } from './germanNouns'
import { noteTerms, OTHER_WORD_WEIGHT, PART_WEIGHT, WORD_WEIGHT } from './noteTerms'
import { stem } from './stem'
import { tokenize } from './tokens'

function termsOf(note: string, day: string[]) {
  const tokens = day.map((text) => tokenize(text, 'de'))
  const lexicon = {
    stem,
    vocabulary: compoundVocabulary(
      tokens.flat().flatMap((token) => [token.word, ...token.hyphenParts]),
    ),
    germanNouns: germanNouns(tokens),
  }
  return noteTerms(tokenize(note, 'de'), 'de', lexicon)
}

describe('noteTerms', () => {
  const day = [
    'Kinderbetreuungsangebote fehlen',
    'Mutter-Kind-Kurse mit Kinderbetreuung',
    'Betreuung und Angebote ausbauen',
  ]

  it('gives a typed noun full weight and the words inside it half', () => {
    const terms = termsOf('Kinderbetreuungsangebote fehlen', day)
    expect(terms.map((term) => [term.surface, term.weight, term.typed])).toEqual([
      ['Kinderbetreuungsangebote', WORD_WEIGHT, true],
      ['kind', PART_WEIGHT, false],
      ['kinderbetreuung', PART_WEIGHT, false],
      ['betreuung', PART_WEIGHT, false],
      ['angebote', PART_WEIGHT, false],
      ['fehlen', OTHER_WORD_WEIGHT, true],
    ])
  })

  it('so a compound shares a term with the word it holds', () => {
    const compound = new Set(termsOf('Kinderbetreuungsangebote', day).map((term) => term.key))
    const word = termsOf('Kinderbetreuung', day).map((term) => term.key)
    expect(compound.has(word[0]!)).toBe(true)
  })

  it('takes a hyphenated word’s pieces as its parts, each once', () => {
    const terms = termsOf('Mutter-Kind-Kurse', day)
    expect(terms.map((term) => term.surface)).toEqual([
      'Mutter-Kind-Kurse',
      'mutter',
      'kind',
      'kurse',
    ])
  })
})
