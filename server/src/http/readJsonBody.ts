import type { IncomingMessage } from 'node:http'
import { ApiErrorCode } from '@tablecloth/shared'
import { HttpError } from './HttpError'

/**
 * Reads and parses a JSON request body, refusing anything over `limit` bytes
 * as soon as it is exceeded rather than buffering it first.
 */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const body = await readOptionalJsonBody(req, limit)
  if (body === undefined) throw new HttpError(400, ApiErrorCode.InvalidJson, 'Request body is empty')
  return body
}

/**
 * Like `readJsonBody`, for routes whose body may be left out: answers
 * undefined for a request without a body. A body that is sent must be JSON.
 */
export async function readOptionalJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0)
  const chunked = req.headers['transfer-encoding'] !== undefined
  if (declared === 0 && !chunked) return undefined
  const type = req.headers['content-type'] ?? ''
  if (!/^application\/json\b/i.test(type)) {
    throw new HttpError(415, ApiErrorCode.UnsupportedMediaType, 'Expected Content-Type: application/json')
  }
  if (declared > limit) throw tooLarge(limit)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > limit) {
      req.destroy()
      throw tooLarge(limit)
    }
    chunks.push(chunk)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    // The parser's message may quote the body; keep it out of the response.
    throw new HttpError(400, ApiErrorCode.InvalidJson, 'Request body is not valid JSON')
  }
}

function tooLarge(limit: number): HttpError {
  return new HttpError(413, ApiErrorCode.PayloadTooLarge, `Request body exceeds ${limit} bytes`)
}
