import fs from 'node:fs'
import path from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'
import sirv from 'sirv'

type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void

/** The phone page's path: `/p/<eventId>/<tableId>`, ids as the sync endpoint accepts them. */
const PHONE_PATH = /^\/p\/[A-Za-z0-9_-]{1,64}\/[A-Za-z0-9_-]{1,64}\/?$/

/** The phone page's own HTML shell, built from `client/phone.html`. */
export const PHONE_SHELL = '/phone.html'

/**
 * Serves the built client. Hashed files under /assets are immutable; the
 * HTML shells and service worker are always revalidated so an update reaches
 * every device. Phone links get the phone page's shell, which loads neither
 * tldraw nor Yjs; every other unknown non-API path falls back to the app
 * shell, which routes on the client.
 */
export function createStaticFiles(clientDir: string): Handler {
  if (!fs.existsSync(path.join(clientDir, 'index.html'))) {
    return (_req, res) => {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
      res.end('The client is not built yet. Run `pnpm build` and restart.\n')
    }
  }
  const hasPhoneShell = fs.existsSync(path.join(clientDir, PHONE_SHELL))
  const files = sirv(clientDir, {
    single: true,
    etag: true,
    gzip: false,
    setHeaders(res, pathname) {
      if (pathname.startsWith('/assets/')) {
        res.setHeader('cache-control', 'public, max-age=31536000, immutable')
      } else {
        res.setHeader('cache-control', 'no-cache')
      }
    },
  })
  return (req, res, next) => {
    const { pathname, search } = new URL(req.url ?? '/', 'http://localhost')
    // A client built before the phone page existed still answers, with the app's "not found".
    if (hasPhoneShell && PHONE_PATH.test(pathname)) req.url = PHONE_SHELL + search
    // sirv lists the files once at start. A file removed since (the client
    // rebuilt under a running server) fails its read stream after the headers
    // went out; that cuts this response short instead of ending the process.
    res.once('pipe', (source) => source.once('error', () => res.destroy()))
    files(req, res, next)
  }
}
