import { describe, expect, it } from 'vitest'
import {
  initialThemesState,
  offeredSuggestions,
  themesBody,
  themesReducer,
  type ThemeEdit,
  type ThemesState,
} from './themeEdits'

function run(state: ThemesState, ...edits: ThemeEdit[]): ThemesState {
  return edits.reduce(themesReducer, state)
}

const saved = run(initialThemesState, {
  type: 'loaded',
  themes: [
    { title: 'Kinderbetreuung', noteIds: ['a', 'b'] },
    { title: 'Sprachkurse', noteIds: ['c'] },
    { title: 'Wohnen', noteIds: ['d', 'e'] },
  ],
})
const [child, language, housing] = saved.themes.map((theme) => theme.key) as [
  string,
  string,
  string,
]

describe('theme edits', () => {
  it('saves what the organiser sees, in the order shown', () => {
    expect(themesBody(saved)).toEqual({
      themes: [
        { title: 'Kinderbetreuung', noteIds: ['a', 'b'] },
        { title: 'Sprachkurse', noteIds: ['c'] },
        { title: 'Wohnen', noteIds: ['d', 'e'] },
      ],
    })
  })

  it('offers suggestions without the notes saved themes already hold, and says how many', () => {
    const state = run(saved, {
      type: 'suggested',
      suggestions: [
        { title: 'Betreuung', noteIds: ['a', 'f', 'g'] },
        { title: 'Wohnen', noteIds: ['d', 'e'] },
      ],
    })
    const offered = offeredSuggestions(state)
    expect(offered).toHaveLength(1)
    expect(offered[0]).toMatchObject({ title: 'Betreuung', noteIds: ['f', 'g'], alreadySaved: 1 })
    // Suggestions are not saved themes.
    expect(themesBody(state)).toEqual(themesBody(saved))
  })

  it('accepts a suggestion as a saved theme and drops one without saving it', () => {
    let state = run(saved, {
      type: 'suggested',
      suggestions: [
        { title: 'Betreuung', noteIds: ['a', 'f'] },
        { title: 'Arbeit', noteIds: ['h', 'i'] },
      ],
    })
    const [care, work] = state.suggestions.map((entry) => entry.key) as [string, string]
    state = run(state, { type: 'accept', key: care }, { type: 'discard', key: work })
    expect(state.suggestions).toEqual([])
    expect(themesBody(state).themes.at(-1)).toEqual({ title: 'Betreuung', noteIds: ['f'] })
    expect(themesBody(state).themes).toHaveLength(4)
  })

  it('renames with the title trimmed, and keeps the old title for an empty one', () => {
    let state = run(saved, { type: 'rename', key: child, title: '  Betreuung für Kinder  ' })
    expect(state.themes[0]?.title).toBe('Betreuung für Kinder')
    state = run(state, { type: 'rename', key: child, title: '   ' })
    expect(state.themes[0]?.title).toBe('Betreuung für Kinder')
    state = run(state, { type: 'rename', key: child, title: 'x'.repeat(300) })
    expect(state.themes[0]?.title).toHaveLength(200)
  })

  it('merges into the first chosen theme in the order shown, with every note once', () => {
    const state = run(saved, { type: 'merge', keys: [housing, child] })
    expect(themesBody(state).themes).toEqual([
      { title: 'Kinderbetreuung', noteIds: ['a', 'b', 'd', 'e'] },
      { title: 'Sprachkurse', noteIds: ['c'] },
    ])
    expect(run(saved, { type: 'merge', keys: [child] })).toBe(saved)
  })

  it('merges a theme dropped onto another into the one it was dropped on', () => {
    const state = run(saved, { type: 'merge', keys: [housing, child], into: housing })
    expect(themesBody(state).themes).toEqual([
      { title: 'Sprachkurse', noteIds: ['c'] },
      { title: 'Wohnen', noteIds: ['d', 'e', 'a', 'b'] },
    ])
  })

  it('splits chosen notes off into a new theme right after the old one', () => {
    const state = run(saved, { type: 'split', key: housing, noteIds: ['e'], title: 'Mieten' })
    expect(themesBody(state).themes).toEqual([
      { title: 'Kinderbetreuung', noteIds: ['a', 'b'] },
      { title: 'Sprachkurse', noteIds: ['c'] },
      { title: 'Wohnen', noteIds: ['d'] },
      { title: 'Mieten', noteIds: ['e'] },
    ])
    // Notes of another theme are not taken along.
    expect(run(saved, { type: 'split', key: housing, noteIds: ['a'], title: 'X' })).toBe(saved)
  })

  it('moves a note to another theme, out of the one it stood in', () => {
    const state = run(saved, { type: 'move', noteId: 'a', to: language })
    expect(themesBody(state).themes).toEqual([
      { title: 'Kinderbetreuung', noteIds: ['b'] },
      { title: 'Sprachkurse', noteIds: ['c', 'a'] },
      { title: 'Wohnen', noteIds: ['d', 'e'] },
    ])
    // Never twice: a note dropped on its own theme stays where it is.
    expect(run(saved, { type: 'move', noteId: 'a', to: child })).toBe(saved)
  })

  it('keeps every note in one theme at most through any edits', () => {
    const state = run(
      saved,
      { type: 'suggested', suggestions: [{ title: 'Alles', noteIds: ['a', 'b', 'c', 'x'] }] },
      { type: 'move', noteId: 'c', to: child },
      { type: 'split', key: child, noteIds: ['c', 'a'], title: 'Neu' },
    )
    const accepted = run(state, { type: 'accept', key: state.suggestions[0]?.key ?? '' })
    const ids = themesBody(accepted).themes.flatMap((theme) => theme.noteIds)
    expect(ids.sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'x'])
  })

  it('dissolves a theme: its notes stand in no theme any more', () => {
    const state = run(saved, { type: 'dissolve', key: language })
    expect(themesBody(state).themes.map((theme) => theme.title)).toEqual([
      'Kinderbetreuung',
      'Wohnen',
    ])
  })

  it('forgets notes the server no longer has, leaving the rest of each theme', () => {
    const state = run(saved, { type: 'forget', noteIds: ['b', 'd'] })
    expect(themesBody(state).themes.map((theme) => theme.noteIds)).toEqual([['a'], ['c'], ['e']])
    expect(run(saved, { type: 'forget', noteIds: ['zz'] })).toBe(saved)
  })
})
