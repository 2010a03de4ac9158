import type { ApiErrorCode } from '@tablecloth/shared'

/**
 * A request the HTTP layer itself refuses before any service sees it: a body
 * that is no JSON, too large or of another media type, a route that does not
 * exist. Services never throw these; they throw domain errors.
 */
export class RequestError extends Error {
  override readonly name = 'RequestError'
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message)
  }
}
