import http from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  ApiErrorCode,
  CloseCode,
  CloseReason,
  PHONE_NOTE_RATE,
  TRUSTED_NOTE_RATE,
  PROTOCOL_VERSION,
  type ServerConfigResponse,
} from '@tablecloth/shared'
import type { Config } from './config'
import { openDatabase } from './store/database'
import { DocStore } from './store/docStore'
import { EventStore } from './store/eventStore'
import { SnapshotStore } from './store/snapshotStore'
import { HiddenNoteStore } from './store/hiddenNoteStore'
import { TokenStore } from './store/tokenStore'
import { createBoardSchema } from './board/boardSchema'
import { EventService } from './events/EventService'
import { ResultsService } from './events/ResultsService'
import { SyncServer } from './sync/SyncServer'
import { authorizeSync } from './auth/authorizeSync'
import { Router } from './http/Router'
import { HttpError } from './http/HttpError'
import { EVENT_CREATION_BURST, registerEventRoutes } from './http/eventRoutes'
import { registerNoteRoutes } from './http/noteRoutes'
import { registerResultRoutes } from './http/resultRoutes'
import { registerHiddenNoteRoutes } from './http/hiddenNoteRoutes'
import { RateLimiter } from './http/rateLimiter'
import { sendError, sendJson } from './http/respond'
import { createStaticFiles } from './http/staticFiles'
import { applySecurityHeaders } from './http/securityHeaders'
import { SetupPinCheck } from './http/SetupPinCheck'
import { boardRoomsOf } from './sync/boardRooms'
import { boardUpdateGate } from './board/boardUpdateGate'
import { repairLoadedBoard } from './board/repairLoadedBoard'
import { sweepExpiredEvents } from './events/retentionSweep'

export interface App {
  server: http.Server
  /** Resolves with the origin the server listens on, e.g. http://127.0.0.1:8080. */
  listen(): Promise<string>
  close(): Promise<void>
}

/** How often expired events are looked for while the server runs. */
const RETENTION_SWEEP_MS = 60 * 60 * 1000

/** Wires store, sync and HTTP into one server process. */
export function createApp(config: Config, log: (line: string) => void = console.log): App {
  const db = openDatabase(config.dataDir)
  const docs = new DocStore(db)
  const events = new EventStore(db)
  const tokens = new TokenStore(db)
  const snapshots = new SnapshotStore(db)
  const hiddenNotes = new HiddenNoteStore(db)
  const schema = createBoardSchema()

  const sync = new SyncServer({
    store: docs,
    authorize: (request) => authorizeSync(tokens, events, request),
    maxMessageBytes: config.maxMessageBytes,
    roomIdleMs: config.roomIdleMs,
    limits: { maxBoardBytes: config.maxBoardBytes },
    checkUpdate: (decoded, doc) => boardUpdateGate(schema, doc, decoded),
    // A board from the store is repaired and brought in line with the day before anyone sees it.
    onLoaded: (room, doc, transact) => repairLoadedBoard({ room, doc, transact, schema, events, log }),
    trustProxy: config.trustProxy,
    log,
  })
  const rooms = boardRoomsOf(sync)
  const service = new EventService({
    events,
    tokens,
    snapshots,
    rooms,
    schema,
    atomically: (fn) => db.transaction(fn)(),
    // Moves the write-ahead log into the file and empties it, so deleted
    // rows survive in neither (secure_delete has zeroed their pages).
    purgeDeleted: () => db.pragma('wal_checkpoint(TRUNCATE)'),
    retentionDays: config.retentionDays,
    log,
  })
  // Expired events are deleted when the server starts and then every hour
  // (RETENTION_DAYS; docs/operations.md, "Data protection").
  const sweepExpired = () => sweepExpiredEvents(events, service, config.retentionDays, Date.now(), log)
  let retentionTimer: NodeJS.Timeout | null = null

  const router = new Router()
  router.on('GET', '/healthz', ({ res }) => sendJson(res, 200, { ok: true }))
  router.on('GET', '/api/config', ({ res }) =>
    sendJson(res, 200, {
      tldrawLicenseKey: config.tldrawLicenseKey,
      protocol: PROTOCOL_VERSION,
      setupPinRequired: config.setupPin !== null,
    } satisfies ServerConfigResponse),
  )
  router.on('GET', '/api/time', ({ res }) => sendJson(res, 200, { serverTime: Date.now() }))
  registerEventRoutes(router, {
    config,
    events: service,
    tokens,
    creationLimiter:
      config.eventsPerHour > 0
        ? new RateLimiter({ burst: EVENT_CREATION_BURST, perMinute: config.eventsPerHour / 60 })
        : null,
    setupPin: config.setupPin === null ? null : new SetupPinCheck(config.setupPin),
  })
  registerNoteRoutes(router, {
    events: service,
    tokens,
    rooms,
    schema,
    limiter: new RateLimiter(PHONE_NOTE_RATE),
    trustedLimiter: new RateLimiter(TRUSTED_NOTE_RATE),
    trustProxy: config.trustProxy,
  })
  // One results service for exports and the review: both leave the notes the
  // organiser hid out of every format (server/test/hiddenNotes.test.ts).
  const results = new ResultsService({ events, snapshots, rooms, hiddenNotes, schema, log })
  registerResultRoutes(router, { tokens, results })
  registerHiddenNoteRoutes(router, { events, tokens, hiddenNotes, results })
  const staticFiles = createStaticFiles(config.clientDir)

  const server = http.createServer((req, res) => {
    // Before any route runs, so API answers, errors, 404s and static files all carry them.
    applySecurityHeaders(req, res, config.publicUrl)
    const url = requestUrl(req.url)
    if (!url) {
      sendError(res, new HttpError(400, ApiErrorCode.ValidationFailed, 'Malformed request target'), log)
      return
    }
    router
      .dispatch(req, res, url)
      .then((handled) => {
        if (handled) return
        if (url.pathname.startsWith('/api/')) {
          throw new HttpError(404, ApiErrorCode.NotFound, 'No such API route')
        }
        staticFiles(req, res, () => {
          res.writeHead(404).end()
        })
      })
      .catch((error: unknown) => {
        if (res.headersSent) {
          res.destroy()
          return
        }
        sendError(res, error, log)
      })
  })
  server.on('upgrade', (req, socket, head) => sync.handleUpgrade(req, socket, head))

  return {
    server,
    listen: () =>
      new Promise((resolve, reject) => {
        if (config.retentionDays > 0) {
          sweepExpired()
          retentionTimer = setInterval(sweepExpired, RETENTION_SWEEP_MS)
          retentionTimer.unref()
        }
        server.once('error', reject)
        server.listen(config.port, config.host, () => {
          const address = server.address() as AddressInfo
          const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
          resolve(`http://${host === '0.0.0.0' ? 'localhost' : host}:${address.port}`)
        })
      }),
    async close() {
      if (retentionTimer) clearInterval(retentionTimer)
      await sync.close(CloseCode.ShuttingDown, CloseReason.ShuttingDown)
      await new Promise<void>((resolve) => server.close(() => resolve()))
      db.close()
    },
  }
}

/**
 * The request target as a URL, or null when it cannot be one. Node accepts
 * absolute-form targets such as `GET http://[ HTTP/1.1`, on which `new URL`
 * throws; thrown here, that would end the whole process.
 */
function requestUrl(target: string | undefined): URL | null {
  try {
    return new URL(target ?? '/', 'http://localhost')
  } catch {
    return null
  }
}
