import { stem as snowballStem, type Stem } from './stem'
import type { Token } from './tokens'

/**
 * Which German words of a day are nouns, told by the one sign German spelling
 * gives: nouns are capitalised, other words are not, except at the start of a
 * sentence or phrase. A theme is named and made by what notes are about
 * (Kinderbetreuung, Ehrenamt, Wohnraum), much less by what they say about it
 * (fehlend, regelmäßig, stärken), so non-nouns weigh less.
 */

/**
 * Endings of adjectives and participles, for a word the day only typed where
 * any word is capitalised: "Funktionierende", "Vertrauensvolle".
 */
const ADJECTIVE_ENDING = /(?:ig|lich|isch|end|iv|al|bar|los|voll|haft|sam)(?:e|er|es|en|em)?$/

/**
 * The stems of the nouns among the tokens of German notes. A stem is a noun
 * if it is capitalised more often than not where a capital means something
 * (inside a phrase), or, never typed there, if no typed form ends like an
 * adjective.
 */
export function germanNouns(
  notes: ReadonlyArray<readonly Token[]>,
  stem: Stem = snowballStem,
): ReadonlySet<string> {
  const evidence = new Map<string, { capitalised: number; lower: number; adjectival: boolean }>()
  for (const tokens of notes) {
    for (const token of tokens) {
      const key = stem(token.word, 'de')
      const seen = evidence.get(key) ?? { capitalised: 0, lower: 0, adjectival: false }
      if (!token.initial) {
        if (token.capitalised) seen.capitalised++
        else seen.lower++
      }
      if (ADJECTIVE_ENDING.test(token.word)) seen.adjectival = true
      evidence.set(key, seen)
    }
  }
  const nouns = new Set<string>()
  for (const [key, seen] of evidence) {
    const inside = seen.capitalised + seen.lower
    if (inside > 0 ? seen.capitalised > seen.lower : !seen.adjectival) nouns.add(key)
  }
  return nouns
}
