import http from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  ApiErrorCode,
  CloseCode,
  CloseReason,
  PHONE_NOTE_RATE,
  PROTOCOL_VERSION,
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
import type { ResultsServiceDeps } from './events/ResultsService'
import { SyncServer } from './sync/SyncServer'
import { authorizeSync } from './auth/authorizeSync'
import { Router } from './http/Router'
import { HttpError } from './http/HttpError'
import { registerEventRoutes } from './http/eventRoutes'
import { registerNoteRoutes } from './http/noteRoutes'
import { registerResultRoutes } from './http/resultRoutes'
import { registerHiddenNoteRoutes } from './http/hiddenNoteRoutes'
import { RateLimiter } from './http/rateLimiter'
import { sendError, sendJson } from './http/respond'
import { createStaticFiles } from './http/staticFiles'
import { boardRoomsOf } from './sync/boardRooms'
import { rejectedRecord } from './board/updateRecordCheck'
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
    checkUpdate: (decoded) => rejectedRecord(schema, decoded),
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
  })
  // Expired events are deleted when the server starts and then every hour
  // (RETENTION_DAYS; README, "Data protection").
  const sweepExpired = () => sweepExpiredEvents(events, service, config.retentionDays, Date.now(), log)
  let retentionTimer: NodeJS.Timeout | null = null

  const router = new Router()
  router.on('GET', '/healthz', ({ res }) => sendJson(res, 200, { ok: true }))
  router.on('GET', '/api/config', ({ res }) =>
    sendJson(res, 200, { tldrawLicenseKey: config.tldrawLicenseKey, protocol: PROTOCOL_VERSION }),
  )
  router.on('GET', '/api/time', ({ res }) => sendJson(res, 200, { serverTime: Date.now() }))
  registerEventRoutes(router, { config, events: service, tokens })
  registerNoteRoutes(router, {
    events: service,
    tokens,
    rooms,
    schema,
    limiter: new RateLimiter(PHONE_NOTE_RATE),
    trustProxy: config.trustProxy,
  })
  // The result routes hand these deps to their ResultsService, which leaves
  // the notes the organiser hid out of every format (server/test/hiddenNotes.test.ts).
  const resultDeps: Parameters<typeof registerResultRoutes>[1] & ResultsServiceDeps = {
    events,
    snapshots,
    rooms,
    tokens,
    hiddenNotes,
  }
  registerResultRoutes(router, resultDeps)
  registerHiddenNoteRoutes(router, { events, snapshots, rooms, tokens, hiddenNotes })
  const staticFiles = createStaticFiles(config.clientDir)

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
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
