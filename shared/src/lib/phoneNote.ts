import type { ValidationIssue } from './eventValidation'
import { MAX_PATH_SEGMENT_LENGTH, idPattern } from './ids'

/**
 * What a participant's phone may send to
 * `POST /api/events/:id/tables/:tableId/notes`. The phone checks a draft with
 * the same function before sending that the server uses as its gate, so both
 * agree on what "empty" and "too long" mean. docs/http-api.md documents it.
 */

/**
 * Longest note text, in characters. Counted in Unicode code points, so an
 * emoji or a letter outside the Latin alphabet counts once. A sticky note
 * holds a thought, not a letter; longer texts would not be readable on the
 * projector.
 */
export const NOTE_TEXT_MAX_LENGTH = 500

/**
 * How fast one phone may send notes: `burst` notes at once, then one more
 * every `60 / perMinute` seconds. Counted per link and device, so one phone
 * cannot fill the board, and the others at its table are not held back by it.
 */
export const PHONE_NOTE_RATE = { perMinute: 6, burst: 3 } as const

/**
 * How fast the table's moderator or the organiser may add notes through the
 * same route: they may edit the whole board anyway, and an organiser
 * importing a table's notes sends dozens at once. Still bounded, per link and
 * device, so a leaked link cannot fill the disk at network speed.
 */
export const TRUSTED_NOTE_RATE = { perMinute: 600, burst: 200 } as const

/** Shape of an optional idempotency key: the phone's own id for one draft. */
const IDEMPOTENCY_KEY = new RegExp(`^${idPattern(MAX_PATH_SEGMENT_LENGTH, 8)}$`)

export interface PhoneNoteRequest {
  text: string
  /** 0-based index of a column (guiding question) of the current station. */
  column: number
  /**
   * The station the phone showed. When the event has moved on since, the note
   * is refused (409) rather than filed under another station's question.
   */
  stationId?: string
  /**
   * The phone's own id for this draft. Sending the same key again answers
   * with the note already written instead of adding it twice, so a phone
   * that lost the answer on a shaky network can simply send again.
   */
  idempotencyKey?: string
}

export interface PhoneNoteResponse {
  /** The tldraw shape id of the note on the board. */
  id: string
}

/** The `error.details` of a 429 answer, next to the Retry-After header. */
export interface RateLimitDetails {
  retryAfterSeconds: number
}

export type PhoneNoteCheck =
  | { ok: true; note: PhoneNoteRequest }
  | { ok: false; issue: ValidationIssue }

/** The text as it is stored: Windows and old Mac line breaks unified, blank edges removed. */
export function normaliseNoteText(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim()
}

/** Length in Unicode code points (see {@link NOTE_TEXT_MAX_LENGTH}). */
export function noteTextLength(text: string): number {
  let length = 0
  for (const _ of text) length++
  return length
}

/**
 * Checks a request body against the current station's `columnCount` and
 * returns the note with its text normalised, or the first problem found:
 * the text before the column, so a phone shows the problem with what was
 * typed first.
 */
export function checkPhoneNote(input: unknown, columnCount: number): PhoneNoteCheck {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fail('', 'invalid_type')
  }
  const body = input as Record<string, unknown>
  if (body.text === undefined || body.text === null) return fail('text', 'required')
  if (typeof body.text !== 'string') return fail('text', 'invalid_type')
  const text = normaliseNoteText(body.text)
  if (text === '') return fail('text', 'required')
  const length = noteTextLength(text)
  if (length > NOTE_TEXT_MAX_LENGTH) {
    return fail('text', 'too_long', { max: NOTE_TEXT_MAX_LENGTH, length })
  }

  const column = body.column
  if (column === undefined || column === null) return fail('column', 'required')
  if (typeof column !== 'number') return fail('column', 'not_a_number')
  if (!Number.isInteger(column)) return fail('column', 'not_an_integer')
  if (column < 0 || column >= columnCount) {
    return fail('column', 'out_of_range', { min: 0, max: columnCount - 1 })
  }

  const note: PhoneNoteRequest = { text, column }
  if (body.stationId !== undefined) {
    if (typeof body.stationId !== 'string') return fail('stationId', 'invalid_type')
    note.stationId = body.stationId
  }
  if (body.idempotencyKey !== undefined) {
    if (typeof body.idempotencyKey !== 'string' || !IDEMPOTENCY_KEY.test(body.idempotencyKey)) {
      return fail('idempotencyKey', 'invalid_value')
    }
    note.idempotencyKey = body.idempotencyKey
  }
  return { ok: true, note }
}

function fail(
  field: string,
  code: ValidationIssue['code'],
  params?: ValidationIssue['params'],
): PhoneNoteCheck {
  return { ok: false, issue: params ? { field, code, params } : { field, code } }
}
