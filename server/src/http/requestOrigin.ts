import type { IncomingMessage } from 'node:http'

/**
 * The origin links should point at. A configured PUBLIC_URL wins (behind a
 * reverse proxy); otherwise the Host the organiser used, so links made on
 * the venue LAN carry the laptop's LAN address.
 */
export function requestOrigin(req: IncomingMessage, publicUrl: string | null): string {
  if (publicUrl) return publicUrl
  const host = req.headers.host
  return host && /^[A-Za-z0-9.:[\]-]+$/.test(host) ? `http://${host}` : 'http://localhost'
}
