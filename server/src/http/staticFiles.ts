import fs from 'node:fs'
import path from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'
import sirv from 'sirv'

type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void

/**
 * Serves the built client. Hashed files under /assets are immutable; the
 * HTML shell and service worker are always revalidated so an update reaches
 * every device. Unknown non-API paths fall back to the app shell, which
 * routes on the client.
 */
export function createStaticFiles(clientDir: string): Handler {
  if (!fs.existsSync(path.join(clientDir, 'index.html'))) {
    return (_req, res) => {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
      res.end('The client is not built yet. Run `pnpm build` and restart.\n')
    }
  }
  return sirv(clientDir, {
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
}
