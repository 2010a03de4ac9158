import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * The headers every answer carries: HTML shells, assets, API JSON, errors and
 * 404s alike. A route with a stricter policy of its own (the results HTML
 * export) passes it to `writeHead`, which takes precedence over these.
 *
 * The policy allows our own origin and nothing else: the venue has no
 * internet, and a note's text that slipped past escaping could then neither
 * run script nor send anything anywhere. What the pages need beyond 'self'
 * (each found by the e2e suite, whose origin guard fails a test on any
 * violation):
 *
 * - `style-src 'unsafe-inline'`: React and tldraw set `style` attributes,
 *   React renders `<style>` elements, and tldraw's text editor (tiptap)
 *   injects one. Styles cannot run script or send anything.
 * - `img-src data: blob:`: the favicon and tldraw's cursors are data: SVGs;
 *   tldraw draws shapes, exports and the gallery's board images through
 *   blob: and data: URLs.
 * - `font-src data:`: to export a board (board images, the gallery), tldraw
 *   turns its fonts into data: URLs and loads them into the page.
 * - `connect-src data: blob:`: tldraw fetches its assets by URL, and Vite
 *   inlines the small ones as data: URLs; board images are read back from
 *   blob: URLs. Neither leaves the browser.
 * - `connect-src ws://host wss://host`: the board sockets. CSP Level 3 lets
 *   'self' cover them, but Safari before 16 (iPads that stopped at iOS 15)
 *   does not, so the host the page was loaded from is named as well.
 *
 * No 'unsafe-eval' and no inline script. zod tries `new Function` once to see
 * whether it may compile its parsers; refused, it parses without, but the
 * e2e guard counts the refusal, so the client sets zod to `jitless`.
 */
export function contentSecurityPolicy(host: string | null): string {
  const sockets = host ? ` ws://${host} wss://${host}` : ''
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' data: blob:${sockets}`,
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/**
 * The host to name for the board sockets: PUBLIC_URL's when configured (the
 * proxy's Host may differ), else the request's own, if it is a plain
 * `host[:port]` (anything else could smuggle directives into the policy).
 */
function socketHost(req: IncomingMessage, publicUrl: string | null): string | null {
  if (publicUrl) return new URL(publicUrl).host
  const host = req.headers.host
  return host && /^[A-Za-z0-9.:[\]-]{1,300}$/.test(host) ? host : null
}

/** Every header of the policy, for one request. */
export function securityHeaders(
  req: IncomingMessage,
  publicUrl: string | null,
): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(socketHost(req, publicUrl)),
    // For browsers that predate `frame-ancestors`.
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    // Board and control-room links carry their token after `#`, which browsers
    // never send; no-referrer keeps even the path (event id) to ourselves.
    'referrer-policy': 'no-referrer',
  }
}

/** Sets the headers on `res` before any route runs; `writeHead` of a route may override them. */
export function applySecurityHeaders(
  req: IncomingMessage,
  res: ServerResponse,
  publicUrl: string | null,
): void {
  for (const [name, value] of Object.entries(securityHeaders(req, publicUrl)))
    res.setHeader(name, value)
}
