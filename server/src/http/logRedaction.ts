import { isWellFormedLinkToken } from '@tablecloth/shared'
import type { FastifyRequest } from 'fastify'

/**
 * What the request log may say about a request: method and path, with every
 * token taken out. Tokens travel in the Authorization header, the socket's
 * Sec-WebSocket-Protocol, `?token=` and now and then a path segment; note
 * text travels in bodies. Headers and bodies are never serialised, and
 * `LOG_REDACT_PATHS` catches them should anything log them anyway.
 */
export function requestForLog(request: FastifyRequest): { method: string; url: string } {
  return { method: request.method, url: redactUrl(request.url) }
}

/** Censored wherever a log call passes them on. */
export const LOG_REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers["sec-websocket-protocol"]',
  'req.headers["x-setup-pin"]',
  'req.headers.cookie',
  'req.body',
  'body',
  'headers.authorization',
  'headers["sec-websocket-protocol"]',
]

/** The URL with query values of token-ish names and token-shaped path segments replaced. */
export function redactUrl(url: string): string {
  const queryAt = url.indexOf('?')
  const path = queryAt === -1 ? url : url.slice(0, queryAt)
  const query = queryAt === -1 ? '' : url.slice(queryAt + 1)
  const safePath = path
    .split('/')
    .map((segment) => (isWellFormedLinkToken(safeDecode(segment)) ? '[redacted]' : segment))
    .join('/')
  if (!query) return safePath
  const safeQuery = query
    .split('&')
    .map((pair) => {
      const name = pair.split('=', 1)[0]!
      return /token|pin|join/i.test(name) ? `${name}=[redacted]` : pair
    })
    .join('&')
  return `${safePath}?${safeQuery}`
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
