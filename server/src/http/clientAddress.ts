import type { IncomingMessage } from 'node:http'

/**
 * The address a request came from, for per-device limits. Behind a reverse
 * proxy every request comes from the proxy; with `trustProxy` (TRUST_PROXY,
 * set only when a proxy really sits in front and overwrites the header) the
 * address the proxy put last into `X-Forwarded-For` counts instead. Without
 * it the header is ignored, so nobody can claim another address.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const direct = req.socket.remoteAddress ?? ''
  if (!trustProxy) return direct
  const header = req.headers['x-forwarded-for']
  const value = Array.isArray(header) ? header[header.length - 1] : header
  // The proxy appends the address it saw; earlier entries are the client's own claims.
  const forwarded = value
    ?.split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .pop()
  return forwarded || direct
}
