import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ThemeNote } from './analyseNotes'
import { suggestThemes, THEME_THRESHOLD, type Theme } from './suggestThemes'

let counter = 0
const note = (tableId: string, text: string, stationId = 's1'): ThemeNote => ({
  tableId,
  stationId,
  noteId: `n${++counter}`,
  text,
})

const day: ThemeNote[] = [
  note('frauen', 'Kinderbetreuungsangebote fehlen'),
  note('frauen', 'Mutter-Kind-Kurse'),
  note('arbeit', 'Kinderbetreuung fehlt'),
  note('arbeit', 'Angebote der Betriebe'),
  note('wohnen', 'Fehlender Wohnraum'),
  note('wohnen', 'Wohnraum für Familien', 's2'),
  note('gesundheit', 'Dolmetscher in Arztpraxen'),
  note('status', 'Vereidigte Dolmetscher'),
  note('status', 'Wohnraum in der Stadt'),
]

const shape = (themes: Theme[]) =>
  themes.map((theme) => ({ title: theme.title, notes: theme.notes.map((item) => item.noteId) }))

describe('suggestThemes', () => {
  it('gathers similar notes from different tables, titled by what they share', () => {
    const themes = suggestThemes(day)
    const childcare = themes.find((theme) => theme.title.includes('Kinderbetreuung'))
    expect(childcare?.notes.map((item) => item.text)).toEqual([
      'Kinderbetreuungsangebote fehlen',
      'Kinderbetreuung fehlt',
    ])
    expect(themes.find((theme) => theme.title.startsWith('Wohnraum'))?.notes).toHaveLength(3)
    expect(themes.find((theme) => theme.title.startsWith('Dolmetscher'))?.notes).toHaveLength(2)
  })

  it('finds the compound’s theme on a day that never wrote the compound’s other word', () => {
    // Nothing but the compound shares a word: no "Angebote", no "fehlen".
    const themes = suggestThemes([
      note('frauen', 'Kinderbetreuungsangebote ausbauen'),
      note('arbeit', 'Kinderbetreuung fehlt'),
      note('wohnen', 'Mehr Kinderbetreuung am Nachmittag'),
      note('wohnen', 'Wohnungssuche ist schwer'),
      note('status', 'Ehrenamt stärken'),
    ])
    expect(shape(themes).map((theme) => theme.title)).toEqual(['Kinderbetreuung'])
    expect(themes[0]!.notes.map((item) => item.text)).toEqual([
      'Kinderbetreuungsangebote ausbauen',
      'Kinderbetreuung fehlt',
      'Mehr Kinderbetreuung am Nachmittag',
    ])
  })

  it('proposes only themes from two tables or more, each note in one theme at most', () => {
    const sameTable = [
      note('t1', 'Wohnraum fehlt'),
      note('t1', 'Wohnraum teuer'),
      note('t2', 'Kita'),
    ]
    expect(suggestThemes(sameTable)).toEqual([])
    const themes = suggestThemes(day)
    for (const theme of themes) {
      expect(new Set(theme.notes.map((item) => item.tableId)).size).toBeGreaterThanOrEqual(2)
    }
    const ids = themes.flatMap((theme) => theme.notes.map((item) => item.noteId))
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('lists themes largest first, then by title, and each theme’s notes as given', () => {
    const themes = suggestThemes(day)
    for (let at = 1; at < themes.length; at++) {
      const [before, after] = [themes[at - 1]!, themes[at]!]
      expect(
        before.notes.length > after.notes.length ||
          (before.notes.length === after.notes.length && before.title <= after.title),
      ).toBe(true)
    }
    for (const theme of themes) {
      const positions = theme.notes.map((item) =>
        day.findIndex((given) => given.noteId === item.noteId),
      )
      expect(positions).toEqual([...positions].sort((a, b) => a - b))
    }
  })

  it('does not depend on the order of the notes', () => {
    const sorted = (themes: Theme[]) =>
      shape(themes).map((theme) => ({ ...theme, notes: [...theme.notes].sort() }))
    const expected = sorted(suggestThemes(day))
    fc.assert(
      fc.property(fc.shuffledSubarray(day, { minLength: day.length }), (shuffled) => {
        expect(sorted(suggestThemes(shuffled))).toEqual(expected)
      }),
      { numRuns: 30 },
    )
  })

  it('gives back a note’s table, station, id and text, nothing else it had', () => {
    const withMore = day.map((item) => ({ ...item, author: 'Cora', votes: 3 }))
    for (const item of suggestThemes(withMore).flatMap((theme) => theme.notes)) {
      expect(Object.keys(item).sort()).toEqual(['noteId', 'stationId', 'tableId', 'text'])
    }
  })

  it('takes a note given twice once, and leaves the notes given as they were', () => {
    const frozen = Object.freeze(day.map((item) => Object.freeze({ ...item })))
    const once = suggestThemes(frozen)
    expect(suggestThemes([...frozen, ...frozen])).toEqual(once)
  })

  it('reads English notes in English', () => {
    const themes = suggestThemes([
      note('t1', 'We need more childcare'),
      note('t2', 'Childcare places are missing'),
      note('t3', 'Housing is too expensive'),
    ])
    expect(shape(themes)).toEqual([
      { title: 'Childcare', notes: [counter - 2, counter - 1].map((n) => `n${n}`) },
    ])
  })

  it('takes a threshold between 0 and 1, and no notes make no themes', () => {
    expect(suggestThemes([])).toEqual([])
    expect(THEME_THRESHOLD).toBeGreaterThan(0)
    for (const threshold of [0, -0.1, 1.5, Number.NaN]) {
      expect(() => suggestThemes(day, { threshold })).toThrow(RangeError)
    }
    expect(suggestThemes(day, { threshold: 1 })).toEqual([])
    expect(suggestThemes(day, { threshold: 0.05 }).length).toBeGreaterThan(0)
  })
})
