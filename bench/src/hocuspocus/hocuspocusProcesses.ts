import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { type ServerGroup, startServerGroup } from '../serverProcess'

const serverEntry = fileURLToPath(new URL('./hocuspocusServer.ts', import.meta.url))

/** Starts `processes` Hocuspocus servers relaying through Redis under a prefix of their own. */
export function startHocuspocusProcesses(
  processes: number,
  redisUrl: string,
): Promise<ServerGroup> {
  const prefix = `hocuspocus-bench-${randomBytes(4).toString('hex')}`
  return startServerGroup(processes, (index) => ({
    name: `Hocuspocus ${index + 1}`,
    entry: serverEntry,
    env: { PORT: '0', HOST: '127.0.0.1', REDIS_URL: redisUrl, REDIS_PREFIX: prefix },
    listening: /Hocuspocus listening on (http:\/\/\S+)/,
  }))
}
