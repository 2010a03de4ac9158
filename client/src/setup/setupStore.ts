import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import {
  generateRotationPlan,
  parseEventConfig,
  type CreateEventResponse,
  type ValidationIssue,
} from '@tablecloth/shared'
import type { MessageParams } from '../i18n/translate'
import { createEvent } from './createEvent'
import {
  coerceDraft,
  draftToInput,
  emptyDraft,
  freeId,
  moveEntry,
  restoreDraft,
  templateDraft,
  type DraftList,
  type EventDraft,
  type RotationMode,
} from './eventDraft'
import { issuesByAnchor } from './fieldPaths'
import { useMyEvents } from './myEventsStore'
import { SETUP_LIMITS } from './setupLimits'
import type { MessageKey } from '../i18n/de'

/**
 * The largest file an import reads. An exported event with every list full is
 * well below this; anything larger is not one of our files.
 */
export const MAX_IMPORT_BYTES = 1_000_000

export type ImportResult =
  | { status: 'imported'; issues: ValidationIssue[] }
  | { status: 'invalid_json' }
  | { status: 'not_an_event' }
  | { status: 'too_large' }

export type Submission =
  | { state: 'idle' }
  | { state: 'sending' }
  | { state: 'unreachable' }
  /** The server wants its setup PIN and did not get the right one. */
  | { state: 'pinRefused' }
  /**
   * Too many new events (or wrong PINs) from this device; `retryAfterSeconds`
   * is null when the server did not say for how long.
   */
  | { state: 'rateLimited'; retryAfterSeconds: number | null; wrongPins: boolean }
  | { state: 'failed'; code: string }

export type SubmitResult =
  | 'created'
  | 'invalid'
  | 'unreachable'
  | 'pinRefused'
  | 'rateLimited'
  | 'failed'
  | 'busy'

/** A message about the draft as a whole, shown above the form until the next one. */
export interface SetupNotice {
  key: MessageKey
  params?: MessageParams
  tone: 'info' | 'error'
  /** The action replaced an earlier draft, which `restorePrevious` brings back. */
  undoable?: boolean
}

interface SetupState {
  /** The event being set up; null until the organiser picks a way to start. */
  draft: EventDraft | null
  /** The draft the last template, empty start or import replaced. */
  previousDraft: EventDraft | null
  /** Issues from the last validation, shown next to their fields. */
  issues: ValidationIssue[]
  /** Whether `issues` came from this page's validation or from the server's answer. */
  issuesFrom: 'form' | 'server'
  /** `issues` grouped by the path of the form element that shows them. */
  fieldIssues: Record<string, ValidationIssue[]>
  notice: SetupNotice | null
  /** The latest text for screen readers (list edits); `id` lets the same text be said twice. */
  announcement: { text: string; id: number } | null
  submission: Submission
  /** The server's answer after creating the event. */
  created: CreateEventResponse | null
  /**
   * The setup PIN as typed, sent with the event. Kept in memory only: it is
   * the server's secret, not part of the draft, and never stored on the device.
   */
  setupPin: string
  /** The server refused the event for want of its PIN, whatever its config said. */
  pinAsked: boolean

  update(change: (draft: EventDraft) => void): void
  loadTemplate(): void
  startEmpty(stationTitle: string): void
  /** Replaces the draft with an imported file's content, unless it holds no event. */
  importJson(text: string, fileName: string): ImportResult
  restorePrevious(): void
  showNotice(notice: SetupNotice | null): void
  announce(text: string): void
  validate(): ValidationIssue[]

  /** Changes some fields of one table, station or group. */
  editEntry<L extends DraftList>(
    list: L,
    index: number,
    patch: Partial<EventDraft[L][number]>,
  ): void
  addTable(): void
  addStation(title: string): void
  addGroup(): void
  removeEntry(list: DraftList, index: number): void
  moveEntry(list: DraftList, from: number, to: number): void
  addColumn(stationIndex: number): void
  removeColumn(stationIndex: number, columnIndex: number): void
  setRotationMode(mode: RotationMode): void
  /** Seats a group at a table in a station of the fixed plan; `''` unseats it. */
  setSeat(stationIndex: number, groupId: string, tableId: string): void
  /** Fills the fixed plan with the generated one, as a starting point to adjust. */
  adoptGeneratedPlan(): void

  setSetupPin(pin: string): void
  /** Validates, then sends the draft to the server. */
  submit(): Promise<SubmitResult>
  dismissResult(): void
}

function issuesOf(draft: EventDraft): ValidationIssue[] {
  const parsed = parseEventConfig(draftToInput(draft))
  return parsed.ok ? [] : parsed.issues
}

function idsOf(entries: ReadonlyArray<{ id: string }>): string[] {
  return entries.map((entry) => entry.id)
}

/** Drops every seat a removed entry leaves behind, so the fixed plan never names it. */
function removeFromPlan(draft: EventDraft, list: DraftList, index: number, id: string): void {
  if (list === 'stations') {
    draft.fixedPlan.splice(index, 1)
    return
  }
  for (const seating of draft.fixedPlan) {
    for (const [groupId, tableId] of Object.entries(seating)) {
      if ((list === 'groups' && groupId === id) || (list === 'tables' && tableId === id)) {
        delete seating[groupId]
      }
    }
  }
}

/** The state for a set of issues: the list, and the same grouped by where the form shows them. */
function withIssues(issues: ValidationIssue[], draft: EventDraft | null, from: 'form' | 'server') {
  return { issues, issuesFrom: from, fieldIssues: draft ? issuesByAnchor(issues, draft) : {} }
}

/**
 * The event being set up. The draft is kept in localStorage so a reload, a
 * closed tab or a failed upload never loses a half-typed setup.
 */
export const useSetupStore = create<SetupState>()(
  persist(
    (set, get) => {
      /** Installs a new draft in place of the current one, keeping that for undo. */
      const replaceDraft = (
        draft: EventDraft,
        notice: SetupNotice,
        issues: ValidationIssue[] = [],
      ) => {
        const previousDraft = get().draft
        set({
          draft,
          previousDraft,
          ...withIssues(issues, draft, 'form'),
          notice: { ...notice, undoable: previousDraft !== null },
          submission: { state: 'idle' },
          created: null,
        })
      }

      return {
        draft: null,
        previousDraft: null,
        issues: [],
        issuesFrom: 'form',
        fieldIssues: {},
        notice: null,
        announcement: null,
        submission: { state: 'idle' },
        created: null,
        setupPin: '',
        pinAsked: false,

        update(change) {
          const current = get().draft
          if (!current) return
          const draft = structuredClone(current)
          change(draft)
          set({ draft })
          // Re-validate only once the organiser has seen issues, so a fresh form isn't all red.
          if (get().issues.length > 0) get().validate()
        },

        loadTemplate() {
          replaceDraft(templateDraft(), { key: 'setup.notice.template', tone: 'info' })
        },

        startEmpty(stationTitle) {
          replaceDraft(emptyDraft(stationTitle), { key: 'setup.notice.empty', tone: 'info' })
        },

        importJson(text, fileName) {
          const file = { file: fileName }
          const refuse = (
            status: 'invalid_json' | 'not_an_event' | 'too_large',
            key: MessageKey,
          ) => {
            set({
              notice: { key, params: { ...file, max: MAX_IMPORT_BYTES / 1000 }, tone: 'error' },
            })
            return { status }
          }
          if (text.length > MAX_IMPORT_BYTES) return refuse('too_large', 'setup.import.tooLarge')
          let data: unknown
          try {
            data = JSON.parse(text)
          } catch (error) {
            console.warn(`Import of ${fileName} is not JSON`, error)
            return refuse('invalid_json', 'setup.import.invalidJson')
          }
          if (typeof data !== 'object' || data === null || Array.isArray(data)) {
            return refuse('not_an_event', 'setup.import.notAnEvent')
          }
          const draft = coerceDraft(data)
          // Issues are those of the draft as the form shows it, so each one has a field to point at.
          const issues = issuesOf(draft)
          const notice: SetupNotice =
            issues.length === 0
              ? { key: 'setup.notice.imported', params: file, tone: 'info' }
              : {
                  key:
                    issues.length === 1
                      ? 'setup.notice.importedWithIssues.one'
                      : 'setup.notice.importedWithIssues.other',
                  params: { ...file, count: issues.length },
                  tone: 'error',
                }
          replaceDraft(draft, notice, issues)
          return { status: 'imported', issues }
        },

        restorePrevious() {
          const { previousDraft } = get()
          if (!previousDraft) return
          set({
            draft: previousDraft,
            previousDraft: null,
            ...withIssues([], previousDraft, 'form'),
            notice: { key: 'setup.notice.restored', tone: 'info' },
          })
        },

        showNotice(notice) {
          set({ notice })
        },

        announce(text) {
          set({ announcement: { text, id: (get().announcement?.id ?? 0) + 1 } })
        },

        validate() {
          const { draft } = get()
          const issues = draft ? issuesOf(draft) : []
          set(withIssues(issues, draft, 'form'))
          return issues
        },

        editEntry(list, index, patch) {
          get().update((draft) => {
            const entry = draft[list][index]
            if (entry) Object.assign(entry, patch)
          })
        },

        addTable() {
          get().update((draft) => {
            if (draft.tables.length >= SETUP_LIMITS.tables) return
            draft.tables.push({
              id: freeId('tables', idsOf(draft.tables)),
              topic: '',
              moderator: '',
            })
          })
        },

        addStation(title) {
          get().update((draft) => {
            if (draft.stations.length >= SETUP_LIMITS.stations) return
            const id = freeId('stations', idsOf(draft.stations))
            draft.stations.push({ id, title, columns: [''], durationMinutes: 45 })
            draft.fixedPlan.push({})
          })
        },

        addGroup() {
          get().update((draft) => {
            if (draft.groups.length >= SETUP_LIMITS.groups) return
            draft.groups.push({ id: freeId('groups', idsOf(draft.groups)), name: '', colour: '' })
          })
        },

        removeEntry(list, index) {
          get().update((draft) => {
            const entries: Array<{ id: string }> = draft[list]
            const [removed] = entries.splice(index, 1)
            if (removed) removeFromPlan(draft, list, index, removed.id)
          })
        },

        moveEntry(list, from, to) {
          get().update((draft) => {
            moveEntry<{ id: string }>(draft[list], from, to)
            // Seatings are per station, so they move with their station.
            if (list === 'stations') moveEntry(draft.fixedPlan, from, to)
          })
        },

        addColumn(stationIndex) {
          get().update((draft) => {
            const station = draft.stations[stationIndex]
            if (station && station.columns.length < SETUP_LIMITS.maxColumns)
              station.columns.push('')
          })
        },

        removeColumn(stationIndex, columnIndex) {
          get().update((draft) => {
            const station = draft.stations[stationIndex]
            if (station && station.columns.length > SETUP_LIMITS.minColumns) {
              station.columns.splice(columnIndex, 1)
            }
          })
        },

        setRotationMode(mode) {
          get().update((draft) => {
            draft.rotationMode = mode
          })
        },

        setSeat(stationIndex, groupId, tableId) {
          get().update((draft) => {
            const seating = draft.fixedPlan[stationIndex]
            if (!seating) return
            if (tableId) seating[groupId] = tableId
            else delete seating[groupId]
          })
        },

        adoptGeneratedPlan() {
          get().update((draft) => {
            draft.fixedPlan = generateRotationPlan(
              idsOf(draft.groups),
              idsOf(draft.tables),
              draft.stations.length,
            )
          })
        },

        setSetupPin(setupPin) {
          set({ setupPin })
        },

        async submit() {
          const { draft, submission } = get()
          if (!draft || submission.state === 'sending') return 'busy'
          if (get().validate().length > 0) return 'invalid'
          set({ submission: { state: 'sending' } })
          // Every answer but 'created' leaves the draft as it is (and stored).
          const outcome = await createEvent(draftToInput(draft), get().setupPin)
          switch (outcome.kind) {
            case 'created': {
              const { response } = outcome
              useMyEvents.getState().remember({
                id: response.id,
                title: draft.title.trim(),
                date: draft.date,
                controlLink: response.links.control,
                createdAt: new Date().toISOString(),
              })
              set({ submission: { state: 'idle' }, created: response })
              return 'created'
            }
            case 'invalid':
              set({
                submission: { state: 'idle' },
                ...withIssues(outcome.issues, get().draft, 'server'),
              })
              return 'invalid'
            case 'unreachable':
              set({ submission: { state: 'unreachable' } })
              return 'unreachable'
            case 'pinRefused':
              set({ submission: { state: 'pinRefused' }, pinAsked: true })
              return 'pinRefused'
            case 'rateLimited':
              set({
                submission: {
                  state: 'rateLimited',
                  retryAfterSeconds: outcome.retryAfterSeconds,
                  wrongPins: outcome.wrongPins,
                },
              })
              return 'rateLimited'
            case 'failed':
              set({ submission: { state: 'failed', code: outcome.code } })
              return 'failed'
            default: {
              const unknownOutcome: never = outcome
              throw new Error(`unexpected outcome ${JSON.stringify(unknownOutcome)}`)
            }
          }
        },

        dismissResult() {
          set({ created: null })
        },
      }
    },
    {
      name: 'tablecloth.setup-draft',
      version: 1,
      partialize: (state) => ({ draft: state.draft }),
      // Every stored shape is read by `restoreDraft`, so versions need no migration of their own.
      migrate: (persisted) => persisted,
      merge: (persisted, current) => {
        const stored = (persisted ?? {}) as { draft?: unknown }
        return { ...current, draft: restoreDraft(stored.draft) }
      },
    },
  ),
)
