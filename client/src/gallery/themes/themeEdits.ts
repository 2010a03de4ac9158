/**
 * The organiser's edits of the plenary's cross-table themes, as pure
 * functions of plain data: accept or drop a suggestion, rename, merge,
 * split, move a note, dissolve a theme. The view dispatches them; what they
 * return is shown at once and saved (PUT) in the background.
 *
 * Invariant: a note stands in one saved theme at most (the server refuses a
 * duplicate with `duplicate_note`), so every edit that puts a note in a
 * theme takes it out of the others first.
 */

import { THEME_TITLE_MAX_LENGTH, type SaveThemesRequest } from '@tablecloth/shared'

/** A theme as the view edits it; `key` tells themes apart while titles change. */
export interface DraftTheme {
  key: string
  title: string
  noteIds: readonly string[]
}

export interface ThemesState {
  /** The saved themes, in the order the plenary sees them. */
  themes: readonly DraftTheme[]
  /** Suggestions fetched and not yet accepted or dropped; never saved. */
  suggestions: readonly DraftTheme[]
  /** Keys are handed out in turn: the venue's insecure context has no `crypto.randomUUID`. */
  nextKey: number
}

export type ThemeEdit =
  | { type: 'loaded'; themes: readonly { title: string; noteIds: readonly string[] }[] }
  | { type: 'suggested'; suggestions: readonly { title: string; noteIds: readonly string[] }[] }
  | { type: 'accept'; key: string }
  | { type: 'discard'; key: string }
  | { type: 'rename'; key: string; title: string }
  /** Into `into` when given (a theme dropped onto another), else into the first chosen in order. */
  | { type: 'merge'; keys: readonly string[]; into?: string }
  | { type: 'split'; key: string; noteIds: readonly string[]; title: string }
  | { type: 'move'; noteId: string; to: string }
  | { type: 'dissolve'; key: string }
  /** Notes the server no longer has (deleted, or hidden from the results): out of every theme. */
  | { type: 'forget'; noteIds: readonly string[] }

export const initialThemesState: ThemesState = { themes: [], suggestions: [], nextKey: 1 }

/** A title as the server takes it: trimmed, at most {@link THEME_TITLE_MAX_LENGTH} characters; null when empty. */
export function cleanTitle(title: string): string | null {
  const trimmed = title.trim().slice(0, THEME_TITLE_MAX_LENGTH).trim()
  return trimmed === '' ? null : trimmed
}

function withKeys(
  state: ThemesState,
  themes: readonly { title: string; noteIds: readonly string[] }[],
): { drafts: DraftTheme[]; nextKey: number } {
  let nextKey = state.nextKey
  const drafts = themes.map((theme) => ({
    key: `theme-${nextKey++}`,
    title: theme.title,
    noteIds: [...theme.noteIds],
  }))
  return { drafts, nextKey }
}

/** Every note id that already stands in a saved theme. */
export function savedNoteIds(themes: readonly DraftTheme[]): ReadonlySet<string> {
  return new Set(themes.flatMap((theme) => theme.noteIds))
}

/** A suggestion as offered next to the saved themes: its notes already saved left out. */
export interface OfferedSuggestion extends DraftTheme {
  /** How many of its notes were left out because a saved theme holds them. */
  alreadySaved: number
}

/**
 * The suggestions as the view offers them: notes a saved theme already holds
 * are left out (and counted, so the view can say so); a suggestion left with
 * no note is not offered at all.
 */
export function offeredSuggestions(state: ThemesState): OfferedSuggestion[] {
  const saved = savedNoteIds(state.themes)
  return state.suggestions.flatMap((suggestion) => {
    const noteIds = suggestion.noteIds.filter((id) => !saved.has(id))
    if (noteIds.length === 0) return []
    return [{ ...suggestion, noteIds, alreadySaved: suggestion.noteIds.length - noteIds.length }]
  })
}

/** Takes notes out of every saved theme (themes left empty stay, for the organiser to fill or dissolve). */
function withoutNotes(themes: readonly DraftTheme[], noteIds: ReadonlySet<string>): DraftTheme[] {
  return themes.map((theme) =>
    theme.noteIds.some((id) => noteIds.has(id))
      ? { ...theme, noteIds: theme.noteIds.filter((id) => !noteIds.has(id)) }
      : theme,
  )
}

export function themesReducer(state: ThemesState, edit: ThemeEdit): ThemesState {
  switch (edit.type) {
    case 'loaded': {
      const { drafts, nextKey } = withKeys(state, edit.themes)
      return { ...state, themes: drafts, nextKey }
    }
    case 'suggested': {
      const { drafts, nextKey } = withKeys(state, edit.suggestions)
      return { ...state, suggestions: drafts, nextKey }
    }
    case 'accept': {
      const offered = offeredSuggestions(state).find((entry) => entry.key === edit.key)
      const suggestions = state.suggestions.filter((entry) => entry.key !== edit.key)
      if (!offered) return { ...state, suggestions }
      const accepted: DraftTheme = {
        key: offered.key,
        title: offered.title,
        noteIds: offered.noteIds,
      }
      return { ...state, themes: [...state.themes, accepted], suggestions }
    }
    case 'discard':
      return { ...state, suggestions: state.suggestions.filter((entry) => entry.key !== edit.key) }
    case 'rename': {
      const title = cleanTitle(edit.title)
      if (title === null) return state
      return {
        ...state,
        themes: state.themes.map((theme) => (theme.key === edit.key ? { ...theme, title } : theme)),
      }
    }
    case 'merge': {
      // The theme merged into keeps its title and place: the one dropped onto, or the
      // first of the chosen in the plenary's order; its notes come first.
      const chosen = state.themes.filter((theme) => edit.keys.includes(theme.key))
      const first = chosen.find((theme) => theme.key === edit.into) ?? chosen[0]
      const rest = chosen.filter((theme) => theme !== first)
      if (!first || rest.length === 0) return state
      const noteIds = [...new Set([first, ...rest].flatMap((theme) => theme.noteIds))]
      const merged = new Set(rest.map((theme) => theme.key))
      return {
        ...state,
        themes: state.themes
          .filter((theme) => !merged.has(theme.key))
          .map((theme) => (theme.key === first.key ? { ...theme, noteIds } : theme)),
      }
    }
    case 'split': {
      const source = state.themes.find((theme) => theme.key === edit.key)
      const title = cleanTitle(edit.title)
      if (!source || title === null) return state
      const taken = new Set(edit.noteIds.filter((id) => source.noteIds.includes(id)))
      if (taken.size === 0) return state
      const split: DraftTheme = {
        key: `theme-${state.nextKey}`,
        title,
        noteIds: source.noteIds.filter((id) => taken.has(id)),
      }
      // The new theme follows the one it came from, so the plenary finds it there.
      const themes = state.themes.flatMap((theme) =>
        theme.key === source.key
          ? [{ ...theme, noteIds: theme.noteIds.filter((id) => !taken.has(id)) }, split]
          : [theme],
      )
      return { ...state, themes, nextKey: state.nextKey + 1 }
    }
    case 'move': {
      const target = state.themes.find((theme) => theme.key === edit.to)
      if (!target || target.noteIds.includes(edit.noteId)) return state
      const themes = withoutNotes(state.themes, new Set([edit.noteId])).map((theme) =>
        theme.key === edit.to ? { ...theme, noteIds: [...theme.noteIds, edit.noteId] } : theme,
      )
      return { ...state, themes }
    }
    case 'dissolve':
      return { ...state, themes: state.themes.filter((theme) => theme.key !== edit.key) }
    case 'forget': {
      const gone = new Set(edit.noteIds)
      if (!state.themes.some((theme) => theme.noteIds.some((id) => gone.has(id)))) return state
      return { ...state, themes: withoutNotes(state.themes, gone) }
    }
    default: {
      const unknownEdit: never = edit
      throw new Error(`unknown theme edit ${JSON.stringify(unknownEdit)}`)
    }
  }
}

/** Whether an edit changes the saved themes (and so must be saved); suggestions are never saved. */
export function changesSavedThemes(before: ThemesState, after: ThemesState): boolean {
  return before.themes !== after.themes
}

/** The body of `PUT /api/events/:id/themes` for the saved themes as they stand. */
export function themesBody(state: ThemesState): SaveThemesRequest {
  return {
    themes: state.themes.map((theme) => ({ title: theme.title, noteIds: [...theme.noteIds] })),
  }
}
