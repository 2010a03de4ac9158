import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { builtServerEntry, type ServerGroup, startServerGroup } from '../serverProcess'

export interface OurProcessesOptions {
  /** How many server processes share the store. */
  processes: number
  /** The PostgreSQL store, e.g. a bench schema's URL. */
  databaseUrl: string
  /** Redis, through which the processes relay to each other; needed for more than one. */
  redisUrl?: string
}

/**
 * Starts `processes` of our built server on the same PostgreSQL store, as a
 * hosted deployment runs them behind a load balancer. Each gets a data
 * directory of its own (unused on PostgreSQL) and lifts the limit on new
 * events, as the bench creates many from one address. The first migrates the
 * schema; the others find it done.
 */
export async function startOurProcesses(options: OurProcessesOptions): Promise<ServerGroup> {
  const dataDirs: string[] = []
  const removeData = () => {
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true })
  }
  try {
    const group = await startServerGroup(options.processes, (index) => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'tablecloth-bench-'))
      dataDirs.push(dataDir)
      return {
        name: `Tablecloth server ${index + 1}`,
        entry: builtServerEntry(),
        env: {
          DATA_DIR: dataDir,
          PORT: '0',
          HOST: '127.0.0.1',
          DATABASE_URL: options.databaseUrl,
          ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
          EVENTS_PER_HOUR: '0',
        },
        listening: /Tablecloth listening on (http:\/\/\S+)/,
      }
    })
    return {
      ...group,
      async stop() {
        await group.stop()
        removeData()
      },
    }
  } catch (error) {
    removeData()
    throw error
  }
}
