import type { FastifyInstance } from 'fastify'
import { ApiErrorCode } from '@tablecloth/shared'
import { RequestError } from './RequestError'

/**
 * What a request body became when it was read. Refusals are only raised when
 * a route validates its body, so a route that takes none ignores whatever
 * came along, as it always has.
 */
export const UNSUPPORTED_BODY = Symbol('body of another media type')
export const INVALID_JSON_BODY = Symbol('body that is no JSON')

/**
 * JSON bodies are parsed here rather than by Fastify's parser: an empty body
 * counts as none (a route whose body is optional then gets undefined), and
 * bodies of other media types are not read at all.
 */
export function registerJsonBody(app: FastifyInstance): void {
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, text, done) => {
    const source = text as string
    if (source.trim() === '') {
      done(null, undefined)
      return
    }
    try {
      done(null, JSON.parse(source))
    } catch {
      done(null, INVALID_JSON_BODY)
    }
  })
  app.addContentTypeParser('*', (_req, _payload, done) => done(null, UNSUPPORTED_BODY))
}

/** The body a route that takes one may go on with; the refusal otherwise, worded as clients know it. */
export function requireReadableBody(body: unknown): unknown {
  if (body === UNSUPPORTED_BODY) {
    throw new RequestError(
      415,
      ApiErrorCode.UnsupportedMediaType,
      'Expected Content-Type: application/json',
    )
  }
  // The parser's message may quote the body; it stays out of the answer.
  if (body === INVALID_JSON_BODY) {
    throw new RequestError(400, ApiErrorCode.InvalidJson, 'Request body is not valid JSON')
  }
  return body
}
