import type { EventConfig } from './eventConfig'

/**
 * The public HTTP contract. README documents it; tests and integrators rely on it.
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
  Internal: 'internal',
} as const
export type ApiErrorCode = (typeof ApiErrorCode)[keyof typeof ApiErrorCode]

export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string; field?: string }
}

export type Role = 'organiser' | 'moderator' | 'participant' | 'viewer'

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

export interface CreateEventResponse {
  id: string
  organiserToken: string
  links: {
    control: string
    gallery: string
    tables: TableLinks[]
  }
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

/** One table in the control room's live overview. */
export interface TableOverview {
  id: string
  /** Sockets open on the board right now; 0 means nobody has the board open. */
  connections: number
  /** Display names announced by the people on the board. */
  names: string[]
  /** Notes per column of the current station, in column order. */
  columns: number[]
  /** Notes of the current station outside every column. */
  unsorted: number
}

export interface EventOverview {
  tables: TableOverview[]
  serverTime: number
}
