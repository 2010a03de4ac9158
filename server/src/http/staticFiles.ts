import fs from 'node:fs'
import path from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { PATH_SEGMENT } from '@tablecloth/shared'
import { chooseContentCoding, PRECOMPRESSED, type ContentCoding } from './contentCoding'

type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void

/**
 * The phone page's paths: a table's `/p/<eventId>/<tableId>` and a group's
 * `/p/<eventId>/g/<groupId>`, ids as the sync endpoint accepts them.
 */
const PHONE_PATH = new RegExp(`^/p/${PATH_SEGMENT}/(?:g/)?${PATH_SEGMENT}/?$`)

/** The phone page's own HTML shell, built from `client/phone.html`. */
export const PHONE_SHELL = '/phone.html'

/** A moderator's board link: `/e/<eventId>/t/<tableId>` (not its projector). */
const BOARD_PATH = new RegExp(`^/e/${PATH_SEGMENT}/t/${PATH_SEGMENT}/?$`)

/** The app's shell for board links, with tldraw and the board's font preloaded (`client/board.html`). */
export const BOARD_SHELL = '/board.html'

/** The app's HTML shell, which routes on the client. */
const APP_SHELL = '/index.html'

/** Hashed build output: a new build writes new names, so a browser may keep these for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable'
/** HTML shells and the service worker: always asked again, so an update reaches every device. */
const REVALIDATE = 'no-cache'

/** A path whose last segment has an extension names a file; anything else is a page of the app. */
const FILE_LIKE = /\/[^/]*\.[A-Za-z0-9]+$/

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
}

/** One stored representation of a file: as built, or one of its pre-compressed copies. */
interface Representation {
  file: string
  size: number
  /** Strong: the bytes sent are exactly this file's. */
  etag: string
}

interface StaticFile {
  type: string
  cacheControl: string
  lastModified: string
  identity: Representation
  encoded: Map<ContentCoding, Representation>
}

/**
 * Serves the built client. Hashed files under /assets are immutable; the
 * HTML shells and the service worker are always revalidated so an update
 * reaches every device. Phone links get the phone page's shell, which loads
 * neither tldraw nor Yjs; a moderator's board link gets the board shell, the
 * same app with tldraw preloaded; every other path that names no file falls
 * back to the app shell, which routes on the client.
 *
 * The build writes brotli and gzip copies beside each compressible file
 * (`client/vite/precompressPlugin.ts`); the copy the request accepts is sent
 * with `Content-Encoding` and `Vary: Accept-Encoding`, else the file as it
 * is. Nothing is compressed while a request waits. The files are listed once
 * at start, so a request can only ever reach a file of the build.
 */
export function createStaticFiles(clientDir: string): Handler {
  if (!fs.existsSync(path.join(clientDir, 'index.html'))) {
    return (_req, res) => {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
      res.end('The client is not built yet. Run `pnpm build` and restart.\n')
    }
  }
  const files = listFiles(clientDir)
  const shells = { phone: files.has(PHONE_SHELL), board: files.has(BOARD_SHELL) }
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      next()
      return
    }
    const pathname = decodedPath(req.url)
    if (pathname === null) {
      next()
      return
    }
    const file = files.get(shellFor(pathname, shells))
    if (!file) {
      next()
      return
    }
    send(req, res, file)
  }
}

/** The file a path asks for: itself, or the phone or app shell for a page's address. */
function shellFor(pathname: string, shells: { phone: boolean; board: boolean }): string {
  // A client built before the phone page existed still answers, with the app's "not found".
  if (shells.phone && PHONE_PATH.test(pathname)) return PHONE_SHELL
  // Built before the board shell existed, the app shell opens boards just as well.
  if (shells.board && BOARD_PATH.test(pathname)) return BOARD_SHELL
  if (pathname === '/') return APP_SHELL
  return FILE_LIKE.test(pathname) ? pathname : APP_SHELL
}

function send(req: IncomingMessage, res: ServerResponse, file: StaticFile): void {
  const coding = chooseContentCoding(req.headers['accept-encoding'], new Set(file.encoded.keys()))
  const chosen = coding === 'identity' ? file.identity : file.encoded.get(coding)!
  const headers: Record<string, string | number> = {
    'cache-control': file.cacheControl,
    etag: chosen.etag,
    'last-modified': file.lastModified,
  }
  // Caches must keep each encoding apart, also when this answer is the plain file.
  if (file.encoded.size > 0) headers.vary = 'Accept-Encoding'
  if (matchesEtag(req.headers['if-none-match'], chosen.etag)) {
    res.writeHead(304, headers)
    res.end()
    return
  }
  headers['content-type'] = file.type
  headers['content-length'] = chosen.size
  if (coding !== 'identity') headers['content-encoding'] = coding
  res.writeHead(200, headers)
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  const stream = fs.createReadStream(chosen.file)
  // The list is made once at start. A file removed since (the client rebuilt
  // under a running server) fails its read after the headers went out; that
  // cuts this response short instead of ending the process.
  stream.once('error', () => res.destroy())
  stream.pipe(res)
}

/** Whether `If-None-Match` names this representation (or is `*`). */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false
  if (header.trim() === '*') return true
  // Weak comparison (RFC 9110 §13.1.2), as If-None-Match asks for.
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '')
  return header.split(',').some((tag) => opaque(tag) === opaque(etag))
}

function decodedPath(url: string | undefined): string | null {
  try {
    return decodeURIComponent(new URL(url ?? '/', 'http://localhost').pathname)
  } catch {
    // A malformed %-escape names no file of the build.
    return null
  }
}

/** Every file of the build by its URL path, each with the pre-compressed copies beside it. */
function listFiles(root: string): Map<string, StaticFile> {
  const found = new Map<string, { file: string; stats: fs.Stats }>()
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue
      const file = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(file)
      else if (entry.isFile()) {
        const urlPath = '/' + path.relative(root, file).split(path.sep).join('/')
        found.set(urlPath, { file, stats: fs.statSync(file) })
      }
    }
  }
  walk(root)
  const files = new Map<string, StaticFile>()
  for (const [urlPath, { file, stats }] of found) {
    if (
      PRECOMPRESSED.some(
        ({ suffix }) => urlPath.endsWith(suffix) && found.has(urlPath.slice(0, -suffix.length)),
      )
    ) {
      continue
    }
    const encoded = new Map<ContentCoding, Representation>()
    for (const { coding, suffix } of PRECOMPRESSED) {
      const copy = found.get(urlPath + suffix)
      // A copy older than its file is from an earlier build: never send stale bytes.
      if (copy && copy.stats.mtimeMs >= stats.mtimeMs) {
        encoded.set(coding, representation(copy.file, copy.stats, coding))
      }
    }
    files.set(urlPath, {
      type: CONTENT_TYPES[path.extname(urlPath).toLowerCase()] ?? 'application/octet-stream',
      cacheControl: urlPath.startsWith('/assets/') ? IMMUTABLE : REVALIDATE,
      lastModified: stats.mtime.toUTCString(),
      identity: representation(file, stats, 'identity'),
      encoded,
    })
  }
  return files
}

function representation(
  file: string,
  stats: fs.Stats,
  coding: ContentCoding | 'identity',
): Representation {
  const version = `${stats.size.toString(36)}-${Math.floor(stats.mtimeMs).toString(36)}`
  return {
    file,
    size: stats.size,
    etag: `"${version}${coding === 'identity' ? '' : `-${coding}`}"`,
  }
}
