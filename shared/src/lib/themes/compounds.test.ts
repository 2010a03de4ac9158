import { describe, expect, it } from 'vitest'
import { compoundParts, compoundVocabulary, knownEnds, splitCompound } from './compounds'

const pieces = (word: string, vocabulary: Parameters<typeof splitCompound>[1]) =>
  splitCompound(word, vocabulary).map((piece) => word.slice(piece.start, piece.coreEnd))

describe('compound splitting', () => {
  const vocabulary = compoundVocabulary([
    'kinder',
    'betreuung',
    'kinderbetreuung',
    'angebote',
    'betreuungsangebote',
    'sprache',
    'kurse',
    'integration',
    'eltern',
    'fördern',
    'möglichkeiten',
    'ermöglichen',
    'intern',
  ])

  it('splits into the day’s words with linking elements, as the issue’s example', () => {
    expect(pieces('kinderbetreuungsangebote', vocabulary)).toEqual([
      'kind',
      'betreuung',
      'angebote',
    ])
    expect(compoundParts('kinderbetreuungsangebote', vocabulary)).toEqual([
      'kind',
      'kinderbetreuung',
      'betreuung',
      'betreuungsangebote',
      'angebote',
    ])
  })

  it('meets a word that dropped its final e, by the stem', () => {
    expect(pieces('sprachkurse', vocabulary)).toEqual(['sprach', 'kurse'])
    expect(pieces('elternintegrationskurse', vocabulary)).toEqual([
      'eltern',
      'integration',
      'kurse',
    ])
  })

  it('prefers pieces typed as words', () => {
    // förd(er) · möglichkeiten, not förd · ermöglichkeiten
    const split = splitCompound('fördermöglichkeiten', vocabulary)
    expect(split.map((piece) => 'fördermöglichkeiten'.slice(piece.start, piece.end))).toEqual([
      'förder',
      'möglichkeiten',
    ])
  })

  it('does not split into unknown words, short pieces or short stems', () => {
    expect(splitCompound('kindergärten', vocabulary)).toEqual([])
    expect(splitCompound('sprachrohr', vocabulary)).toEqual([])
    // "intern" stems to "int", which must not make the "inter" of "interkulturell" a word.
    expect(splitCompound('interkulturell', compoundVocabulary(['intern', 'kulturell']))).toEqual([])
    expect(splitCompound('kinder', vocabulary)).toEqual([])
    expect(compoundParts('betreuung', vocabulary)).toEqual([])
  })

  it('needs no words but the notes’ own: a word alone in the day stays whole', () => {
    const empty = compoundVocabulary([])
    expect(compoundParts('kinderbetreuungsangebote', empty)).toEqual([])
  })

  it('reads a compound the day cannot split by the long words it starts or ends with', () => {
    const day = compoundVocabulary(['kinderbetreuung', 'ausbauen', 'sprachförderung', 'kinder'])
    expect(splitCompound('kinderbetreuungsangebote', day)).toEqual([])
    expect(knownEnds('kinderbetreuungsangebote', day)).toEqual(['kinderbetreuung'])
    expect(knownEnds('frühkindlichesprachförderung', day)).toEqual(['sprachförderung'])
    // Short beginnings and words known only by their stem stay out.
    expect(knownEnds('kindergärten', day)).toEqual([])
    expect(knownEnds('veränderungen', compoundVocabulary(['verändern']))).toEqual([])
  })
})
