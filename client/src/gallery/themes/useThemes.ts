import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import type { SuggestThemesResponse, ThemesResponse } from '@tablecloth/shared'
import { ApiError } from '../../api/apiClient'
import { themesApi } from './themesApi'
import {
  changesSavedThemes,
  initialThemesState,
  themesBody,
  themesReducer,
  type ThemeEdit,
  type ThemesState,
} from './themeEdits'
import { ThemeSaver, type SaveStatus } from './ThemeSaver'

/** What the view needs to show a note: its text and where it was written. */
export interface ThemeNoteInfo {
  tableId: string
  stationId: string
  text: string
}

export type ThemesLoad =
  | { phase: 'loading' }
  | { phase: 'ready' }
  | { phase: 'failed'; error: ApiError }

/** How often a read-only screen looks for the organiser's changes. */
const READ_ONLY_REFRESH_MS = 15_000

export interface Themes {
  load: ThemesLoad
  /** The organiser may edit (`editable` from GET); the gallery link only reads. */
  editable: boolean
  state: ThemesState
  /** Every note the view has heard of, by id: from saved themes and from suggestions. */
  notes: ReadonlyMap<string, ThemeNoteInfo>
  edit(edit: ThemeEdit): void
  suggest(): void
  suggesting: boolean
  suggestError: ApiError | null
  saveStatus: SaveStatus
}

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'internal', String(error))
}

/** The note ids an `unknown_notes` refusal names (in `details.noteIds`). */
function goneNoteIds(error: ApiError): string[] {
  if (error.code !== 'unknown_notes') return []
  const details = error.details as { noteIds?: unknown } | undefined
  const ids = details?.noteIds
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : []
}

function catalogued(
  known: ReadonlyMap<string, ThemeNoteInfo>,
  notes: readonly { noteId: string; tableId: string; stationId: string; text: string }[],
): ReadonlyMap<string, ThemeNoteInfo> {
  if (notes.length === 0) return known
  const next = new Map(known)
  for (const note of notes) {
    next.set(note.noteId, { tableId: note.tableId, stationId: note.stationId, text: note.text })
  }
  return next
}

/**
 * The event's cross-table themes for the gallery's "Themen" view: loaded
 * with the link's token, edited optimistically by the organiser (every edit
 * goes through `themesReducer` and is saved whole by a {@link ThemeSaver}),
 * and reloaded now and then on a read-only screen so the plenary sees what
 * the organiser settles.
 */
export function useThemes(eventId: string, token: string): Themes {
  const api = useMemo(() => themesApi(eventId, token), [eventId, token])
  const [load, setLoad] = useState<ThemesLoad>({ phase: 'loading' })
  const [editable, setEditable] = useState(false)
  const [state, setState] = useState<ThemesState>(initialThemesState)
  const stateRef = useRef(state)
  const [notes, setNotes] = useState<ReadonlyMap<string, ThemeNoteInfo>>(new Map())
  const [suggesting, setSuggesting] = useState(false)
  const [suggestError, setSuggestError] = useState<ApiError | null>(null)

  const apply = useCallback((edit: ThemeEdit): ThemesState => {
    const before = stateRef.current
    const after = themesReducer(before, edit)
    stateRef.current = after
    setState(after)
    return before
  }, [])

  const received = useCallback((response: ThemesResponse) => {
    setEditable(response.editable)
    setNotes((known) =>
      catalogued(
        known,
        response.themes.flatMap((theme) => theme.notes),
      ),
    )
  }, [])

  const saver = useMemo(() => {
    // A note hidden or deleted since it was saved makes the server refuse the
    // whole save (`unknown_notes`, naming it): the note is gone from every
    // format anyway, so it leaves the themes and the rest is saved.
    const repair = (error: ApiError) => {
      const gone = goneNoteIds(error)
      if (gone.length === 0) return null
      apply({ type: 'forget', noteIds: gone })
      return themesBody(stateRef.current)
    }
    return new ThemeSaver(api.save, received, undefined, repair)
  }, [api, received, apply])
  useEffect(() => () => saver.close(), [saver])
  const saveStatus = useSyncExternalStore(saver.subscribe, saver.getStatus)

  const reload = useCallback(
    (signal: AbortSignal) =>
      api.load(signal).then(
        (response) => {
          // An organiser's unsaved edits are newer than the server's copy.
          if (saver.hasUnsaved()) return
          received(response)
          apply({ type: 'loaded', themes: response.themes })
          setLoad({ phase: 'ready' })
        },
        (error: unknown) => {
          if (signal.aborted) return
          // A screen that already shows themes keeps them when a refresh fails.
          setLoad((current) =>
            current.phase === 'ready' ? current : { phase: 'failed', error: asApiError(error) },
          )
        },
      ),
    [api, apply, received, saver],
  )

  useEffect(() => {
    const controller = new AbortController()
    void reload(controller.signal)
    return () => controller.abort()
  }, [reload])

  useEffect(() => {
    if (editable || load.phase !== 'ready') return
    const controller = new AbortController()
    const timer = setInterval(() => void reload(controller.signal), READ_ONLY_REFRESH_MS)
    return () => {
      clearInterval(timer)
      controller.abort()
    }
  }, [editable, load.phase, reload])

  // Leaving the page with a save still open would lose it: the browser asks first.
  useEffect(() => {
    const onLeave = (event: BeforeUnloadEvent) => {
      if (saver.hasUnsaved()) event.preventDefault()
    }
    window.addEventListener('beforeunload', onLeave)
    return () => window.removeEventListener('beforeunload', onLeave)
  }, [saver])

  const edit = useCallback(
    (change: ThemeEdit) => {
      const before = apply(change)
      if (changesSavedThemes(before, stateRef.current)) saver.save(themesBody(stateRef.current))
    },
    [apply, saver],
  )

  const suggest = useCallback(() => {
    setSuggesting(true)
    setSuggestError(null)
    api.suggest().then(
      (response: SuggestThemesResponse) => {
        setNotes((known) =>
          catalogued(
            known,
            response.themes.flatMap((theme) => theme.notes),
          ),
        )
        apply({
          type: 'suggested',
          suggestions: response.themes.map((theme) => ({
            title: theme.title,
            noteIds: theme.notes.map((note) => note.noteId),
          })),
        })
        setSuggesting(false)
      },
      (error: unknown) => {
        setSuggestError(asApiError(error))
        setSuggesting(false)
      },
    )
  }, [api, apply])

  return { load, editable, state, notes, edit, suggest, suggesting, suggestError, saveStatus }
}
