import { create } from 'zustand'
import type {
  CreateEventResponse,
  EventOverview,
  EventView,
  SnapshotSummary,
} from '@tablecloth/shared'
import { ApiError, apiCall } from '../api/apiClient'

export type TimerAction = 'start' | 'pause' | 'resume' | 'reset' | 'extend'

interface ControlState {
  eventId: string | null
  token: string | null
  view: EventView | null
  links: CreateEventResponse['links'] | null
  overview: EventOverview | null
  snapshots: SnapshotSummary[]
  error: ApiError | null
  /** The action in flight, so its button can show progress and not be pressed twice. */
  busy: 'advance' | 'timer' | 'restore' | null
  /** Snapshot kept before the last restore, offered as "undo restore". */
  lastUndo: SnapshotSummary | null
  open(eventId: string, token: string | null): Promise<void>
  refresh(): Promise<void>
  advance(): Promise<void>
  timer(action: TimerAction, seconds?: number): Promise<void>
  /** Restores a board; `undoing` marks the restore of a pre-restore snapshot, which ends the undo offer. */
  restore(snapshotId: string, undoing?: boolean): Promise<void>
}

/**
 * The control room's view of the event. Polls the overview so the organiser
 * sees who is connected and how many notes each column holds; actions go
 * through the HTTP API, and the server pushes the results to every board.
 */
export const useControlStore = create<ControlState>((set, get) => {
  const call = async <T>(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<T> => {
    const { eventId, token } = get()
    return apiCall<T>(method, `/api/events/${eventId}${path}`, { token, body })
  }
  const failed = (error: unknown) => {
    set({ error: error instanceof ApiError ? error : new ApiError(0, 'internal', String(error)) })
  }

  return {
    eventId: null,
    token: null,
    view: null,
    links: null,
    overview: null,
    snapshots: [],
    error: null,
    busy: null,
    lastUndo: null,

    async open(eventId, token) {
      set({ eventId, token, error: null })
      try {
        const [view, links] = await Promise.all([
          call<EventView>('GET', ''),
          call<CreateEventResponse['links']>('GET', '/links'),
        ])
        set({ view, links })
        await get().refresh()
      } catch (error) {
        failed(error)
      }
    },

    async refresh() {
      try {
        const [view, overview, { snapshots }] = await Promise.all([
          call<EventView>('GET', ''),
          call<EventOverview>('GET', '/overview'),
          call<{ snapshots: SnapshotSummary[] }>('GET', '/snapshots'),
        ])
        set({ view, overview, snapshots, error: null })
      } catch (error) {
        failed(error)
      }
    },

    async advance() {
      if (get().busy) return
      set({ busy: 'advance' })
      try {
        const result = await call<{ view: EventView; snapshots: SnapshotSummary[] }>(
          'POST',
          '/stations/next',
        )
        set({ view: result.view })
        await get().refresh()
      } catch (error) {
        failed(error)
      } finally {
        set({ busy: null })
      }
    },

    async timer(action, seconds) {
      set({ busy: 'timer' })
      try {
        const view = await call<EventView>('POST', '/timer', { action, seconds })
        set({ view })
      } catch (error) {
        failed(error)
      } finally {
        set({ busy: null })
      }
    },

    async restore(snapshotId, undoing = false) {
      set({ busy: 'restore' })
      try {
        const { undo } = await call<{ undo: SnapshotSummary }>(
          'POST',
          `/snapshots/${snapshotId}/restore`,
        )
        // Undoing a restore is itself kept as a snapshot, but offering to undo
        // the undo under the same label would only confuse.
        set({ lastUndo: undoing ? null : undo })
        await get().refresh()
      } catch (error) {
        failed(error)
      } finally {
        set({ busy: null })
      }
    },
  }
})
