import { create } from 'zustand'
import type {
  HiddenNote,
  HiddenNotesResponse,
  HideNoteRequest,
  HideNoteResponse,
  Results,
} from '@tablecloth/shared'
import { ApiError } from '../../api/apiClient'
import { useControlStore } from '../controlStore'
import {
  fetchResultsFile,
  hiddenNotesPath,
  organiserRequest,
  resultsPath,
  saveDownload,
  type ExportFormat,
} from './resultsApi'
import { buildReview, reviewOrder, type ReviewOrder } from './reviewModel'

/** The last thing done to a note, for the panel to announce. */
export interface NoteChange {
  kind: 'hidden' | 'shown'
  noteId: string
  text: string
}

export interface NoteFailure {
  kind: 'hide' | 'show'
  noteId: string
  error: ApiError
}

export type DownloadState =
  | { state: 'busy'; format: ExportFormat }
  | { state: 'done'; format: ExportFormat; fileName: string }
  | { state: 'failed'; format: ExportFormat; error: ApiError }

interface ResultsState {
  /** What the downloads and the review list are narrowed to; '' is all. */
  table: string
  station: string
  /** The results as `results.json` gave them last: hidden notes left out. */
  results: Results | null
  hidden: HiddenNote[]
  /** Where each note stood the last time the review list showed it. */
  order: ReviewOrder
  loading: boolean
  /** When the list was last loaded (ISO 8601). */
  loadedAt: string | null
  loadError: ApiError | null
  /** Notes being hidden or shown right now. */
  pending: ReadonlySet<string>
  lastChange: NoteChange | null
  noteFailure: NoteFailure | null
  download: DownloadState | null
  narrow(change: { table?: string; station?: string }): void
  /** Loads the results (hidden notes left out) and the hidden notes. */
  load(): Promise<void>
  hide(noteId: string, tableId: string, text: string): Promise<void>
  show(noteId: string, text: string): Promise<void>
  downloadAs(format: ExportFormat, language: string): Promise<void>
  /** Forgets everything, e.g. when another event's control room opens. */
  reset(): void
}

const INITIAL = {
  table: '',
  station: '',
  results: null,
  hidden: [],
  order: new Map<string, readonly string[]>(),
  loading: false,
  loadedAt: null,
  loadError: null,
  pending: new Set<string>(),
  lastChange: null,
  noteFailure: null,
  download: null,
} satisfies Partial<ResultsState>

/** The event and organiser token the control room holds (in memory only). */
function access(): { eventId: string; token: string | null } {
  const { eventId, token } = useControlStore.getState()
  if (!eventId) throw new ApiError(0, 'internal', 'the control room has no event open')
  return { eventId, token }
}

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'internal', String(error))
}

/**
 * The control room's results panel: the downloads, and the review before
 * publishing. Every call carries the organiser token in its header.
 */
export const useResultsStore = create<ResultsState>((set, get) => {
  /** Only the latest load may write its answer; an older one answers for an old narrowing. */
  let loads = 0

  const withPending = (noteId: string, pending: boolean) => {
    const next = new Set(get().pending)
    if (pending) next.add(noteId)
    else next.delete(noteId)
    set({ pending: next })
  }

  /**
   * Hides or shows a note, then reloads the list, also after a failure (a
   * note that is gone leaves it). The note stays pending until the list shows
   * the outcome, so its button cannot be pressed twice meanwhile.
   */
  const change = async (
    noteId: string,
    kind: NoteFailure['kind'],
    request: (where: { eventId: string; token: string | null }) => Promise<NoteChange>,
  ): Promise<void> => {
    if (get().pending.has(noteId)) return
    withPending(noteId, true)
    set({ noteFailure: null })
    let done: NoteChange | null = null
    try {
      done = await request(access())
    } catch (error) {
      set({ noteFailure: { kind, noteId, error: asApiError(error) } })
    }
    try {
      await get().load()
    } finally {
      withPending(noteId, false)
      if (done) set({ lastChange: done })
    }
  }

  return {
    ...INITIAL,

    narrow(change) {
      set(change)
      void get().load()
    },

    async load() {
      const load = ++loads
      set({ loading: true })
      try {
        const { eventId, token } = access()
        const { table, station } = get()
        const [results, { hiddenNotes }] = await Promise.all([
          organiserRequest<Results>('GET', resultsPath(eventId, 'json', { table, station }), token),
          organiserRequest<HiddenNotesResponse>('GET', hiddenNotesPath(eventId), token),
        ])
        if (load !== loads) return
        const order = reviewOrder(buildReview(results, hiddenNotes, get().order))
        set({
          results,
          hidden: hiddenNotes,
          order,
          loadedAt: new Date().toISOString(),
          loadError: null,
          loading: false,
        })
      } catch (error) {
        if (load !== loads) return
        set({ loadError: asApiError(error), loading: false })
      }
    },

    async hide(noteId, tableId, text) {
      const body: HideNoteRequest = { tableId }
      await change(noteId, 'hide', async ({ eventId, token }) => {
        await organiserRequest<HideNoteResponse>(
          'PUT',
          hiddenNotesPath(eventId, noteId),
          token,
          body,
        )
        return { kind: 'hidden', noteId, text }
      })
    },

    async show(noteId, text) {
      await change(noteId, 'show', async ({ eventId, token }) => {
        await organiserRequest<null>('DELETE', hiddenNotesPath(eventId, noteId), token)
        return { kind: 'shown', noteId, text }
      })
    },

    async downloadAs(format, language) {
      if (get().download?.state === 'busy') return
      set({ download: { state: 'busy', format } })
      try {
        const { eventId, token } = access()
        const { table, station } = get()
        const file = await fetchResultsFile(
          resultsPath(eventId, format, { table, station }, language),
          token,
          `results.${format}`,
        )
        saveDownload(file)
        set({ download: { state: 'done', format, fileName: file.fileName } })
      } catch (error) {
        set({ download: { state: 'failed', format, error: asApiError(error) } })
      }
    },

    reset() {
      loads++
      set({ ...INITIAL, order: new Map(), pending: new Set() })
    },
  }
})
