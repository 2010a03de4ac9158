import { BoardClient } from '../BoardClient'
import type { ClientFactory } from '../boardLoad'
import { HocuspocusBoardClient } from '../hocuspocus/HocuspocusBoardClient'
import { startHocuspocusProcesses } from '../hocuspocus/hocuspocusProcesses'
import type { ServerGroup } from '../serverProcess'
import type { BoardAddress } from '../targets/benchTarget'
import { countingWebSocket, type FrameCount } from './frameCounter'
import { startOurProcesses } from '../targets/ourProcesses'
import {
  benchEvent,
  createEvent,
  moderatorBoards,
  ourServer,
  syncUrlOf,
} from '../targets/ourServer'
import {
  createBenchSchema,
  type RedisWatch,
  type SharedServices,
  sampleRoundTrips,
  watchRedis,
} from '../targets/sharedStore'

/** Counters outside the servers, read at both ends of the measured window. */
export interface BackingCounters {
  /** Updates our servers logged in PostgreSQL. */
  updatesLogged?: number
  /** CPU seconds of the PostgreSQL backends serving the servers. */
  postgresCpuSeconds?: number
  /** PUBLISH commands Redis served (anyone's). */
  redisPublishes?: number
  redisCpuSeconds?: number
}

/** A setup under the live load, started: its processes, boards and how clients reach them. */
export interface RunningSetup {
  /** Frames every client of the setup received so far. */
  frames: FrameCount
  /** Each server process. */
  pids: number[]
  boards: BoardAddress[]
  /** The process (index into `pids`) a client seat connects to. */
  processOf(seat: number): number
  connect: ClientFactory
  counters(): Promise<BackingCounters>
  /** Samples PostgreSQL round trips, for setups on PostgreSQL. */
  roundTrips?: () => { stop(): Promise<number[]> }
  failed: AbortSignal
  stop(): Promise<void>
}

/** One way to serve the live boards, e.g. two of our processes on PostgreSQL and Redis. */
export interface LiveSetup {
  label: string
  /** What the setup runs on, for the report. */
  detail: string
  start(boardCount: number): Promise<RunningSetup>
}

/** Stock y-websocket clients whose frames are counted into `frames`. */
function stockClients(frames: FrameCount, serverUrlOf?: (seat: number) => string): ClientFactory {
  const WebSocket = countingWebSocket(frames)
  return (address, seat, onNote) =>
    new BoardClient(
      serverUrlOf ? { ...address, serverUrl: serverUrlOf(seat.client) } : address,
      seat.name,
      onNote,
      { WebSocket },
    )
}

/** Seats take turns between the processes, so each board's clients are split evenly. */
const alternate = (processes: number) => (seat: number) => seat % processes

/** (a) One process on SQLite, as a venue runs it. */
export const sqliteSetup: LiveSetup = {
  label: 'SQLite ×1',
  detail: 'one process, SQLite in a temp dir',
  async start(boardCount) {
    const running = await ourServer.start(boardCount)
    const frames = { received: 0 }
    return {
      frames,
      pids: [running.pid],
      boards: running.boards,
      processOf: () => 0,
      connect: stockClients(frames),
      counters: async () => ({}),
      failed: running.failed,
      stop: () => running.stop(),
    }
  },
}

/**
 * (b) and (c): `processes` of ours on a fresh PostgreSQL schema, relaying
 * through Redis when there are several; each board's clients alternate
 * between the processes.
 */
export function postgresSetup(services: SharedServices, processes: number): LiveSetup {
  const relayed = processes > 1
  return {
    label: relayed ? `PostgreSQL + Redis ×${processes}` : `PostgreSQL ×${processes}`,
    detail: relayed
      ? `${processes} processes on one PostgreSQL schema, relaying through Redis`
      : 'one process on PostgreSQL',
    async start(boardCount) {
      const schema = await createBenchSchema(services.databaseUrl)
      let group: ServerGroup | null = null
      let redis: RedisWatch | null = null
      const stop = async () => {
        await group?.stop()
        await redis?.close()
        await schema.drop()
      }
      try {
        group = await startOurProcesses({
          processes,
          databaseUrl: schema.url,
          ...(relayed ? { redisUrl: services.redisUrl } : {}),
        })
        redis = relayed ? await watchRedis(services.redisUrl) : null
        const origins = group.servers.map((server) => server.origin)
        const event = await createEvent(origins[0]!, benchEvent(boardCount))
        const processOf = alternate(processes)
        const watched = redis
        const frames = { received: 0 }
        return {
          frames,
          pids: group.servers.map((server) => server.pid),
          boards: moderatorBoards(origins[0]!, event),
          processOf,
          connect: stockClients(frames, (seat) => syncUrlOf(origins[processOf(seat)]!)),
          roundTrips: () => sampleRoundTrips(schema),
          async counters() {
            const [updatesLogged, postgresCpuSeconds, relay] = await Promise.all([
              schema.updatesLogged(),
              schema.backendCpuSeconds(),
              watched?.read(),
            ])
            return {
              updatesLogged,
              postgresCpuSeconds,
              ...(relay && { redisPublishes: relay.publishes, redisCpuSeconds: relay.cpuSeconds }),
            }
          },
          failed: group.failed,
          stop,
        }
      } catch (error) {
        await stop()
        throw error
      }
    },
  }
}

/**
 * Hocuspocus 3 as a user would scale it: `processes` stock servers with the
 * Redis extension (no persistence), its own provider on every client, each
 * board's clients alternating between the processes.
 */
export function hocuspocusSetup(services: SharedServices, processes: number): LiveSetup {
  return {
    label: `Hocuspocus ×${processes}`,
    detail: `${processes} Hocuspocus 3 processes with @hocuspocus/extension-redis, no persistence`,
    async start(boardCount) {
      const group = await startHocuspocusProcesses(processes, services.redisUrl)
      let redis: RedisWatch
      try {
        redis = await watchRedis(services.redisUrl)
      } catch (error) {
        await group.stop()
        throw error
      }
      const urls = group.servers.map((server) => server.origin.replace(/^http/, 'ws'))
      const processOf = alternate(processes)
      const frames = { received: 0 }
      const WebSocket = countingWebSocket(frames)
      return {
        frames,
        pids: group.servers.map((server) => server.pid),
        boards: Array.from({ length: boardCount }, (_, index) => ({
          serverUrl: urls[0]!,
          room: `table-${index + 1}`,
          params: {},
        })),
        processOf,
        connect: (address, seat, onNote) =>
          new HocuspocusBoardClient(
            { ...address, serverUrl: urls[processOf(seat.client)]! },
            seat.name,
            onNote,
            WebSocket,
          ),
        async counters() {
          const relay = await redis.read()
          return { redisPublishes: relay.publishes, redisCpuSeconds: relay.cpuSeconds }
        },
        failed: group.failed,
        async stop() {
          await group.stop()
          await redis.close()
        },
      }
    },
  }
}
