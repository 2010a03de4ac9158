import type { IncomingMessage } from 'node:http'

/** Extracts the token from `Authorization: Bearer <token>`; null when absent or malformed. */
export function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization
  if (!header) return null
  const match = /^Bearer\s+(\S+)$/i.exec(header)
  return match?.[1] ?? null
}
