import type { HyphenationLanguage } from '../hyphenation'
import { compoundVocabulary } from './compounds'
import { germanNouns } from './germanNouns'
import { noteTerms, type Term, type TermWeights } from './noteTerms'
import { tfIdf, type TermVector } from './similarity'
import { rememberingStem } from './stem'
import { themeLanguage, tokenize } from './tokens'

/** A note as themes gather it: where it was written, and its text. */
export interface ThemeNote {
  tableId: string
  stationId: string
  noteId: string
  text: string
}

/** A note with what its words say, ready to be compared. */
export interface AnalysedNote {
  note: ThemeNote
  /** Where the note was in the notes given. */
  index: number
  language: HyphenationLanguage
  terms: Term[]
  /** Its TF-IDF vector over the day. */
  vector: TermVector
}

export interface NoteAnalysis {
  /** Each note once, ordered by table, station and note id (code points). */
  notes: AnalysedNote[]
  /** Inverse document frequency of every term of the day. */
  idf: ReadonlyMap<string, number>
}

export interface AnalysisOptions {
  /** The event's language, for notes whose words do not tell (see `themeLanguage`). */
  language?: HyphenationLanguage
  /** The weights of words found inside others and of German non-nouns (for tuning). */
  weights?: TermWeights
}

/**
 * Analyses a day's notes for comparison: each note's language (see
 * `themeLanguage`), its words without stop words, their stems (Snowball for
 * German, Porter for English), the German compounds split into the words
 * the day's notes use, and the TF-IDF vector over all of it. The day is one unit: which words are known, which
 * are nouns and how rare each term is all come from the notes given.
 *
 * A note given twice (same table, station and id) counts once. The order of
 * the result is the notes' ids', so nothing after depends on the order given.
 */
export function analyseNotes(
  notes: readonly ThemeNote[],
  options: AnalysisOptions = {},
): NoteAnalysis {
  const eventLanguage = options.language ?? 'de'
  const tokenised = uniqueNotes(notes).map(({ note, index }) => {
    const language = themeLanguage(note.text, eventLanguage)
    return { note, index, language, tokens: tokenize(note.text, language) }
  })
  const stem = rememberingStem()
  const german = tokenised.filter((item) => item.language === 'de').map((item) => item.tokens)
  const lexicon = {
    stem,
    vocabulary: compoundVocabulary(
      german.flatMap((tokens) => tokens.flatMap((token) => [token.word, ...token.hyphenParts])),
      stem,
    ),
    germanNouns: germanNouns(german, stem),
  }
  const withTerms = tokenised.map(({ note, index, language, tokens }) => ({
    note,
    index,
    language,
    terms: noteTerms(tokens, language, lexicon, options.weights),
  }))
  const { vectors, idf } = tfIdf(withTerms.map((item) => item.terms))
  return { notes: withTerms.map((item, at) => ({ ...item, vector: vectors[at]! })), idf }
}

/** The notes once each, ordered by table, station and note id, with where each was given. */
function uniqueNotes(notes: readonly ThemeNote[]): Array<{ note: ThemeNote; index: number }> {
  const byKey = new Map<string, { note: ThemeNote; index: number }>()
  notes.forEach((note, index) => {
    const key = `${note.tableId}\u0000${note.stationId}\u0000${note.noteId}`
    if (!byKey.has(key)) byKey.set(key, { note, index })
  })
  return [...byKey.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, entry]) => entry)
}
