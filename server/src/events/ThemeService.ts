import {
  resolveThemes,
  suggestThemes,
  themeNotesOf,
  type Theme,
  type ThemeNote,
  type SaveThemesRequest,
  type SuggestThemesResponse,
  type ThemeSelection,
  type ThemesResponse,
} from '@tablecloth/shared'
import { ConflictError, DuplicateNoteError, UnknownNotesError } from '../domain/errors'
import { DamagedThemesError, type ThemeStore } from '../store/themeStore'
import type { ResultsService } from './ResultsService'

/** How many offending ids an error message names; `details.noteIds` has them all. */
const IDS_IN_MESSAGE = 10

/**
 * Cross-table themes for the plenary (docs/results.md, "Querschnittsthemen"):
 * suggestions computed from the day's notes, the set the organiser keeps,
 * and that set read back with each note's text and place. Every reading
 * goes through the results, so themes show exactly the notes the exports
 * show: snapshots for ended stations, the live board for the running one,
 * hidden notes left out.
 */
export class ThemeService {
  constructor(
    private readonly deps: {
      results: ResultsService
      themes: ThemeStore
      /**
       * Where the clustering runs. The app hands in a worker thread's
       * (`suggestThemesInWorker`): on a full day it takes about a second of
       * CPU, which on the main thread would hold up every board's sync.
       * Without one it runs here.
       */
      suggest?: (notes: ThemeNote[]) => Promise<Theme[]>
    },
  ) {}

  /** Themes proposed from the event's notes. Nothing is saved. */
  async suggest(eventId: string): Promise<SuggestThemesResponse> {
    const { results } = await this.deps.results.gather(eventId, {}, { withoutThemes: true })
    const notes = themeNotesOf(results)
    const suggest = this.deps.suggest ?? (async (given: ThemeNote[]) => suggestThemes(given))
    return { themes: await suggest(notes) }
  }

  /**
   * Replaces the event's saved themes. Each note may stand in one theme
   * only, and every id must name a note the event's results show or one the
   * saved themes already hold; otherwise nothing is saved.
   */
  async save(eventId: string, request: SaveThemesRequest): Promise<ThemesResponse> {
    // Reading the boards costs the most, so the request's own rule is checked first.
    const duplicates = duplicateIds(request.themes)
    if (duplicates.length > 0) {
      throw new DuplicateNoteError(
        `A note may stand in one theme only: ${listed(duplicates)}`,
        'themes',
        { noteIds: duplicates },
      )
    }
    const { results } = await this.deps.results.gather(eventId, {}, { withoutThemes: true })
    // A note hidden or deleted since it was saved keeps its place in its
    // theme (see `get`), and a client sends the whole set back with every
    // edit; refusing those ids would make any later edit fail.
    const known = new Set([
      ...themeNotesOf(results).map((note) => note.noteId),
      ...this.saved(eventId).flatMap((theme) => theme.noteIds),
    ])
    const unknown = request.themes
      .flatMap((theme) => theme.noteIds)
      .filter((noteId) => !known.has(noteId))
    if (unknown.length > 0) {
      throw new UnknownNotesError(
        `No note of this event's results has the id ${listed(unknown)}`,
        'themes',
        { noteIds: unknown },
      )
    }
    this.deps.themes.save(eventId, request.themes)
    return {
      themes: resolveThemes(results.tables, request.themes).map(withIds(request.themes)),
      editable: true,
    }
  }

  /**
   * The saved themes, each note resolved against the current results. A note
   * deleted or hidden since keeps its id in `noteIds` but has no entry in
   * `notes`; shown again, it is back in its theme without the organiser saving anew.
   */
  async get(eventId: string, editable: boolean): Promise<ThemesResponse> {
    const { results } = await this.deps.results.gather(eventId, {}, { withoutThemes: true })
    const saved = this.saved(eventId)
    return { themes: resolveThemes(results.tables, saved).map(withIds(saved)), editable }
  }

  private saved(eventId: string): ThemeSelection[] {
    try {
      return this.deps.themes.list(eventId)
    } catch (error) {
      if (!(error instanceof DamagedThemesError)) throw error
      throw new ConflictError('The saved themes cannot be read; saving them again replaces them')
    }
  }
}

/** Pairs each resolved theme with the ids it was saved with. */
function withIds(selections: readonly ThemeSelection[]) {
  return <T extends { title: string }>(theme: T, index: number) => ({
    ...theme,
    noteIds: [...selections[index]!.noteIds],
  })
}

/** Ids named more than once across all themes (or twice in one), each once, in order of first repeat. */
function duplicateIds(themes: readonly ThemeSelection[]): string[] {
  const seen = new Set<string>()
  const repeated = new Set<string>()
  for (const noteId of themes.flatMap((theme) => theme.noteIds)) {
    if (seen.has(noteId)) repeated.add(noteId)
    seen.add(noteId)
  }
  return [...repeated]
}

function listed(ids: readonly string[]): string {
  const shown = ids.slice(0, IDS_IN_MESSAGE).map((id) => `"${id}"`)
  const more = ids.length - shown.length
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ')
}
