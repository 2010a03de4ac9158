import { stem as snowballStem, type Stem } from './stem'

/**
 * German compound splitting driven by the notes' own words: a compound is
 * split where each of its pieces is a word the day's notes also use, with a
 * linking element (Fugenelement) allowed after any piece but the last:
 * "Kinderbetreuungsangebote" → kind(er) · betreuung(s) · angebote. No
 * dictionary ships with it, so it only ever splits into words the café
 * wrote, and a word nobody else used stays whole.
 *
 * Pieces are compared by their Snowball stems, which also bridges a dropped
 * final e ("Sprachkurse" → sprach · kurse, since "Sprache" stems to "sprach")
 * and the linking element a stem absorbs ("integrations" → "integration").
 */

/** Pieces shorter than this are never words of their own ("amt", "tag", "rat" stay inside). */
export const MIN_PIECE_LENGTH = 4

/**
 * A word of the day this long is taken from the start or the end of a
 * compound even when the rest is no word the day wrote (see `knownEnds`).
 */
export const LONG_PIECE_LENGTH = 7

/** Linking elements, longest first so a piece's core is the shortest word. */
const LINKS = ['es', 'en', 'er', 's', 'n', 'e', ''] as const

/** The words compounds may be split into. */
export interface CompoundVocabulary {
  /** Whether a lower-cased piece of a compound is one of the words, or shares its stem. */
  knows(piece: string): boolean
  /** Whether a lower-cased piece of a compound is one of the words as typed. */
  typed(piece: string): boolean
}

/**
 * The vocabulary of the given lower-cased German words (stop words already
 * left out) of at least {@link MIN_PIECE_LENGTH} letters. A piece is known if
 * it is one of them, or shares the stem of one and that stem has at least
 * {@link MIN_PIECE_LENGTH} letters: Snowball cuts "intern" to "int", which
 * must not make the "inter" of "interkulturell" a word.
 */
export function compoundVocabulary(
  words: Iterable<string>,
  stem: Stem = snowballStem,
): CompoundVocabulary {
  const known = new Set<string>()
  const stems = new Set<string>()
  for (const word of words) {
    if (word.length < MIN_PIECE_LENGTH) continue
    known.add(word)
    const wordStem = stem(word, 'de')
    if (wordStem.length >= MIN_PIECE_LENGTH) stems.add(wordStem)
  }
  return {
    knows: (piece) =>
      piece.length >= MIN_PIECE_LENGTH && (known.has(piece) || stems.has(stem(piece, 'de'))),
    typed: (piece) => known.has(piece),
  }
}

/** One piece of a compound, as positions in the lower-cased word. */
export interface CompoundPiece {
  start: number
  /** Where the piece's word ends, before its linking element. */
  coreEnd: number
  /** Where the piece ends, after its linking element. */
  end: number
  /** Whether the piece is a word of the vocabulary as typed, not only by its stem. */
  typed: boolean
}

/**
 * The finest split of a lower-cased word into vocabulary words: the one with
 * the most pieces, [] when there is none of two pieces or more. Of equally
 * fine splits, the one with more pieces typed as words wins
 * ("fördermöglichkeiten" → förder · möglichkeiten, not förd ·
 * ermöglichkeiten), then the one whose first piece ends earliest, then the
 * one with the longer linking element.
 *
 * Every piece must be a word the day wrote: a split that leaves an unknown
 * last piece ("Kindergärten" → kinder · gärten) was tried and measured worse,
 * as it also cut words after a known beginning ("Bestehende" → beste ·
 * hende, "Regelungen" → regel · ungen).
 */
export function splitCompound(word: string, vocabulary: CompoundVocabulary): CompoundPiece[] {
  const n = word.length
  // For each start, the finest split of word.slice(start): its number of
  // pieces (0 for none), of typed pieces, and its first piece.
  const pieces = new Int32Array(n + 1)
  const typedPieces = new Int32Array(n + 1)
  const firstCoreEnd = new Int32Array(n + 1)
  const firstEnd = new Int32Array(n + 1)
  const firstTyped = new Uint8Array(n + 1)
  for (let start = n - MIN_PIECE_LENGTH; start >= 0; start--) {
    // The whole word is no split of itself.
    const lastEnd = start === 0 ? n - 1 : n
    for (let end = start + MIN_PIECE_LENGTH; end <= lastEnd; end++) {
      if (end < n && pieces[end] === 0) continue
      for (const link of end === n ? [''] : LINKS) {
        if (!word.endsWith(link, end)) continue
        const coreEnd = end - link.length
        const core = word.slice(start, coreEnd)
        if (!vocabulary.knows(core)) continue
        const typed = vocabulary.typed(core) ? 1 : 0
        const count = 1 + (end < n ? pieces[end]! : 0)
        const typedCount = typed + (end < n ? typedPieces[end]! : 0)
        const finer =
          count > pieces[start]! || (count === pieces[start]! && typedCount > typedPieces[start]!)
        if (finer) {
          pieces[start] = count
          typedPieces[start] = typedCount
          firstCoreEnd[start] = coreEnd
          firstEnd[start] = end
          firstTyped[start] = typed
        }
        break
      }
    }
  }
  const split: CompoundPiece[] = []
  if (pieces[0]! < 2) return split
  for (let start = 0; start < n; start = firstEnd[start]!) {
    split.push({
      start,
      coreEnd: firstCoreEnd[start]!,
      end: firstEnd[start]!,
      typed: firstTyped[start] === 1,
    })
  }
  return split
}

/**
 * The words a compound holds, each once, in order of where they start, then
 * shortest first: every piece, and every run of pieces that is a vocabulary
 * word itself, the whole word excepted. "kinderbetreuungsangebote" →
 * kind, kinderbetreuung, betreuung, betreuungsangebote, angebote.
 */
export function compoundParts(word: string, vocabulary: CompoundVocabulary): string[] {
  const pieces = splitCompound(word, vocabulary)
  const parts: string[] = []
  for (let first = 0; first < pieces.length; first++) {
    for (let last = first; last < pieces.length; last++) {
      if (first === 0 && last === pieces.length - 1) continue
      const part = word.slice(pieces[first]!.start, pieces[last]!.coreEnd)
      const isPiece = first === last
      if ((isPiece || vocabulary.knows(part)) && !parts.includes(part)) parts.push(part)
    }
  }
  return parts
}

/**
 * For a compound that splits into no words of the day (`splitCompound` finds
 * none): its longest beginning and its longest end that are long words the day typed as they stand ({@link LONG_PIECE_LENGTH}
 * letters or more), each leaving at least {@link MIN_PIECE_LENGTH} letters:
 * on a day that wrote "Kinderbetreuung" but never "Angebote",
 * "kinderbetreuungsangebote" still holds kinderbetreuung. Short beginnings
 * stay out, as they cut ordinary words ("Bestehende" → beste · hende,
 * "Regelungen" → regel · ungen, "Kindergärten" → kinder · gärten), and so
 * do words met only by their stem ("Veränderungen" → veränder · ungen).
 */
export function knownEnds(word: string, vocabulary: CompoundVocabulary): string[] {
  const parts: string[] = []
  for (let end = word.length - MIN_PIECE_LENGTH; end >= LONG_PIECE_LENGTH; end--) {
    const link = LINKS.find((candidate) => word.endsWith(candidate, end)) ?? ''
    const core = word.slice(0, end - link.length)
    if (core.length >= LONG_PIECE_LENGTH && vocabulary.typed(core)) {
      parts.push(core)
      break
    }
  }
  for (let start = MIN_PIECE_LENGTH; start <= word.length - LONG_PIECE_LENGTH; start++) {
    const tail = word.slice(start)
    if (vocabulary.typed(tail) && !parts.includes(tail)) {
      parts.push(tail)
      break
    }
  }
  return parts
}
