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

export interface PhoneState {
  load: PhoneLoad
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
  setText(text: string): void
  send(): Promise<void>
}

export interface PhoneStoreDeps {
  tableId: string
  api: PhoneApi
  draft: DraftStorage
  /** A fresh random idempotency key. */
  newKey?: () => string
}

export type PhoneStore = StoreApi<PhoneState>

/** The station running in a view. */
export function currentStation(view: EventView): Station {
  const station = view.config.stations[view.currentStation]
  if (!station) throw new Error(`event ${view.id} has no station ${view.currentStation}`)
  return station
}

/** The phone page's state: the event view, the draft, and what became of sending it. */
export function createPhoneStore(deps: PhoneStoreDeps): PhoneStore {
  const { api, draft, tableId } = deps
  const newKey = deps.newKey ?? randomKey
  let waitTimer: ReturnType<typeof setTimeout> | undefined

  return createStore<PhoneState>()((set, get) => {
    const refuse = (reason: 'invalidLink' | 'notFound') =>
      set({ load: { state: 'refused', reason }, sending: false })

    const showView = (view: EventView) => {
      if (!view.config.tables.some((table) => table.id === tableId)) {
        refuse('notFound')
        return
      }
      const { load, column } = get()
      const before = load.state === 'ready' ? currentStation(load.view).id : null
      const stationChanged = before !== null && before !== currentStation(view).id
      set({ load: { state: 'ready', view } })
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
        case 'unauthorized':
        case 'forbidden':
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

      setText(text) {
        draft.save(text)
        set({ text, draftKey: newKey(), outcome: outcomeAfterEdit() })
      },

      async send() {
        const { load, sending, waiting, text, column, draftKey } = get()
        if (load.state !== 'ready' || sending || waiting) return
        const station = currentStation(load.view)
        const problem = draftProblem(text, column, station.columns.length)
        if (problem) {
          set({ outcome: { kind: 'problem', problem } })
          return
        }
        set({ sending: true, outcome: null })
        try {
          await api.sendNote({
            text,
            column: column!,
            stationId: station.id,
            idempotencyKey: draftKey,
          })
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
