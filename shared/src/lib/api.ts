import type { EventConfig } from './eventConfig'
import type { SeatView } from './groupSeat'
import { idPattern } from './ids'

/**
 * The public HTTP contract. docs/http-api.md documents it; tests and integrators rely on it.
 */

export const ApiErrorCode = {
  InvalidJson: 'invalid_json',
  ValidationFailed: 'validation_failed',
  Unauthorized: 'unauthorized',
  Forbidden: 'forbidden',
  NotFound: 'not_found',
  PayloadTooLarge: 'payload_too_large',
  UnsupportedMediaType: 'unsupported_media_type',
  MethodNotAllowed: 'method_not_allowed',
  Conflict: 'conflict',
  RateLimited: 'rate_limited',
  StorageFailure: 'storage_failure',
  /** The board reached its size cap (MAX_BOARD_BYTES); the note was not added. */
  BoardFull: 'board_full',
  /** Creating events needs the server's setup PIN (SETUP_PIN), sent as `X-Setup-Pin`. */
  SetupPinRequired: 'setup_pin_required',
  /** Saved themes name a note in more than one theme; `details.noteIds` lists them. */
  DuplicateNote: 'duplicate_note',
  /** Saved themes name ids that are no note of the event's results; `details.noteIds` lists them. */
  UnknownNotes: 'unknown_notes',
  Internal: 'internal',
} as const
export type ApiErrorCode = (typeof ApiErrorCode)[keyof typeof ApiErrorCode]

export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string; field?: string }
}

export type Role = 'organiser' | 'moderator' | 'participant' | 'viewer'

/** The header that carries the setup PIN with `POST /api/events` (see SETUP_PIN). */
export const SETUP_PIN_HEADER = 'X-Setup-Pin'

/** `GET /api/config`: what every page needs to know about this server. */
export interface ServerConfigResponse {
  tldrawLicenseKey: string | null
  protocol: number
  /** Creating an event needs the setup PIN (SETUP_PIN), sent as the `X-Setup-Pin` header. */
  setupPinRequired: boolean
}

/** `POST /api/events/:id/stations/next` body: the station the organiser saw as running. */
export interface NextStationRequest {
  /**
   * 0-based index of the station the change starts from. When the day is no
   * longer there (a second click, another control room), the answer is 409 and
   * the day does not move. Optional for scripts; the control room always sends it.
   */
  from?: number
}

export interface TableLinks {
  id: string
  title: string
  /** Moderator's editable board. */
  board: string
  /** Read-only projector view. */
  projector: string
  /** Phone page for participants. */
  participant: string
  tokens: { moderator: string; participant: string; viewer: string }
}

/**
 * A group's phone link: it follows the group from table to table
 * (docs/user-guide.md, "Group phones"). Every group of an event has one.
 */
export interface GroupLinks {
  id: string
  name: string
  /** Phone page for the group, `/p/<eventId>/g/<groupId>#token=…`. */
  participant: string
  tokens: { participant: string }
}

export interface CreateEventResponse {
  id: string
  organiserToken: string
  links: {
    control: string
    gallery: string
    tables: TableLinks[]
    groups: GroupLinks[]
  }
}

/**
 * Which link to rotate (`POST /api/events/:id/links/rotate`): a table's
 * moderator, participant or projector (viewer) link, the event's gallery
 * link (viewer without a table), or the organiser's own control-room link.
 */
export interface RotateLinkRequest {
  role: Role
  /** The table, for moderator and participant links and a table's projector link. */
  tableId?: string | null
  /** The group, for a group's phone link (role `participant`, no table). */
  groupId?: string | null
}

/** Every link after a rotation, with the organiser token that now opens the control room. */
export interface RotateLinkResponse {
  organiserToken: string
  links: CreateEventResponse['links']
}

export interface TimerState {
  /** Total planned seconds for the current station including extensions. */
  durationSeconds: number
  /** Server epoch ms when the timer was (re)started; null while paused or not started. */
  runningSince: number | null
  /** Seconds already elapsed before the current run (accumulated across pauses). */
  elapsedBeforeSeconds: number
}

export interface EventView {
  id: string
  config: EventConfig
  /** 0-based index into config.stations. */
  currentStation: number
  timer: TimerState
  /** Server epoch ms when this view was produced, so clients can offset their clocks. */
  serverTime: number
  createdAt: string
  /** When the server deletes the event by itself (RETENTION_DAYS), or null if it keeps it. */
  expiresAt: string | null
  /**
   * Only when read with a group's phone link: the table the group sits at in
   * the running station, or null in free rotation (the phone asks) or when
   * the plan seats the group nowhere. Other links get no `seat`.
   */
  seat?: SeatView | null
}

export interface SnapshotSummary {
  id: string
  tableId: string
  stationIndex: number
  stationId: string
  createdAt: string
  /** Why it was taken: a station change, or the state kept before a restore. */
  reason: 'station-change' | 'pre-restore' | 'manual'
}

/**
 * `GET /api/events/:id/tables/:tableId/board` (organiser): a table's board as
 * it is now, e.g. to draw the running station, which no snapshot holds yet.
 */
export interface LiveBoardResponse {
  tableId: string
  /** The station running when the board was read (0-based). */
  stationIndex: number
  /** When the board was read (ISO 8601, server time). */
  at: string
  /** The board's tldraw records, as a snapshot's are listed. */
  records: unknown[]
}

/**
 * Who has a table's board open right now, by the link each socket was opened
 * with (docs/http-api.md, "Links and roles"). Sockets are counted, read-only ones too,
 * which announce no presence.
 */
export interface BoardPresence {
  /** The table's board link: the moderator and any co-moderators, writing. */
  moderators: number
  /** The organiser's own link, opened on this board. */
  organisers: number
  /** The table's projector link (a viewer link naming the table). */
  projectors: number
  /** The event's gallery link (the viewer link for every table). */
  gallery: number
  /** Phones watching the board (the participant link, when the organiser shows them the board). */
  phones: number
}

/** The ways a board can be open, as `BoardPresence` counts them. */
export type PresenceKind = keyof BoardPresence

/** One table in the control room's live overview. */
export interface TableOverview {
  id: string
  /** Sockets open on the board right now, of every kind; 0 means nobody has the board open. */
  connections: number
  /** The same sockets by the link they were opened with. */
  presence: BoardPresence
  /** Display names announced by the people on the board (everyone who may edit it). */
  names: string[]
  /** The names announced over the table's board link: the moderators. */
  moderatorNames: string[]
  /** Notes per column of the current station, in column order. */
  columns: number[]
  /** Notes of the current station outside every column. */
  unsorted: number
}

export interface EventOverview {
  tables: TableOverview[]
  serverTime: number
}

/**
 * A note the organiser left out of the results before publishing them
 * (docs/results.md, "Review before publishing"). The note stays on its board;
 * every results export leaves it out until it is shown again.
 */
export interface HiddenNote {
  /** The note's tldraw shape id, e.g. `shape:x1Y2z3`. */
  noteId: string
  tableId: string
  /** When it was hidden (ISO 8601). */
  hiddenAt: string
  /**
   * The note's text as the results would list it. Absent, as are `stationId`
   * and `columnIndex`, when neither the board nor a snapshot counted for the
   * results holds the note any more.
   */
  text?: string
  /** The station whose results the note belongs to. */
  stationId?: string
  /** The 0-based column (guiding question) it stands under; null when it lies outside every column. */
  columnIndex?: number | null
}

/** `GET /api/events/:id/hidden-notes`: oldest first. */
export interface HiddenNotesResponse {
  hiddenNotes: HiddenNote[]
}

/** The body of `PUT /api/events/:id/hidden-notes/:noteId`. */
export interface HideNoteRequest {
  tableId: string
}

/** `PUT /api/events/:id/hidden-notes/:noteId` answers 201 (now hidden) or 200 (was hidden already). */
export interface HideNoteResponse {
  hiddenNote: HiddenNote
}

/**
 * The ids a note can have: tldraw's `shape:` prefix and a URL-safe name, as
 * tldraw's own ids and the server's phone notes (`shape:phone-…`) are made.
 */
const NOTE_ID = new RegExp(`^shape:${idPattern(100)}$`)

export function isNoteId(value: unknown): value is string {
  return typeof value === 'string' && NOTE_ID.test(value)
}
