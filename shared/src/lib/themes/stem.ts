import { stemmer as englishStemmer } from '@orama/stemmers/english'
import { stemmer as germanStemmer } from '@orama/stemmers/german'
import type { HyphenationLanguage } from '../hyphenation'

/**
 * Stemming for German and English through `@orama/stemmers`, maintained with
 * the Orama search engine: ESM, no dependencies, offline, the same in Node
 * and in the browser (checked in a Vite build in Chromium). German is the
 * Snowball German stemmer; English is Porter's original algorithm, which
 * Snowball's English ("Porter2") refines in corner cases ("skies" → "ski",
 * not "sky") that matter little for notes of a few words.
 */

const STEMMERS: Record<HyphenationLanguage, (word: string) => string> = {
  de: germanStem,
  en: englishStemmer,
}

/**
 * The stem of a lower-cased word: "kinderbetreuungsangebote" →
 * "kinderbetreuungsangebot", "frauen" → "frau", "opportunities" → "opportun".
 */
export function stem(word: string, language: HyphenationLanguage): string {
  return STEMMERS[language](word)
}

/** A stemmer: a lower-cased word and its language to its stem. */
export type Stem = (word: string, language: HyphenationLanguage) => string

/**
 * {@link stem}, remembering its answers: for one run over a day's notes, which
 * stems the same words again and again (compound splitting asks about every
 * piece of every word). Made per run, so nothing outlives it.
 */
export function rememberingStem(): Stem {
  const answers: Record<HyphenationLanguage, Map<string, string>> = { de: new Map(), en: new Map() }
  return (word, language) => {
    let answer = answers[language].get(word)
    if (answer === undefined) {
      answer = stem(word, language)
      answers[language].set(word, answer)
    }
    return answer
  }
}

/**
 * Snowball German, which folds every umlaut, except that an "ö" stays. Folding
 * ä and ü joins plurals to their singulars ("Kindergärten" and
 * "Kindergarten", "Plätze" and "Platz", "Ärzte" and "Arzt"); folding ö mostly
 * joins opposites on a café's notes: "fördern" and "fordern", "Förderung"
 * and "Forderung".
 */
function germanStem(word: string): string {
  const stemmed = germanStemmer(word)
  if (!word.includes('ö')) return stemmed
  // Snowball's stem is a prefix of the word with ß as ss and umlauts folded.
  const prefix = word.replaceAll('ß', 'ss').slice(0, stemmed.length)
  if (foldUmlauts(prefix) !== stemmed) return stemmed
  return prefix.replaceAll('ä', 'a').replaceAll('ü', 'u')
}

function foldUmlauts(text: string): string {
  return text.replaceAll('ä', 'a').replaceAll('ö', 'o').replaceAll('ü', 'u')
}
