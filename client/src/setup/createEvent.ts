import {
  ApiErrorCode,
  SETUP_PIN_HEADER,
  VALIDATION_CODES,
  type CreateEventResponse,
  type EventConfigInput,
  type ValidationIssue,
} from '@tablecloth/shared'
import { ApiError, apiCall } from '../api/apiClient'

/** How an attempt to create an event ended, in the terms the setup page reacts to. */
export type CreateEventOutcome =
  | { kind: 'created'; response: CreateEventResponse }
  | { kind: 'invalid'; issues: ValidationIssue[] }
  | { kind: 'unreachable' }
  /** The server asks for its setup PIN, and none or a wrong one came with the event. */
  | { kind: 'pinRefused' }
  /**
   * Too many new events from this device, or too many wrong PINs (`wrongPins`,
   * when the refusal names the PIN header as its field); `retryAfterSeconds`
   * when the server said how long to wait.
   */
  | { kind: 'rateLimited'; retryAfterSeconds: number | null; wrongPins: boolean }
  | { kind: 'failed'; code: string }

/** The request header that carries the setup PIN (docs/http-api.md, `POST /api/events`). */

/**
 * Characters a header can carry: fetch refuses anything beyond Latin-1, and
 * control characters never belong in a PIN. Such a PIN cannot be the right one.
 */
const SENDABLE_PIN = /^[\x20-\x7e\u00a0-\u00ff]*$/

// A proxy in front of a stopped server answers with these; for the organiser
// that is the same as no answer at all.
const GATEWAY_STATUSES = new Set([502, 503, 504])

function isIssue(value: unknown): value is ValidationIssue {
  if (typeof value !== 'object' || value === null) return false
  const { field, code, params } = value as Record<string, unknown>
  return (
    typeof field === 'string' &&
    (VALIDATION_CODES as readonly unknown[]).includes(code) &&
    (params === undefined || (typeof params === 'object' && params !== null))
  )
}

/** The wait a 429 asks for: its `retry-after` header, else `details.retryAfterSeconds`. */
function retryAfterOf(error: ApiError): number | null {
  if (error.retryAfterSeconds !== undefined) return error.retryAfterSeconds
  const seconds = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds
  return typeof seconds === 'number' && seconds >= 0 ? seconds : null
}

/**
 * The issues of a 400 answer. The server sends them as `details`; the body is
 * input like any other, so entries that are not issues are left out, and an
 * answer with none still points at its `field`.
 */
export function issuesOfRefusal(details: unknown, field: string | undefined): ValidationIssue[] {
  const issues = Array.isArray(details) ? details.filter(isIssue) : []
  if (issues.length > 0) return issues
  return [{ field: field ?? '', code: 'invalid_value' }]
}

/**
 * Sends an event to the server (`POST /api/events`), with the setup PIN when
 * one is given. Never throws.
 */
export async function createEvent(
  input: EventConfigInput,
  setupPin = '',
): Promise<CreateEventOutcome> {
  const pin = setupPin.trim()
  if (!SENDABLE_PIN.test(pin)) return { kind: 'pinRefused' }
  try {
    const response = await apiCall<CreateEventResponse>('POST', '/api/events', {
      body: input,
      headers: pin ? { [SETUP_PIN_HEADER]: pin } : {},
    })
    return { kind: 'created', response }
  } catch (error) {
    if (!(error instanceof ApiError)) {
      // For example an answer that is not JSON; the page says it failed, the console says why.
      console.error('Creating the event failed', error)
      return { kind: 'failed', code: 'unexpected' }
    }
    if (error.code === 'network' || GATEWAY_STATUSES.has(error.status))
      return { kind: 'unreachable' }
    if (error.code === ApiErrorCode.ValidationFailed) {
      return { kind: 'invalid', issues: issuesOfRefusal(error.details, error.field) }
    }
    if (error.code === ApiErrorCode.SetupPinRequired) return { kind: 'pinRefused' }
    if (error.code === ApiErrorCode.RateLimited) {
      const wrongPins = error.field?.toLowerCase() === SETUP_PIN_HEADER.toLowerCase()
      return { kind: 'rateLimited', retryAfterSeconds: retryAfterOf(error), wrongPins }
    }
    return { kind: 'failed', code: error.code }
  }
}
