import {
  ApiErrorCode,
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
  | { kind: 'failed'; code: string }

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

/** Sends an event to the server (`POST /api/events`). Never throws. */
export async function createEvent(input: EventConfigInput): Promise<CreateEventOutcome> {
  try {
    const response = await apiCall<CreateEventResponse>('POST', '/api/events', { body: input })
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
    return { kind: 'failed', code: error.code }
  }
}
