import { describe, expect, it } from 'vitest'
import { REFERENCE_NOTES } from '../../testing/referenceNotes'
import { referenceThemeNotes } from '../../testing/referenceThemeNotes'
import { analyseNotes, type ThemeNote } from './analyseNotes'
import { suggestThemes, type Theme } from './suggestThemes'
import { TITLE_SEPARATOR } from './themeTitle'

/**
 * The suggestions for a real café day (Winnenden 2019, 478 notes, 11
 * tables), judged as the organiser preparing the plenary would. The themes
 * themselves, and the time the day takes, are printed by
 * `testing/printReferenceThemes.ts`.
 */
describe('themes of the reference day', () => {
  const notes = referenceThemeNotes()
  const themes = suggestThemes(notes)
  const tablesOf = (theme: Theme) => new Set(theme.notes.map((note) => note.tableId)).size
  const key = (note: ThemeNote) => `${note.tableId}/${note.stationId}/${note.noteId}`

  it('finds many cross-table themes, a good number of them across three tables or more', () => {
    expect(themes.length).toBeGreaterThanOrEqual(50)
    expect(themes.filter((theme) => tablesOf(theme) >= 3).length).toBeGreaterThanOrEqual(15)
    for (const theme of themes) expect(tablesOf(theme)).toBeGreaterThanOrEqual(2)
  })

  it('puts a note in one theme at most', () => {
    const keys = themes.flatMap((theme) => theme.notes.map(key))
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('gathers the day’s childcare notes (Kindergärten, KiGa) from three tables', () => {
    const childcare = /kinderg|kiga|kita|kindertages|kinderbetreu/i
    const theme = themes.find((candidate) =>
      candidate.notes.every((note) => childcare.test(note.text)),
    )
    expect(theme).toBeDefined()
    expect(tablesOf(theme!)).toBeGreaterThanOrEqual(3)
  })

  it('finds the themes that run through the day: volunteers, interpreters, networks', () => {
    const titled = (word: string) => themes.find((theme) => theme.title.startsWith(word))
    expect(tablesOf(titled('Ehrenamt')!)).toBeGreaterThanOrEqual(4)
    expect(tablesOf(titled('Dolmetscher')!)).toBeGreaterThanOrEqual(3)
    expect(tablesOf(titled('Netzwerk')!)).toBeGreaterThanOrEqual(3)
  })

  it('mixes no unrelated notes: every note of a theme holds the term its title starts with', () => {
    const analysis = analyseNotes(notes)
    const termsOf = new Map(
      analysis.notes.map((item) => [key(item.note), new Set(item.terms.map((term) => term.key))]),
    )
    // A title shows a term by a word some note has: that word's term is the title's.
    const keyOfWord = new Map<string, string>()
    for (const item of analysis.notes) {
      for (const term of item.terms) {
        keyOfWord.set(term.surface, term.key)
        keyOfWord.set(term.surface.charAt(0).toUpperCase() + term.surface.slice(1), term.key)
      }
    }
    for (const theme of themes) {
      const titleKey = keyOfWord.get(theme.title.split(TITLE_SEPARATOR)[0]!)
      expect(titleKey, theme.title).toBeDefined()
      for (const note of theme.notes) {
        expect(termsOf.get(key(note))!.has(titleKey!), `${theme.title}: ${note.text}`).toBe(true)
      }
    }
  })

  it('is deterministic: the same day gives the same themes, in any order of its notes', () => {
    expect(suggestThemes(notes)).toEqual(themes)
    const reversed = suggestThemes([...notes].reverse())
    const asSets = (list: Theme[]) =>
      list.map((theme) => ({ title: theme.title, notes: theme.notes.map(key).sort() }))
    expect(asSets(reversed)).toEqual(asSets(themes))
  })

  it('leaves most notes where they are: a theme is what several tables share', () => {
    const inThemes = themes.reduce((sum, theme) => sum + theme.notes.length, 0)
    expect(inThemes).toBeLessThan(REFERENCE_NOTES.length / 2)
  })
})
