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
import type { BenchTarget, RunningTarget } from './benchTarget'

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

async function createEvent(origin: string, config: EventConfigInput): Promise<CreateEventResponse> {
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
      const serverUrl = server.origin.replace(/^http/, 'ws') + SYNC_PATH_PREFIX
      return {
        pid: server.pid,
        failed: server.failed,
        origin: server.origin,
        event,
        boards: event.links.tables.map((table) => ({
          serverUrl,
          room: roomName(event.id, table.id),
          params: {
            [SYNC_QUERY.token]: table.tokens.moderator,
            [SYNC_QUERY.protocol]: String(PROTOCOL_VERSION),
          },
        })),
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
