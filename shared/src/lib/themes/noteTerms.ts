import type { HyphenationLanguage } from '../hyphenation'
import { compoundParts, knownEnds, type CompoundVocabulary } from './compounds'
import type { Stem } from './stem'
import type { Token } from './tokens'

/**
 * The weighted terms of a note, the units its similarity is measured in: the
 * stem of every word, and at a lower weight the stems of the words inside it,
 * its hyphen parts ("Mutter-Kind-Kurse" → mutter, kind, kurse) and for German its
 * compound parts ("Kinderbetreuungsangebote" → kinderbetreuung, betreuung,
 * betreuungsangebote, angebote, kind). So a compound shares part of its
 * meaning with the words it is made of, and all of it with itself.
 */

/** Weight of a word the note typed: a noun, or any word of an English note. */
export const WORD_WEIGHT = 1

/**
 * Weight of a word found inside a typed word. Measured on the reference day
 * (threshold 0.25): at 1 a part counts as much as the word and joins notes a
 * reader keeps apart ("Mehr Stunden für Analphabeten" with
 * "Trauma-Sprechstunde"); at 0.25 the issue's own example falls apart,
 * "Kinderbetreuungsangebote fehlen" no longer meeting "Kinderbetreuung
 * fehlt"; 0.5 keeps both right and gives the day's themes within one of 0.25's.
 */
export const PART_WEIGHT = 0.5

/**
 * Weight of a German word typed that is not a noun (see `germanNouns`).
 * Measured on the reference day (threshold 0.25): at 1, themes gather on a
 * shared verb ("gewinnen": "für IntMan gewinnen" with "Vorbilder gewinnen";
 * "stärken", "trainieren", "gehen"), and 17 themes span three tables; at
 * 0.5, 22 do and only two rest on a non-noun, both fair ("überflüssig
 * machen" at two tables); at 0.3 those go too, and "Konzept", "Methode" and
 * "Team" themes of one word in passing come instead.
 */
export const OTHER_WORD_WEIGHT = 0.5

export interface TermWeights {
  part: number
  otherWord: number
}
export const DEFAULT_WEIGHTS: TermWeights = { part: PART_WEIGHT, otherWord: OTHER_WORD_WEIGHT }

/** A term of a note. */
export interface Term {
  /** The stem, the term's identity. */
  key: string
  weight: number
  /** The word that gave it: as typed for a whole word, lower-case for a part. */
  surface: string
  /** Whether the note typed the word itself rather than inside another. */
  typed: boolean
  /**
   * Whether the term names a thing: a German noun, a word inside a compound
   * (compounds are nouns), or any word of an English note, where spelling
   * does not tell.
   */
  noun: boolean
}

/** What terms are made with, for one day of notes. */
export interface Lexicon {
  stem: Stem
  /** The words compounds are split into. */
  vocabulary: CompoundVocabulary
  /** Stems of the day's German nouns (see `germanNouns`). */
  germanNouns: ReadonlySet<string>
}

/**
 * The terms of a tokenised note: a typed word and each word inside it once
 * per occurrence, a part the same as its word not counted twice.
 */
export function noteTerms(
  tokens: readonly Token[],
  language: HyphenationLanguage,
  lexicon: Lexicon,
  weights: TermWeights = DEFAULT_WEIGHTS,
): Term[] {
  const { stem, vocabulary, germanNouns } = lexicon
  const terms: Term[] = []
  for (const token of tokens) {
    const key = stem(token.word, language)
    const noun = language === 'en' || germanNouns.has(key)
    terms.push({
      key,
      weight: noun ? WORD_WEIGHT : weights.otherWord,
      surface: token.surface,
      typed: true,
      noun,
    })
    const seen = new Set([key])
    const add = (part: string, weight: number) => {
      const partKey = stem(part, language)
      if (seen.has(partKey)) return
      seen.add(partKey)
      terms.push({ key: partKey, weight, surface: part, typed: false, noun: true })
    }
    const parts = partsOf(token, language, vocabulary)
    for (const part of parts) add(part, weights.part)
    // A compound whose rest the day never wrote ("Kinderbetreuungsangebote"
    // on a day without "Angebote") is read as the long word it starts or ends
    // with, at a typed word's weight: that word is all it shares with the day,
    // and at half weight the compound's own rare stem outweighs it, so
    // "Kinderbetreuungsangebote ausbauen" never met "Kinderbetreuung fehlt".
    // Nouns only: the end of an adjective ("dezernatübergreifend") is no theme.
    if (parts.length === 0 && noun && language === 'de' && token.hyphenParts.length === 0)
      for (const end of knownEnds(token.word, vocabulary)) add(end, WORD_WEIGHT)
  }
  return terms
}

function partsOf(
  token: Token,
  language: HyphenationLanguage,
  vocabulary: CompoundVocabulary,
): string[] {
  const split = (word: string) => (language === 'de' ? compoundParts(word, vocabulary) : [])
  if (token.hyphenParts.length === 0) return split(token.word)
  return token.hyphenParts.flatMap((piece) => [piece, ...split(piece)])
}
