import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import {
  PROTOCOL_VERSION,
  roomName,
  SYNC_PATH_PREFIX,
  SYNC_QUERY,
  type CreateEventResponse,
  type EventConfigInput,
} from '@tablecloth/shared'
import { builtServerEntry, startServerProcess } from '../serverProcess'
import type { BenchTarget, BoardAddress, RunningTarget } from './benchTarget'

type StationInput = EventConfigInput['stations'][number]

/** The first round of the bench café, with two guiding questions. */
const FIRST_ROUND: StationInput = {
  title: 'Round one',
  columns: ['What works today?', 'What should change?'],
  durationMinutes: 20,
}

/** A café day with one table per board, by default a single two-question station. */
export function benchEvent(
  tableCount: number,
  stations: StationInput[] = [FIRST_ROUND],
): EventConfigInput {
  return {
    title: 'Bench café',
    date: new Date().toISOString().slice(0, 10),
    venue: 'Loopback',
    tables: Array.from({ length: tableCount }, (_, index) => ({
      topic: `Topic ${index + 1}`,
      moderator: `Moderator ${index + 1}`,
    })),
    stations,
  }
}

export async function createEvent(
  origin: string,
  config: EventConfigInput,
): Promise<CreateEventResponse> {
  const response = await fetch(`${origin}/api/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(config),
  })
  if (response.status !== 201) {
    throw new Error(`POST /api/events answered ${response.status}: ${await response.text()}`)
  }
  return (await response.json()) as CreateEventResponse
}

/** The sync endpoint of a server at `origin`, as a `WebsocketProvider` takes it. */
export function syncUrlOf(origin: string): string {
  return origin.replace(/^http/, 'ws') + SYNC_PATH_PREFIX
}

/** Every table's board of `event`, joined through the table's moderator link. */
export function moderatorBoards(origin: string, event: CreateEventResponse): BoardAddress[] {
  return event.links.tables.map((table) =>
    boardAddress(origin, event.id, table.id, table.tokens.moderator),
  )
}

/** One table's board as a client with `token` joins it. */
export function boardAddress(
  origin: string,
  eventId: string,
  tableId: string,
  token: string,
): BoardAddress {
  return {
    serverUrl: syncUrlOf(origin),
    room: roomName(eventId, tableId),
    params: { [SYNC_QUERY.token]: token, [SYNC_QUERY.protocol]: String(PROTOCOL_VERSION) },
  }
}

/** Our server with its event, for scenarios that act as the organiser too. */
export interface OurServerRun extends RunningTarget {
  /** e.g. http://127.0.0.1:41234 */
  origin: string
  /** The event as `POST /api/events` answered, with the organiser token and every link. */
  event: CreateEventResponse
}

/**
 * Our server as it runs at a venue: real SQLite in a fresh temp directory and
 * token auth, holding `config` as its one event, with each board joined
 * through its table's moderator link.
 */
export async function startOurServer(config: EventConfigInput): Promise<OurServerRun> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tablecloth-bench-'))
  const removeData = () => rmSync(dataDir, { recursive: true, force: true })
  try {
    const server = await startServerProcess({
      name: 'Tablecloth server',
      entry: builtServerEntry(),
      env: { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' },
      listening: /Tablecloth listening on (http:\/\/\S+)/,
    })
    try {
      const event = await createEvent(server.origin, config)
      return {
        pid: server.pid,
        failed: server.failed,
        origin: server.origin,
        event,
        boards: moderatorBoards(server.origin, event),
        async stop() {
          await server.stop()
          removeData()
        },
      }
    } catch (error) {
      await server.stop()
      throw error
    }
  } catch (error) {
    removeData()
    throw error
  }
}

/** Our server with a one-station café of one table per board. */
export const ourServer: BenchTarget = {
  label: 'ours',
  start: (boardCount) => startOurServer(benchEvent(boardCount)),
}
