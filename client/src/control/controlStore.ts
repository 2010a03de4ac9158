import { create } from 'zustand'
import {
  ApiErrorCode,
  type CreateEventResponse,
  type EventOverview,
  type EventView,
  type NextStationRequest,
  type RotateLinkRequest,
  type RotateLinkResponse,
  type SnapshotSummary,
} from '@tablecloth/shared'
import { ApiError, apiCall } from '../api/apiClient'
import { rememberLinkToken } from '../app/linkToken'
import { useMyEvents } from '../setup/myEventsStore'
import { watchModerators, type ModeratorWatches } from './moderatorWatch'

export type TimerAction = 'start' | 'pause' | 'resume' | 'reset' | 'extend'

interface ControlState {
  eventId: string | null
  token: string | null
  view: EventView | null
  links: CreateEventResponse['links'] | null
  overview: EventOverview | null
  /** Whose moderator board was there and since when it is gone, per table (see moderatorWatch). */
  moderatorWatches: ModeratorWatches
  snapshots: SnapshotSummary[]
  error: ApiError | null
  /** The action in flight, so its button can show progress and not be pressed twice. */
  busy: 'advance' | 'timer' | 'restore' | 'save' | 'rotate' | 'delete' | null
  /** Snapshot kept before the last restore, offered as "undo restore". */
  lastUndo: SnapshotSummary | null
  open(eventId: string, token: string | null): Promise<void>
  refresh(): Promise<void>
  advance(): Promise<void>
  timer(action: TimerAction, seconds?: number): Promise<void>
  /** Restores a board; `undoing` marks the restore of a pre-restore snapshot, which ends the undo offer. */
  restore(snapshotId: string, undoing?: boolean): Promise<void>
  /** What the last administrative action did, for a status line. */
  notice: ControlNotice | null
  /** Snapshots every board of the running station without moving on. */
  saveNow(): Promise<void>
  /** Gives one link a new token; the old one stops working at once. */
  rotateLink(target: RotateLinkRequest): Promise<void>
  /** Deletes the event and everything stored for it. */
  deleteEvent(): Promise<void>
  /** The event is gone: nothing more to show or refresh. */
  deleted: boolean
}

export type ControlNotice =
  | { kind: 'saved'; count: number }
  | { kind: 'rotated'; target: RotateLinkRequest; link: string }
  /** The station change found the day already moved on (a second click, a second control room). */
  | { kind: 'stationMoved' }

/**
 * The control room's view of the event. Polls the overview so the organiser
 * sees who is connected and how many notes each column holds; actions go
 * through the HTTP API, and the server pushes the results to every board.
 */
export const useControlStore = create<ControlState>((set, get) => {
  const call = async <T>(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<T> => {
    const { eventId, token } = get()
    return apiCall<T>(method, `/api/events/${eventId}${path}`, { token, body })
  }
  const failed = (error: unknown) => {
    set({ error: error instanceof ApiError ? error : new ApiError(0, 'internal', String(error)) })
  }
  /** One administrative action at a time: its button shows it, its notice replaces the last one. */
  const administer = async (kind: 'save' | 'rotate' | 'delete', act: () => Promise<void>) => {
    if (get().busy) return
    set({ busy: kind, notice: null })
    try {
      await act()
    } catch (error) {
      failed(error)
    } finally {
      set({ busy: null })
    }
  }

  return {
    eventId: null,
    token: null,
    view: null,
    links: null,
    overview: null,
    moderatorWatches: {},
    snapshots: [],
    error: null,
    busy: null,
    lastUndo: null,
    notice: null,
    deleted: false,

    async open(eventId, token) {
      set({ eventId, token, error: null, moderatorWatches: {} })
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
      if (get().deleted) return
      try {
        const [view, overview, { snapshots }] = await Promise.all([
          call<EventView>('GET', ''),
          call<EventOverview>('GET', '/overview'),
          call<{ snapshots: SnapshotSummary[] }>('GET', '/snapshots'),
        ])
        const moderatorWatches = watchModerators(get().moderatorWatches, overview, Date.now())
        set({ view, overview, moderatorWatches, snapshots, error: null })
      } catch (error) {
        failed(error)
      }
    },

    async advance() {
      if (get().busy) return
      const from = get().view?.currentStation
      set({ busy: 'advance', notice: null })
      try {
        // The station this page shows as running: if the day is no longer
        // there, the server answers 409 rather than move it on a second time.
        const body: NextStationRequest = from === undefined ? {} : { from }
        const result = await call<{ view: EventView; snapshots: SnapshotSummary[] }>(
          'POST',
          '/stations/next',
          body,
        )
        set({ view: result.view })
        await get().refresh()
      } catch (error) {
        if (isStationMoved(error)) {
          set({ notice: { kind: 'stationMoved' } })
          await get().refresh()
        } else {
          failed(error)
        }
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

    saveNow: () =>
      administer('save', async () => {
        const { snapshots } = await call<{ snapshots: SnapshotSummary[] }>('POST', '/snapshots')
        set({ notice: { kind: 'saved', count: snapshots.length } })
        await get().refresh()
      }),

    rotateLink: (target) =>
      administer('rotate', async () => {
        const rotated = await call<RotateLinkResponse>('POST', '/links/rotate', target)
        const { eventId } = get()
        if (target.role === 'organiser') {
          // This page was opened with the old token: from now on it and the
          // device's list of events use the new one.
          rememberLinkToken(rotated.organiserToken)
          if (eventId) useMyEvents.getState().updateControlLink(eventId, rotated.links.control)
        }
        set({
          token: rotated.organiserToken,
          links: rotated.links,
          notice: { kind: 'rotated', target, link: linkOf(rotated.links, target) },
        })
      }),

    deleteEvent: () =>
      administer('delete', async () => {
        await call<null>('DELETE', '')
        const { eventId } = get()
        if (eventId) useMyEvents.getState().forget(eventId)
        set({ deleted: true, view: null, links: null, overview: null, snapshots: [], error: null })
      }),
  }
})

/** The 409 of a station change that started from a station no longer running. */
function isStationMoved(error: unknown): boolean {
  return error instanceof ApiError && error.code === ApiErrorCode.Conflict && error.field === 'from'
}

/** The link a rotation produced, to show the organiser once. */
function linkOf(links: CreateEventResponse['links'], target: RotateLinkRequest): string {
  if (target.role === 'organiser') return links.control
  const table = links.tables.find((entry) => entry.id === target.tableId)
  if (target.role === 'viewer') return table ? table.projector : links.gallery
  if (!table) return ''
  return target.role === 'moderator' ? table.board : table.participant
}
