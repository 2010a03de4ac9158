import { createStore, type StoreApi } from 'zustand/vanilla'
import {
  PHONE_NOTE_RATE,
  type EventView,
  type RateLimitDetails,
  type Station,
  type ValidationIssue,
} from '@tablecloth/shared'
import { ApiError } from '../api/apiClient'
import type { DraftStorage } from './draftStorage'
import { draftProblem, problemOf, type DraftProblem } from './noteDraft'
import type { PhoneApi } from './phoneApi'
import type { TableChoiceStorage } from './tableChoiceStorage'

/** Where the page stands with the event: loading, usable, or why not. */
export type PhoneLoad =
  | { state: 'loading' }
  | { state: 'ready'; view: EventView }
  | { state: 'refused'; reason: 'invalidLink' | 'notFound' }
  | { state: 'unreachable' }

/** What became of the last attempt to send. Every kind but 'sent' keeps the text. */
export type SendOutcome =
  | { kind: 'sent' }
  | { kind: 'problem'; problem: DraftProblem }
  | { kind: 'rateLimited'; seconds: number }
  | { kind: 'network' }
  | { kind: 'stationChanged' }
  | { kind: 'storage' }
  /** The table's board reached its size cap; the note was not added. */
  | { kind: 'boardFull' }
  | { kind: 'failed'; code: string }

/** The table a group's phone moved to by itself, for the banner that says so. */
export interface SeatMove {
  number: number
  title: string
}

export interface PhoneState {
  load: PhoneLoad
  /**
   * The table notes go to now: a table's phone its own table; a group's
   * phone the table its group sits at, or in free rotation the one chosen
   * for this station; null while a group's phone has to ask (or the plan
   * seats the group nowhere this station).
   */
  table: string | null
  /** Set when a group's phone moved to another table by itself; cleared when dismissed. */
  moved: SeatMove | null
  /** The chosen question of the current station, 0-based; null until one is chosen. */
  column: number | null
  text: string
  sending: boolean
  outcome: SendOutcome | null
  /** True while the server has asked this phone to wait (rate limit). */
  waiting: boolean
  /**
   * The idempotency key of the current draft. It stays while the draft is
   * resent unchanged, so a note whose answer was lost is not added twice, and
   * changes with every edit and after every note sent.
   */
  draftKey: string
  /** Loads the event again: on open, periodically, and when the phone comes back to the page. */
  refresh(): Promise<void>
  chooseColumn(column: number): void
  /** Free rotation: the table the group sits at in this station, remembered on the device. */
  chooseTable(tableId: string): void
  /** Free rotation: forgets this station's table, so the phone asks again. */
  changeTable(): void
  /** Hides the "you are now at table N" banner. */
  dismissMove(): void
  setText(text: string): void
  send(): Promise<void>
}

/** A group's phone link: the group, and where the phone keeps the tables chosen in free rotation. */
export interface GroupPhone {
  groupId: string
  choices: TableChoiceStorage
}

interface CommonDeps {
  api: PhoneApi
  draft: DraftStorage
  /** A fresh random idempotency key. */
  newKey?: () => string
}

/** A table's phone link names its table; a group's phone link its group. */
export type PhoneStoreDeps = CommonDeps &
  ({ tableId: string; group?: undefined } | { group: GroupPhone; tableId?: undefined })

export type PhoneStore = StoreApi<PhoneState>

/** The station running in a view. */
export function currentStation(view: EventView): Station {
  const station = view.config.stations[view.currentStation]
  if (!station) throw new Error(`event ${view.id} has no station ${view.currentStation}`)
  return station
}

/** The phone page's state: the event view, the draft, and what became of sending it. */
export function createPhoneStore(deps: PhoneStoreDeps): PhoneStore {
  const { api, draft, group } = deps
  const newKey = deps.newKey ?? randomKey
  let waitTimer: ReturnType<typeof setTimeout> | undefined

  return createStore<PhoneState>()((set, get) => {
    const refuse = (reason: 'invalidLink' | 'notFound') =>
      set({ load: { state: 'refused', reason }, sending: false })

    /** Where notes go in this view; see `PhoneState.table`. */
    const tableIn = (view: EventView): string | null => {
      if (!group) return deps.tableId ?? null
      if (view.seat) return view.seat.tableId
      if (view.config.rotation.mode !== 'free') return null
      const chosen = group.choices.load(currentStation(view).id)
      return view.config.tables.some((table) => table.id === chosen) ? chosen : null
    }

    const showView = (view: EventView) => {
      const known = group
        ? view.config.groups.some((candidate) => candidate.id === group.groupId)
        : view.config.tables.some((table) => table.id === deps.tableId)
      if (!known) {
        refuse('notFound')
        return
      }
      const { load, column, table: tableBefore } = get()
      const before = load.state === 'ready' ? currentStation(load.view).id : null
      const stationChanged = before !== null && before !== currentStation(view).id
      const table = tableIn(view)
      // A group's phone follows its group: a new table (or a new station at
      // a table) is said out loud, so nobody writes on, unaware, to a table
      // the group has left. The draft stays; the question has to be chosen again.
      const moved =
        group && table !== null && before !== null && (stationChanged || table !== tableBefore)
          ? seatMoveTo(view, table)
          : get().moved
      set({ load: { state: 'ready', view }, table, moved })
      // The questions changed under the phone: the chosen one may mean something else now.
      if (stationChanged && column !== null) {
        set({ column: null, outcome: { kind: 'stationChanged' } })
      } else if (stationChanged) {
        set({ column: null })
      }
    }

    const waitFor = (seconds: number) => {
      clearTimeout(waitTimer)
      set({ waiting: true, outcome: { kind: 'rateLimited', seconds } })
      waitTimer = setTimeout(() => set({ waiting: false }), seconds * 1000)
    }

    /** A message about an earlier note is stale once the draft changes; a wait still holds. */
    const outcomeAfterEdit = (): SendOutcome | null => {
      const { outcome, waiting } = get()
      return outcome?.kind === 'rateLimited' && waiting ? outcome : null
    }

    /** The page's answer to a failed send; the text always stays. */
    const sendFailed = (error: unknown) => {
      if (!(error instanceof ApiError)) {
        // E.g. a captive portal answering with HTML instead of our JSON.
        console.error('Sending the note failed unexpectedly', error)
        set({ outcome: { kind: 'failed', code: 'unexpected' } })
        return
      }
      switch (error.code) {
        case 'network':
          set({ outcome: { kind: 'network' } })
          return
        case 'forbidden':
          if (group) {
            // A group's seat moves only with the station: the note was on its
            // way when the station changed. Read the event again; the move
            // banner names the new table, and a link that stopped working
            // says so there.
            set({ column: null, outcome: { kind: 'stationChanged' } })
            void get().refresh()
            return
          }
          refuse('invalidLink')
          return
        case 'unauthorized':
          refuse('invalidLink')
          return
        case 'not_found':
          refuse('notFound')
          return
        case 'conflict':
          set({ column: null, outcome: { kind: 'stationChanged' } })
          void get().refresh()
          return
        case 'rate_limited':
          waitFor(retryAfterOf(error))
          return
        case 'validation_failed': {
          const problem = problemFromServer(error)
          if (problem === 'noColumn') {
            // The phone's questions are out of date; fetch the current ones.
            set({ column: null })
            void get().refresh()
          }
          set({
            outcome: problem ? { kind: 'problem', problem } : { kind: 'failed', code: error.code },
          })
          return
        }
        case 'payload_too_large':
          set({ outcome: { kind: 'problem', problem: 'tooLong' } })
          return
        case 'storage_failure':
          set({ outcome: { kind: 'storage' } })
          return
        case 'board_full':
          set({ outcome: { kind: 'boardFull' } })
          return
        case 'invalid_json':
        case 'unsupported_media_type':
        case 'method_not_allowed':
        case 'setup_pin_required':
        // Saved themes' refusals: a phone never saves themes.
        case 'duplicate_note':
        case 'unknown_notes':
        case 'internal':
          set({ outcome: { kind: 'failed', code: error.code } })
          return
        default: {
          const unknownCode: never = error.code
          set({ outcome: { kind: 'failed', code: String(unknownCode) } })
        }
      }
    }

    return {
      load: { state: 'loading' },
      table: deps.tableId ?? null,
      moved: null,
      column: null,
      text: draft.load(),
      sending: false,
      outcome: null,
      waiting: false,
      draftKey: newKey(),

      async refresh() {
        try {
          showView(await api.loadEvent())
        } catch (error) {
          const code = error instanceof ApiError ? error.code : 'unexpected'
          if (code === 'unauthorized' || code === 'forbidden') refuse('invalidLink')
          else if (code === 'not_found') refuse('notFound')
          else {
            // A page already showing the event stays usable; sending says when the network is gone.
            console.warn('Could not load the event', error)
            if (get().load.state !== 'ready') set({ load: { state: 'unreachable' } })
          }
        }
      },

      chooseColumn(column) {
        if (column === get().column) return
        set({ column, draftKey: newKey(), outcome: outcomeAfterEdit() })
      },

      chooseTable(tableId) {
        const { load } = get()
        if (!group || load.state !== 'ready') return
        group.choices.save(currentStation(load.view).id, tableId)
        set({ table: tableIn(load.view), outcome: outcomeAfterEdit() })
      },

      changeTable() {
        const { load } = get()
        if (!group || load.state !== 'ready') return
        group.choices.save(currentStation(load.view).id, null)
        set({ table: null, moved: null })
      },

      dismissMove() {
        set({ moved: null })
      },

      setText(text) {
        draft.save(text)
        set({ text, draftKey: newKey(), outcome: outcomeAfterEdit() })
      },

      async send() {
        const { load, sending, waiting, text, column, draftKey, table } = get()
        if (load.state !== 'ready' || sending || waiting || table === null) return
        const station = currentStation(load.view)
        const problem = draftProblem(text, column, station.columns.length)
        if (problem) {
          set({ outcome: { kind: 'problem', problem } })
          return
        }
        set({ sending: true, outcome: null })
        try {
          await api.sendNote(
            { text, column: column!, stationId: station.id, idempotencyKey: draftKey },
            table,
          )
          draft.save('')
          set({ text: '', draftKey: newKey(), outcome: { kind: 'sent' } })
        } catch (error) {
          sendFailed(error)
        } finally {
          set({ sending: false })
        }
      },
    }
  })
}

function seatMoveTo(view: EventView, tableId: string): SeatMove {
  const index = view.config.tables.findIndex((table) => table.id === tableId)
  return { number: index + 1, title: view.config.tables[index]?.topic ?? '' }
}

function retryAfterOf(error: ApiError): number {
  const seconds = (error.details as Partial<RateLimitDetails> | undefined)?.retryAfterSeconds
  const fallback = Math.ceil(60 / PHONE_NOTE_RATE.perMinute)
  return typeof seconds === 'number' && seconds > 0 ? Math.ceil(seconds) : fallback
}

function problemFromServer(error: ApiError): DraftProblem | null {
  const issue = Array.isArray(error.details)
    ? (error.details[0] as ValidationIssue | undefined)
    : undefined
  return issue ? problemOf(issue) : null
}

/** 128 random bits as hex. getRandomValues works on plain http too, unlike randomUUID. */
function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}
