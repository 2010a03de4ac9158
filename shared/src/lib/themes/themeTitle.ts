import type { Term } from './noteTerms'

/**
 * What a theme is called: the terms its notes share, each shown as a word the
 * notes typed. The title is the most shared term and, where another noun is
 * shared by half the notes or the first term leaves notes out, that noun too:
 * "Ziele · Klient_innen", "Unterschiede · Verständnis".
 */

/** Separator between the title's terms. */
export const TITLE_SEPARATOR = ' · '

/** A term two or more notes of a theme share. */
export interface SharedTerm {
  key: string
  /** How many of the theme's notes hold it. */
  notes: number
  /** From how many tables. */
  tables: number
  /** Whether it names a thing (see `Term.noun`). */
  noun: boolean
  /** Whether a note of the theme typed it as a word, not only inside one. */
  typed: boolean
  /** Its inverse document frequency over the day: higher is more specific. */
  idf: number
  /** The word to show for it. */
  surface: string
}

/** A note of a theme with its terms. */
export interface TitledNote {
  tableId: string
  terms: readonly Term[]
}

/**
 * The terms two or more notes share, most shared first: by notes holding
 * them, nouns before other words, words typed before words only found inside
 * others, then by tables, specificity and key, so the order never depends on
 * the notes' order.
 *
 * @param day every note of the day, for showing a term no note of the theme typed whole.
 */
export function sharedTerms(
  notes: readonly TitledNote[],
  idf: ReadonlyMap<string, number>,
  day: readonly TitledNote[],
): SharedTerm[] {
  const holders = new Map<
    string,
    { notes: number; tables: Set<string>; noun: boolean; typed: boolean }
  >()
  for (const note of notes) {
    const seen = new Set<string>()
    for (const term of note.terms) {
      const holder = holders.get(term.key) ?? {
        notes: 0,
        tables: new Set<string>(),
        noun: false,
        typed: false,
      }
      if (!seen.has(term.key)) {
        seen.add(term.key)
        holder.notes++
        holder.tables.add(note.tableId)
      }
      holder.noun ||= term.noun
      holder.typed ||= term.typed
      holders.set(term.key, holder)
    }
  }
  const shared: SharedTerm[] = []
  for (const [key, holder] of holders) {
    if (holder.notes < 2) continue
    shared.push({
      key,
      notes: holder.notes,
      tables: holder.tables.size,
      noun: holder.noun,
      typed: holder.typed,
      idf: idf.get(key) ?? 0,
      surface: surfaceOf(key, notes, day),
    })
  }
  return shared.sort(
    (a, b) =>
      b.notes - a.notes ||
      Number(b.noun) - Number(a.noun) ||
      Number(b.typed) - Number(a.typed) ||
      b.tables - a.tables ||
      b.idf - a.idf ||
      compare(a.key, b.key),
  )
}

/**
 * The title from the shared terms: the first, then the next noun a note typed
 * as a word that is not a part of the first (nor the first of it), if half
 * the notes or more hold that noun or the first term leaves notes out. A
 * second term only found inside words reads oddly ("Kochen · Abende" from
 * "Kochabende"), so it is not taken.
 */
export function themeTitle(shared: readonly SharedTerm[], noteCount: number): string {
  const [first, ...rest] = shared
  if (!first) return ''
  const second = rest.find((term) => term.noun && term.typed && !overlaps(term, first))
  const useSecond = second && (first.notes < noteCount || 2 * second.notes >= noteCount)
  return useSecond ? `${first.surface}${TITLE_SEPARATOR}${second.surface}` : first.surface
}

/** Whether one term is a part of the other, as "Betreuung" of "Kinderbetreuung". */
export function overlaps(a: SharedTerm, b: SharedTerm): boolean {
  const [x, y] = [a.surface.toLowerCase(), b.surface.toLowerCase()]
  return x.includes(b.key) || y.includes(a.key) || x.includes(y) || y.includes(x)
}

/**
 * The word shown for a term: of the forms the theme's notes typed (else the
 * day's notes), a capitalised one, as German writes nouns ("Verantwortung"
 * before "verantwortlich"), the most frequent, written out rather than an
 * acronym ("Jobcenter" before "JC"), the shortest ("Kinder" before
 * "Kindern"), then the first in code-point order. A term no note typed whole
 * shows as the part found inside a word, capitalised as German nouns are.
 */
export function surfaceOf(
  key: string,
  notes: readonly TitledNote[],
  day: readonly TitledNote[],
): string {
  const typed = mostFrequent(key, notes, true) ?? mostFrequent(key, day, true)
  if (typed !== undefined) return typed
  const part = mostFrequent(key, notes, false) ?? key
  return part.charAt(0).toUpperCase() + part.slice(1)
}

function mostFrequent(
  key: string,
  notes: readonly TitledNote[],
  typed: boolean,
): string | undefined {
  const counts = new Map<string, number>()
  for (const note of notes) {
    for (const term of note.terms) {
      if (term.key === key && term.typed === typed) {
        counts.set(term.surface, (counts.get(term.surface) ?? 0) + 1)
      }
    }
  }
  const capitalised = (surface: string) => (surface[0] !== surface[0]!.toLowerCase() ? 1 : 0)
  const acronym = (surface: string) => (ACRONYM.test(surface) ? 1 : 0)
  return [...counts.entries()].sort(
    ([a, x], [b, y]) =>
      capitalised(b) - capitalised(a) ||
      y - x ||
      acronym(a) - acronym(b) ||
      a.length - b.length ||
      compare(a, b),
  )[0]?.[0]
}

/** "JC", "BAMF": shown only where no note wrote the word out. */
const ACRONYM = /^\p{Lu}{2,5}$/u

/** Code-point order: the same on every machine, unlike a locale's collation. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
