import { ApiErrorCode, type ApiErrorBody } from '@tablecloth/shared'
import {
  BoardFullDomainError,
  ConflictError,
  DomainError,
  DuplicateNoteError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  SetupPinRefusedError,
  StorageFailureError,
  UnavailableError,
  TooManyRequestsError,
  UnauthorizedError,
  UnknownNotesError,
} from '../domain/errors'
import { RequestError } from './RequestError'

export interface ErrorReply {
  status: number
  body: ApiErrorBody & { error: { details?: unknown } }
  headers: Record<string, string>
}

/** Status and error code per domain error, in one place; sockets have `access/closeCodeFor.ts`. */
const DOMAIN_STATUS: Array<[new (...args: never[]) => DomainError, number, ApiErrorCode]> = [
  // Before InvalidInputError, which they are kinds of: the first match decides.
  [DuplicateNoteError, 400, ApiErrorCode.DuplicateNote],
  [UnknownNotesError, 400, ApiErrorCode.UnknownNotes],
  [InvalidInputError, 400, ApiErrorCode.ValidationFailed],
  [UnauthorizedError, 401, ApiErrorCode.Unauthorized],
  [SetupPinRefusedError, 403, ApiErrorCode.SetupPinRequired],
  [ForbiddenError, 403, ApiErrorCode.Forbidden],
  [NotFoundError, 404, ApiErrorCode.NotFound],
  [ConflictError, 409, ApiErrorCode.Conflict],
  [TooManyRequestsError, 429, ApiErrorCode.RateLimited],
  [BoardFullDomainError, 507, ApiErrorCode.BoardFull],
  [StorageFailureError, 507, ApiErrorCode.StorageFailure],
  [UnavailableError, 503, ApiErrorCode.StorageFailure],
]

/**
 * The answer to any error a request ends in: `{ error: { code, message,
 * field?, details? } }` with a 4xx or 5xx status. Domain errors carry their
 * own message; Fastify's own refusals (a malformed URL, a body over the
 * limit) get fixed messages, as theirs may quote the URL or body. Anything
 * else is a 500 whose text stays out of the answer; null tells the caller to
 * log it.
 */
export function errorReply(error: unknown, bodyLimit?: number): ErrorReply | null {
  if (error instanceof DomainError) {
    const [, status, code] = DOMAIN_STATUS.find(([kind]) => error instanceof kind)!
    const reply = build(status, code, error.message, error.field, error.details)
    if (error instanceof TooManyRequestsError)
      reply.headers['retry-after'] = String(error.retryAfterSeconds)
    return reply
  }
  if (error instanceof RequestError) return build(error.status, error.code, error.message)
  // The store or the relay between processes went away mid-request: a
  // clear 503 the client retries, never a bare 500.
  if (isUnreachableService(error)) {
    return build(503, ApiErrorCode.StorageFailure, 'The store is unavailable; nothing was changed')
  }
  const status = frameworkStatus(error)
  if (status === null) return null
  switch (status) {
    case 404:
      return build(404, ApiErrorCode.NotFound, 'No such API route')
    case 405:
      return build(405, ApiErrorCode.MethodNotAllowed, 'This method is not allowed here')
    case 413:
      return build(
        413,
        ApiErrorCode.PayloadTooLarge,
        bodyLimit === undefined
          ? 'Request body is too large'
          : `Request body exceeds ${bodyLimit} bytes`,
      )
    case 415:
      return build(
        415,
        ApiErrorCode.UnsupportedMediaType,
        'Expected Content-Type: application/json',
      )
    default:
      return build(
        400,
        ApiErrorCode.ValidationFailed,
        frameworkCode(error) === 'FST_ERR_BAD_URL'
          ? 'The path holds a malformed %-escape'
          : 'Malformed request',
      )
  }
}

export function internalErrorReply(): ErrorReply {
  return build(500, ApiErrorCode.Internal, 'Internal server error')
}

/** The 4xx status Fastify put on an error of its own (`FST_ERR_…`), or null for anything else. */
function frameworkStatus(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) return null
  const { statusCode, code } = error as { statusCode?: unknown; code?: unknown }
  if (typeof statusCode !== 'number' || statusCode < 400 || statusCode >= 500) return null
  // A JSON syntax error from a parser carries a 400 without a Fastify code.
  if (typeof code === 'string' && !code.startsWith('FST_')) return null
  return statusCode
}

function frameworkCode(error: unknown): unknown {
  return (error as { code?: unknown }).code
}

function build(
  status: number,
  code: ApiErrorCode,
  message: string,
  field?: string,
  details?: unknown,
): ErrorReply {
  const body: ErrorReply['body'] = { error: { code, message } }
  if (field !== undefined) body.error.field = field
  if (details !== undefined) body.error.details = details
  return { status, body, headers: { 'cache-control': 'no-store' } }
}

/** An error from the shared store or the relay that says it could not be reached or refused to write. */
function isUnreachableService(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name
  return name === 'PostgresError' || name === 'StorageError'
}
