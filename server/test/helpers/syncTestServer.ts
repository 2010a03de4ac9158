import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { CloseCode, CloseReason, type Role } from '@tablecloth/shared'
import { openDatabase, type Db } from '../../src/store/database'
import { DocStore } from '../../src/store/docStore'
import {
  SyncServer,
  type SyncAuthDecision,
  type SyncServerOptions,
} from '../../src/sync/SyncServer'
import { tempDataDir } from './testRegistry'

/** Tokens the test server knows, one per role. */
export const TOKENS: Record<string, Role> = {
  'moderator-token': 'moderator',
  'organiser-token': 'organiser',
  'viewer-token': 'viewer',
  'participant-token': 'participant',
}

export interface SyncTestServer {
  /** Base URL for WebsocketProvider: `ws://127.0.0.1:<port>/sync`. */
  url: string
  sync: SyncServer
  store: DocStore
  db: Db
  dataDir: string
  logs: string[]
  close(): Promise<void>
}

/**
 * A real HTTP server on a free loopback port serving only board sockets,
 * with SQLite in a temp dir (or `dataDir`, to restart on the same data).
 */
export async function startSyncServer(
  options: { dataDir?: string } & Partial<
    Pick<SyncServerOptions, 'limits' | 'maxMessageBytes' | 'roomIdleMs' | 'initialiseDoc'>
  > = {},
): Promise<SyncTestServer> {
  const dataDir = options.dataDir ?? tempDataDir()
  const db = openDatabase(dataDir)
  const store = new DocStore(db)
  const logs: string[] = []
  const sync = new SyncServer({
    store,
    authorize: ({ token }): SyncAuthDecision => {
      const role = token === null ? undefined : TOKENS[token]
      if (role === undefined) {
        return { closeCode: CloseCode.Unauthorized, reason: CloseReason.Unauthorized }
      }
      return { role, subject: token }
    },
    roomIdleMs: options.roomIdleMs ?? 60_000,
    log: (line) => logs.push(line),
    ...(options.limits && { limits: options.limits }),
    ...(options.maxMessageBytes !== undefined && { maxMessageBytes: options.maxMessageBytes }),
    ...(options.initialiseDoc && { initialiseDoc: options.initialiseDoc }),
  })
  const server = http.createServer((_req, res) => res.writeHead(404).end())
  server.on('upgrade', (req, socket, head) => sync.handleUpgrade(req, socket, head))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `ws://127.0.0.1:${port}/sync`,
    sync,
    store,
    db,
    dataDir,
    logs,
    async close() {
      await sync.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      db.close()
    },
  }
}
