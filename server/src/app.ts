import type http from 'node:http'
import { CloseCode, CloseReason } from '@tablecloth/shared'
import Fastify, { type FastifyInstance } from 'fastify'
import type { Config } from './config'
import { openStore } from './store/openStore'
import { DocStore } from './store/docStore'
import { EventStore } from './store/eventStore'
import { SnapshotStore } from './store/snapshotStore'
import { HiddenNoteStore } from './store/hiddenNoteStore'
import { ThemeStore } from './store/themeStore'
import { TokenStore } from './store/tokenStore'
import { createBoardSchema } from './board/boardSchema'
import { EventService } from './events/EventService'
import { closeResultsRenderer, suggestThemesInWorker } from './results/renderResultsFile'
import { ResultsService } from './events/ResultsService'
import { PhoneNoteService } from './events/PhoneNoteService'
import { HiddenNoteService } from './events/HiddenNoteService'
import { ThemeService } from './events/ThemeService'
import { SyncServer } from './sync/SyncServer'
import { Access } from './access/Access'
import { RateLimiter, type RateLimit } from './domain/rateLimiter'
import { BoardRelay } from './cluster/BoardRelay'
import { applyEventMessage, sharedBoardRooms } from './cluster/sharedBoardRooms'
import { SharedRateLimiter } from './cluster/SharedRateLimiter'
import { PresenceDirectory } from './cluster/PresenceDirectory'
import { storeAnswers } from './store/storeHealth'
import { PHONE_NOTE_RATE, TRUSTED_NOTE_RATE } from '@tablecloth/shared'
import { EVENT_CREATION_BURST, registerEventRoutes } from './http/eventRoutes'
import { registerNoteRoutes } from './http/noteRoutes'
import { registerResultRoutes } from './http/resultRoutes'
import { registerHiddenNoteRoutes } from './http/hiddenNoteRoutes'
import { registerThemeRoutes } from './http/themeRoutes'
import { registerSystemRoutes } from './http/systemRoutes'
import { httpOptions, registerHttpFoundation } from './http/httpFoundation'
import { registerApiDocs } from './http/apiDocs'
import { SetupPinCheck } from './http/SetupPinCheck'
import { boardRoomsOf, localPresence } from './sync/boardRooms'
import { boardUpdateGate } from './board/boardUpdateGate'
import { repairLoadedBoard } from './board/repairLoadedBoard'
import { sweepExpiredEvents } from './events/retentionSweep'

export interface App {
  server: http.Server
  /** Resolves with the origin the server listens on, e.g. http://127.0.0.1:8080. */
  listen(): Promise<string>
  close(): Promise<void>
}

/** How long a starting process waits for Redis before it listens anyway. */
const RELAY_START_WAIT_MS = 10_000

/** How often expired events are looked for while the server runs. */
const RETENTION_SWEEP_MS = 60 * 60 * 1000

/**
 * Wires store, sync and HTTP into one server process. `log` receives the
 * services' lines as they are and the request log as pino's JSON lines.
 */
export function createApp(config: Config, log: (line: string) => void = console.log): App {
  const db = openStore(config)
  const docs = new DocStore(db)
  const events = new EventStore(db)
  const tokens = new TokenStore(db)
  const snapshots = new SnapshotStore(db)
  const hiddenNoteStore = new HiddenNoteStore(db)
  const themeStore = new ThemeStore(db)
  const schema = createBoardSchema()
  const access = new Access(tokens, events)
  // Several processes on one PostgreSQL store relay to each other through Redis.
  const relay =
    config.redisUrl === null
      ? null
      : new BoardRelay(config.redisUrl, (message) => applyEventMessage(localRooms, message), log)

  const sync = new SyncServer({
    store: docs,
    authorize: (request) => access.socket(request),
    maxMessageBytes: config.maxMessageBytes,
    roomIdleMs: config.roomIdleMs,
    limits: { maxBoardBytes: config.maxBoardBytes },
    checkUpdate: (decoded, doc) => boardUpdateGate(schema, doc, decoded),
    // A board from the store is repaired and brought in line with the day before anyone sees it.
    onLoaded: (room, doc, transact) =>
      repairLoadedBoard({ room, doc, transact, schema, events, log }),
    trustProxy: config.trustProxy,
    ...(relay && { share: relay }),
    log,
  })
  relay?.attach(sync.registry)
  const localRooms = boardRoomsOf(sync)
  const directory =
    relay &&
    new PresenceDirectory(relay.commands, relay.processId, () => localPresence(sync.registry), log)
  const rooms = relay && directory ? sharedBoardRooms(localRooms, relay, directory) : localRooms
  // Counts shared by every process when there are several, this process's own otherwise.
  const rateLimit = (name: string, limit: { perMinute: number; burst: number }): RateLimit =>
    relay ? new SharedRateLimiter(relay.commands, name, limit) : new RateLimiter(limit)
  const service = new EventService({
    events,
    tokens,
    snapshots,
    rooms,
    schema,
    atomically: (fn) => db.transaction(fn)(),
    lock: (key) => db.lockKey(key),
    purgeDeleted: () => db.purgeDeleted(),
    retentionDays: config.retentionDays,
    log,
  })
  // One results service for exports and the review: both leave the notes the
  // organiser hid out of every format (server/test/hiddenNotes.test.ts).
  const results = new ResultsService({
    events,
    snapshots,
    rooms,
    hiddenNotes: hiddenNoteStore,
    themes: themeStore,
    schema,
    log,
  })
  const phoneNotes = new PhoneNoteService({
    events: service,
    rooms,
    schema,
    limiter: rateLimit('phone-notes', PHONE_NOTE_RATE),
    trustedLimiter: rateLimit('trusted-notes', TRUSTED_NOTE_RATE),
  })
  const hiddenNotes = new HiddenNoteService({ events, hiddenNotes: hiddenNoteStore, results })
  const themes = new ThemeService({ results, themes: themeStore, suggest: suggestThemesInWorker })
  // Expired events are deleted when the server starts and then every hour
  // (RETENTION_DAYS; docs/operations.md, "Data protection").
  const sweepExpired = () =>
    sweepExpiredEvents(events, service, config.retentionDays, Date.now(), log)
  let retentionTimer: NodeJS.Timeout | null = null

  const fastify: FastifyInstance = Fastify(httpOptions(config, log))
  registerHttpFoundation(fastify, config, log)
  registerApiDocs(fastify)
  // The routes load after the OpenAPI plugin, which documents every route registered after it.
  fastify.register(async (routes) => {
    registerSystemRoutes(routes, config, {
      engine: db.engine,
      store: () => storeAnswers(db),
      ...(relay && { relay: () => relay.ping() }),
    })
    registerEventRoutes(routes, {
      config,
      events: service,
      access,
      creationLimiter:
        config.eventsPerHour > 0
          ? rateLimit('events', {
              burst: EVENT_CREATION_BURST,
              perMinute: config.eventsPerHour / 60,
            })
          : null,
      setupPin: config.setupPin === null ? null : new SetupPinCheck(config.setupPin),
    })
    registerNoteRoutes(routes, { access, notes: phoneNotes, trustProxy: config.trustProxy })
    registerResultRoutes(routes, { access, results })
    registerHiddenNoteRoutes(routes, { access, hiddenNotes })
    registerThemeRoutes(routes, { access, themes })
  })

  const server = fastify.server
  server.on('upgrade', (req, socket, head) => sync.handleUpgrade(req, socket, head))

  return {
    server,
    async listen() {
      if (config.retentionDays > 0) {
        sweepExpired()
        retentionTimer = setInterval(sweepExpired, RETENTION_SWEEP_MS)
        retentionTimer.unref()
      }
      if (relay) {
        // Sockets that arrive before Redis answers would only be turned away
        // (4507); a Redis that stays away is reported and waited for instead.
        await relay.whenAvailable(RELAY_START_WAIT_MS).catch(() => {
          log('relay not reachable at start: edits are refused until Redis answers')
        })
      }
      directory?.start()
      await fastify.listen({ port: config.port, host: config.host })
      const address = server.address() as import('node:net').AddressInfo
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
      return `http://${host === '0.0.0.0' ? 'localhost' : host}:${address.port}`
    },
    async close() {
      if (retentionTimer) clearInterval(retentionTimer)
      await sync.close(CloseCode.ShuttingDown, CloseReason.ShuttingDown)
      await fastify.close()
      await closeResultsRenderer()
      await directory?.stop()
      await relay?.close()
      db.close()
    },
  }
}
