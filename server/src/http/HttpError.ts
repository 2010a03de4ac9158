import type { ApiErrorCode } from '@tablecloth/shared'

/** An error that maps onto one HTTP response with the `{ error: { code, message, field? } }` body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly field?: string,
    /** Extra machine-readable detail, e.g. every validation issue for the setup form. */
    readonly details?: unknown,
  ) {
    super(message)
  }
}
