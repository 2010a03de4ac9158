import type { ServerResponse } from 'node:http'
import { ApiErrorCode, type ApiErrorBody } from '@tablecloth/shared'
import { HttpError } from './HttpError'

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    'cache-control': 'no-store',
  })
  res.end(payload)
}

/**
 * Every failure leaves as JSON. Unexpected errors become a 500 with a generic
 * message: their text may hold note content, which must not reach clients or logs.
 */
export function sendError(res: ServerResponse, error: unknown, log: (line: string) => void): void {
  if (error instanceof HttpError) {
    const body: ApiErrorBody & { error: { details?: unknown } } = {
      error: { code: error.code, message: error.message },
    }
    if (error.field !== undefined) body.error.field = error.field
    if (error.details !== undefined) body.error.details = error.details
    sendJson(res, error.status, body)
    return
  }
  log(`internal error: ${error instanceof Error ? (error.stack ?? error.name) : typeof error}`)
  sendJson(res, 500, { error: { code: ApiErrorCode.Internal, message: 'Internal server error' } })
}
