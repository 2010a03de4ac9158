import {
  HYPHENATION_LANGUAGES,
  isConfigId,
  isNoteColour,
  winnendenTemplate,
  type EventConfigInput,
  type HyphenationLanguage,
  type SeatingPlan,
} from '@tablecloth/shared'

/**
 * The event as the setup form holds it while the organiser types. Unlike the
 * validated config it may be incomplete (blank texts, an empty duration), so
 * every field always has a value an input can show. `draftToInput` turns it
 * into what `parseEventConfig` and the API accept.
 */

export const ROTATION_MODES = ['free', 'generated', 'fixed'] as const
export type RotationMode = (typeof ROTATION_MODES)[number]

export interface TableDraft {
  id: string
  topic: string
  moderator: string
}

export interface StationDraft {
  id: string
  title: string
  /** The guiding questions, one per board column. */
  columns: string[]
  /** null while the field is empty. */
  durationMinutes: number | null
}

export interface GroupDraft {
  id: string
  name: string
  /** A note colour, or '' to let the server hand one out. */
  colour: string
}

export interface EventDraft {
  title: string
  date: string
  venue: string
  tables: TableDraft[]
  stations: StationDraft[]
  groups: GroupDraft[]
  rotationMode: RotationMode
  /**
   * The organiser's own seating, one entry per station (`groupId → tableId`).
   * Kept while another mode is chosen, so switching modes back and forth
   * loses no work.
   */
  fixedPlan: SeatingPlan
  showBoardToParticipants: boolean
  /** Whether a station change also starts the new station's timer (off: the organiser starts it). */
  startTimerOnStationChange: boolean
  /** The language the day is held in, for hyphenating notes. */
  language: HyphenationLanguage
}

export type DraftList = 'tables' | 'stations' | 'groups'

const ID_PREFIXES: Record<DraftList, string> = { tables: 't', stations: 's', groups: 'g' }

/**
 * A free id for a new entry of a list, shaped like the ids the server hands
 * out (`t3`). Drafts carry ids from the start so the fixed seating plan and the
 * rotation preview keep pointing at the same tables when rows are reordered.
 */
export function freeId(list: DraftList, taken: Iterable<string>): string {
  const used = new Set(taken)
  let number = used.size + 1
  while (used.has(`${ID_PREFIXES[list]}${number}`)) number++
  return `${ID_PREFIXES[list]}${number}`
}

/** Today's date where the organiser is, as YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** A new event with one blank table and one station of two questions. */
export function emptyDraft(stationTitle: string, today: string = localToday()): EventDraft {
  return {
    title: '',
    date: today,
    venue: '',
    tables: [{ id: 't1', topic: '', moderator: '' }],
    stations: [{ id: 's1', title: stationTitle, columns: ['', ''], durationMinutes: 45 }],
    groups: [],
    rotationMode: 'free',
    fixedPlan: [{}],
    showBoardToParticipants: false,
    startTimerOnStationChange: false,
    language: 'de',
  }
}

/** The Winnenden reference event as a draft. */
export function templateDraft(): EventDraft {
  return coerceDraft(winnendenTemplate())
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

function entriesOf(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.map((entry) => (isRecord(entry) ? entry : {})) : []
}

/**
 * Gives every entry a usable id: its own when valid and not taken by an
 * earlier entry, otherwise a free one. The form has no field for ids, so an
 * id the organiser could not fix is replaced rather than reported.
 */
function withIds<T>(
  list: DraftList,
  entries: Record<string, unknown>[],
  build: (entry: Record<string, unknown>) => T,
) {
  const kept = new Set<string>()
  const ownIds = entries.map((entry) => {
    const id = typeof entry.id === 'string' ? entry.id.trim() : ''
    if (!isConfigId(id) || kept.has(id)) return null
    kept.add(id)
    return id
  })
  const taken = new Set(kept)
  return entries.map((entry, index) => {
    const id = ownIds[index] ?? freeId(list, taken)
    taken.add(id)
    return { id, ...build(entry) }
  })
}

function durationOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

function seatingOf(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {}
  const seating: Record<string, string> = {}
  for (const [groupId, tableId] of Object.entries(value)) {
    if (typeof tableId === 'string') seating[groupId] = tableId
  }
  return seating
}

/**
 * Reads anything (an imported file, a draft remembered by an older version of
 * the page) as a draft the form can show. Values of the wrong kind become
 * blank, so validation then points at them instead of the page breaking.
 */
export function coerceDraft(data: unknown): EventDraft {
  const source = isRecord(data) ? data : {}
  const stations = withIds('stations', entriesOf(source.stations), (entry) => ({
    title: textOf(entry.title),
    columns: Array.isArray(entry.columns) ? entry.columns.map(textOf) : [],
    durationMinutes: durationOf(entry.durationMinutes),
  }))
  const rotation = isRecord(source.rotation) ? source.rotation : {}
  const mode = ROTATION_MODES.find((option) => option === rotation.mode) ?? 'free'
  const plan = Array.isArray(rotation.plan) ? rotation.plan : []
  return {
    title: textOf(source.title),
    date: textOf(source.date),
    venue: textOf(source.venue),
    tables: withIds('tables', entriesOf(source.tables), (entry) => ({
      topic: textOf(entry.topic),
      moderator: textOf(entry.moderator),
    })),
    stations,
    groups: withIds('groups', entriesOf(source.groups), (entry) => {
      const colour = textOf(entry.colour)
      return { name: textOf(entry.name), colour: isNoteColour(colour) ? colour : '' }
    }),
    rotationMode: mode,
    fixedPlan: stations.map((_, index) => seatingOf(plan[index])),
    showBoardToParticipants: source.showBoardToParticipants === true,
    startTimerOnStationChange: source.startTimerOnStationChange === true,
    // An unknown language reads as the default, German, as the server would decide.
    language: HYPHENATION_LANGUAGES.find((option) => option === source.language) ?? 'de',
  }
}

/**
 * A draft remembered on this device. Drafts are stored in their own shape;
 * older versions of the page stored the config's shape, which reads the same
 * way as an import. Returns null when nothing usable was stored.
 */
export function restoreDraft(stored: unknown): EventDraft | null {
  if (!isRecord(stored)) return null
  if (!('rotationMode' in stored)) return coerceDraft(stored)
  return coerceDraft({ ...stored, rotation: { mode: stored.rotationMode, plan: stored.fixedPlan } })
}

/**
 * The draft as an event config input, in the order of the documented format,
 * so an export reads well and imports back to the same draft. A fixed plan
 * keeps only the choices made for the event's own groups.
 */
export function draftToInput(draft: EventDraft): EventConfigInput {
  const groupIds = new Set(draft.groups.map((group) => group.id))
  const plan = draft.stations.map((_, index) => {
    const seating: Record<string, string> = {}
    for (const [groupId, tableId] of Object.entries(draft.fixedPlan[index] ?? {})) {
      if (groupIds.has(groupId) && tableId) seating[groupId] = tableId
    }
    return seating
  })
  return {
    title: draft.title,
    date: draft.date,
    venue: draft.venue,
    tables: draft.tables.map(({ id, topic, moderator }) => ({ id, topic, moderator })),
    stations: draft.stations.map(({ id, title, columns, durationMinutes }) => ({
      id,
      title,
      columns: [...columns],
      // An empty duration is left out, so validation reports it as missing.
      ...(durationMinutes === null ? {} : { durationMinutes }),
    })) as EventConfigInput['stations'],
    groups: draft.groups.map(({ id, name, colour }) =>
      colour ? { id, name, colour } : { id, name },
    ),
    rotation:
      draft.rotationMode === 'fixed' ? { mode: 'fixed', plan } : { mode: draft.rotationMode },
    showBoardToParticipants: draft.showBoardToParticipants,
    startTimerOnStationChange: draft.startTimerOnStationChange,
    language: draft.language,
  }
}

/** Moves the entry at `from` to `to` in place; out-of-range moves do nothing. */
export function moveEntry<T>(list: T[], from: number, to: number): void {
  if (from < 0 || from >= list.length || to < 0 || to >= list.length || from === to) return
  const [entry] = list.splice(from, 1)
  list.splice(to, 0, entry as T)
}
