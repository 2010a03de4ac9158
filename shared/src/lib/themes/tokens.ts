import { stopwords as englishStopWords } from '@orama/stopwords/english'
import { stopwords as germanStopWords } from '@orama/stopwords/german'
import { noteLanguage, type HyphenationLanguage } from '../hyphenation'

/**
 * The words of a note that can carry a theme: every word as typed, lower-cased,
 * without gender endings, without stop words. Stop words are Snowball's lists
 * for German and English (through `@orama/stopwords`): short lists of function
 * words, so "Zeit", "Rechte" or "Menschen" stay, which longer lists such as
 * stopwords-iso drop although the café's tables write about exactly them.
 */

/** One word of a note. */
export interface Token {
  /** The word as typed, e.g. "KiTa-Plätze", "Dolmetscher_innen". */
  surface: string
  /**
   * Lower-cased, without gender ending and hyphens, abbreviations written
   * out: "kindertagesstätteplätze", "dolmetscher".
   */
  word: string
  /** The pieces between its hyphens ("kindertagesstätte", "plätze"); empty without hyphens. */
  hyphenParts: string[]
  /** Typed with a capital first letter. */
  capitalised: boolean
  /**
   * Where a capital says nothing of the word: first in the note, or after a
   * full stop, colon, arrow, line break or the like.
   */
  initial: boolean
}

/**
 * Snowball's German list has "daß" but not today's "dass". That is the only
 * addition: filler that is a real word ("mehr", "gut", "fehlt") and note
 * abbreviations ("etc", "bzw", "usw") changed no theme of the reference day
 * when left out, as TF-IDF and the lower weight of non-nouns already make
 * them count little.
 */
const MORE_GERMAN_STOP_WORDS = ['dass']

/**
 * Abbreviations of German social work that notes use for the word others
 * write out, so "KiTa-Plätze" meets "Kindertagesstätten" and "KiGa" meets
 * "Kindergärten". Only unambiguous ones: "AB" (Ausländerbehörde) is also "ab".
 */
const GERMAN_ABBREVIATIONS: Readonly<Record<string, string>> = {
  kita: 'kindertagesstätte',
  kitas: 'kindertagesstätten',
  kiga: 'kindergarten',
  jc: 'jobcenter',
}

const STOP_WORDS: Record<HyphenationLanguage, ReadonlySet<string>> = {
  de: new Set([...germanStopWords, ...MORE_GERMAN_STOP_WORDS]),
  en: new Set(englishStopWords),
}

/** Function words of both languages: "in", "an", "so", "was", "will", "am". */
const AMBIGUOUS_WORDS: ReadonlySet<string> = new Set(
  [...STOP_WORDS.en].filter((word) => STOP_WORDS.de.has(word)),
)

/**
 * The language to read a note in: `noteLanguage`, asked about the note
 * without the function words both languages share. `noteLanguage` counts
 * "in" and "an" as English, which read 14 of the reference day's 478 German
 * notes as English ("Einbindung in kulturelle Angebote") and so stemmed them
 * with the English stemmer and kept their German stop words.
 */
export function themeLanguage(
  text: string,
  eventLanguage: HyphenationLanguage,
): HyphenationLanguage {
  const unambiguous = text.replace(/\p{L}+/gu, (word) =>
    AMBIGUOUS_WORDS.has(word.toLowerCase()) ? '' : word,
  )
  return noteLanguage(unambiguous, eventLanguage)
}

/** Whether a lower-cased word is a stop word of the language. */
export function isStopWord(word: string, language: HyphenationLanguage): boolean {
  return STOP_WORDS[language].has(word)
}

/**
 * Letters and digits, joined by hyphens, gender marks (`_`, `*`, `:`) and
 * apostrophes inside a word. A hyphen at a word's edge ("Internet-/Handynet",
 * "Sport- und Freizeitgruppen") is a dropped repeat and is not part of it.
 */
const WORD = /[\p{L}\p{N}]+(?:[-_*:'’][\p{L}\p{N}]+)*/gu
const HAS_LETTER = /\p{L}/u
/** Where a sentence or phrase starts: after these, a capital says nothing of the word. */
const PHRASE_STOPS = new Set(['.', '!', '?', ':', ';', '→', '⇒', '↳', '•', '\n'])
/** What may stand between a phrase's start and its first word: spaces, quotes, numbers. */
const BETWEEN_WORDS = /[\s\p{P}\p{S}\p{N}]/u

/** The words of a text in order, stop words and words without a letter left out. */
export function tokenize(text: string, language: HyphenationLanguage): Token[] {
  const tokens: Token[] = []
  for (const match of text.matchAll(WORD)) {
    const surface = match[0]
    const plain = withoutGenderEnding(surface).toLowerCase().replaceAll('’', "'")
    const pieces = plain
      .split('-')
      .filter((piece) => HAS_LETTER.test(piece))
      .map((piece) => (language === 'de' ? (GERMAN_ABBREVIATIONS[piece] ?? piece) : piece))
    const word = pieces.join('')
    if (word.length < 2 || isStopWord(word, language)) continue
    tokens.push({
      surface,
      word,
      hyphenParts: pieces.length > 1 ? pieces.filter((piece) => !isStopWord(piece, language)) : [],
      capitalised: surface[0] !== surface[0]!.toLowerCase(),
      initial: startsPhrase(text, match.index),
    })
  }
  return tokens
}

/** Whether only spaces, quotes and numbers stand between a phrase's start and this index. */
function startsPhrase(text: string, index: number): boolean {
  for (let at = index - 1; at >= 0; at--) {
    const char = text[at]!
    if (PHRASE_STOPS.has(char)) return true
    if (!BETWEEN_WORDS.test(char)) return false
  }
  return true
}

/**
 * The word without its gender ending, as German notes write them:
 * "Dolmetscher_innen", "Akteur*innen", "Lehrer:innen", "AdressatInnen",
 * "Integrationsbeauftragte_r" and the same inside a compound,
 * "Dolmetscher_innenpool".
 */
export function withoutGenderEnding(word: string): string {
  if (!GENDER_MARK.test(word)) return word
  return word
    .replace(/[_*:](?:innen|in|r)(?![\p{Ll}])/gu, '')
    .replace(/[_*:]innen(?=\p{Ll})/gu, '')
    .replace(/(?<=\p{Ll})In(?:nen)?(?!\p{L})/gu, '')
}

const GENDER_MARK = /[_*:]|\p{Ll}In/u
