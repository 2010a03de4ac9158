import { fileURLToPath } from 'node:url'
import { roomName, SYNC_PATH_PREFIX } from '@tablecloth/shared'
import { startServerProcess } from '../serverProcess'
import type { BenchTarget } from './benchTarget'

const relayEntry = fileURLToPath(new URL('../plainRelay.ts', import.meta.url))

/**
 * The plain relay (`plainRelay.ts`). Boards are addressed exactly like ours,
 * so clients differ only in the server they reach; the relay ignores the path
 * prefix and the query.
 */
export const plainRelayTarget: BenchTarget = {
  label: 'plain',
  async start(boardCount) {
    const relay = await startServerProcess({
      name: 'plain relay',
      entry: relayEntry,
      env: { PORT: '0', HOST: '127.0.0.1' },
      listening: /Plain relay listening on (http:\/\/\S+)/,
    })
    const serverUrl = relay.origin.replace(/^http/, 'ws') + SYNC_PATH_PREFIX
    return {
      pid: relay.pid,
      failed: relay.failed,
      boards: Array.from({ length: boardCount }, (_, index) => ({
        serverUrl,
        room: roomName('plain', `table-${index + 1}`),
        params: {},
      })),
      stop: () => relay.stop(),
    }
  },
}
