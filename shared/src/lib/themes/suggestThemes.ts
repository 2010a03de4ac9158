import { analyseNotes, type AnalysisOptions, type ThemeNote } from './analyseNotes'
import { averageLinkage } from './averageLinkage'
import { similarityMatrix } from './similarity'
import { sharedTerms, themeTitle } from './themeTitle'

export type { ThemeNote } from './analyseNotes'

/** A cross-table theme ("Querschnittsthema"): similar notes from two tables or more. */
export interface Theme {
  /** The terms its notes share, e.g. "Kinderbetreuung · Sprache". */
  title: string
  /** The shared terms as words the notes typed, most shared first. */
  terms: string[]
  /** In the order they were given. */
  notes: ThemeNote[]
}

export interface SuggestThemesOptions extends AnalysisOptions {
  /** Average cosine similarity notes need to form a theme; see {@link THEME_THRESHOLD}. */
  threshold?: number
}

/**
 * The average cosine similarity at which notes form a theme: 0.25.
 *
 * Chosen on the reference day (Winnenden 2019, 478 notes of 11 tables; run
 * `printReferenceThemes.ts sweep` and read `printReferenceThemes.ts`):
 *
 * | threshold | themes | notes in them | spanning ≥ 3 tables | notes holding the title's term |
 * | --------- | ------ | ------------- | ------------------- | ------------------------------ |
 * | 0.15      | 80     | 312           | 42                  | 97 %                           |
 * | 0.20      | 81     | 273           | 33                  | 99 %                           |
 * | 0.25      | 76     | 231           | 22                  | 100 %                          |
 * | 0.30      | 69     | 195           | 15                  | 100 %                          |
 * | 0.35      | 64     | 172           | 13                  | 100 %                          |
 *
 * 0.25 is the lowest threshold at which every note of every theme holds the
 * term its title starts with. Below it average linkage starts to take in
 * notes through what they share with part of a theme: at 0.20 "Zentrum für
 * internationale Begegnung" joins "Lebensmittelladen im Ort" and the other
 * services "im Ort", and "Offenes Ohr für notwendige strukturelle
 * Veränderungen" joins "Forderung nach Veränderung". Above it themes a
 * reader accepts fall apart into pairs: at 0.30 seven fewer themes span
 * three tables ("Aufklärung", "Schulen" and "Bildung" among them). Read as
 * an organiser would, the themes at 0.25 hold together; the weakest rest on
 * one word in two senses ("Situation": "aktuelle Situation" and "schwierige
 * Situationen").
 */
export const THEME_THRESHOLD = 0.25

/** How many shared terms a theme lists. */
const MAX_TERMS = 5

/**
 * Proposes cross-table themes for a café day: groups of similar notes from at
 * least two different tables, for the organiser to take into the plenary.
 * Offline, deterministic, and nothing is stored.
 *
 * Method:
 * 1. Each note is analysed (`analyseNotes`): read as German or English
 *    (`themeLanguage`, which asks `noteLanguage`), stop words left out,
 *    stemmed (Snowball German, Porter English), German compounds split into
 *    the words the day's notes use ("Kinderbetreuungsangebote" →
 *    kinderbetreuung, betreuungsangebote, kind, betreuung, angebote) at half
 *    a word's weight, or when the day wrote no split of it, read as the long
 *    word it starts or ends with at a word's weight ("Kinderbetreuung" on a
 *    day without "Angebote"); German non-nouns at half a noun's.
 * 2. Notes become TF-IDF vectors over those terms; two notes are as similar
 *    as the cosine of their vectors.
 * 3. Average-linkage agglomerative clustering merges the most similar groups
 *    while their average similarity is at least the threshold
 *    ({@link THEME_THRESHOLD}, 0.25, and why).
 * 4. A group with notes from two tables or more is a theme; each note is in
 *    one group, so in at most one theme. Its title is the terms its notes
 *    share, shown as typed.
 *
 * Themes come largest first, then by title. The result does not depend on
 * the order of the notes given: they are compared in the order of their ids,
 * and only given back in the order they came.
 */
export function suggestThemes(
  notes: readonly ThemeNote[],
  options: SuggestThemesOptions = {},
): Theme[] {
  const threshold = options.threshold ?? THEME_THRESHOLD
  if (!(threshold > 0 && threshold <= 1))
    throw new RangeError(`threshold ${threshold} not in (0, 1]`)

  const analysis = analyseNotes(notes, options)
  const day = analysis.notes.map((item) => ({ ...item, tableId: item.note.tableId }))
  const similarity = similarityMatrix(day.map((item) => item.vector))

  // Ties of size and title go to the group of the first note in id order.
  const themes: Array<Theme & { first: number }> = []
  for (const cluster of averageLinkage(similarity, day.length, threshold)) {
    const members = cluster.map((index) => day[index]!)
    if (new Set(members.map((member) => member.tableId)).size < 2) continue
    const shared = sharedTerms(members, analysis.idf, day)
    members.sort((a, b) => a.index - b.index)
    themes.push({
      title: themeTitle(shared, members.length),
      terms: shared.slice(0, MAX_TERMS).map((term) => term.surface),
      // Exactly the note's four fields, whatever else the caller's objects carry.
      notes: members.map(({ note: { tableId, stationId, noteId, text } }) => ({
        tableId,
        stationId,
        noteId,
        text,
      })),
      first: cluster[0]!,
    })
  }
  return themes
    .sort(
      (a, b) =>
        b.notes.length - a.notes.length ||
        (a.title < b.title ? -1 : a.title > b.title ? 1 : 0) ||
        a.first - b.first,
    )
    .map(({ first: _, ...theme }) => theme)
}
