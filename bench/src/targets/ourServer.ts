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
import { startServerProcess, workspaceRoot } from '../serverProcess'
import type { BenchTarget } from './benchTarget'

const serverEntry = path.join(workspaceRoot, 'server', 'src', 'main.ts')

/** A café day with one table per board and a two-question first station. */
function benchEvent(tableCount: number): EventConfigInput {
  return {
    title: 'Bench café',
    date: new Date().toISOString().slice(0, 10),
    venue: 'Loopback',
    tables: Array.from({ length: tableCount }, (_, index) => ({
      topic: `Topic ${index + 1}`,
      moderator: `Moderator ${index + 1}`,
    })),
    stations: [
      {
        title: 'Round one',
        columns: ['What works today?', 'What should change?'],
        durationMinutes: 20,
      },
    ],
  }
}

async function createEvent(origin: string, tableCount: number): Promise<CreateEventResponse> {
  const response = await fetch(`${origin}/api/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(benchEvent(tableCount)),
  })
  if (response.status !== 201) {
    throw new Error(`POST /api/events answered ${response.status}: ${await response.text()}`)
  }
  return (await response.json()) as CreateEventResponse
}

/**
 * Our server as it runs at a venue: real SQLite in a fresh temp directory and
 * token auth, with each board joined through its table's moderator link.
 */
export const ourServer: BenchTarget = {
  label: 'ours',
  async start(boardCount) {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tablecloth-bench-'))
    const removeData = () => rmSync(dataDir, { recursive: true, force: true })
    try {
      const server = await startServerProcess({
        name: 'Tablecloth server',
        entry: serverEntry,
        env: { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' },
        listening: /Tablecloth listening on (http:\/\/\S+)/,
      })
      try {
        const event = await createEvent(server.origin, boardCount)
        const serverUrl = server.origin.replace(/^http/, 'ws') + SYNC_PATH_PREFIX
        return {
          pid: server.pid,
          failed: server.failed,
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
  },
}
