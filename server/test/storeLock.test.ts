import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../src/store/database'
import { storageProblem } from '../src/store/storageProblem'
import { StoreLockedError } from '../src/store/storeLock'
import { spawnServer, type ServerProcess } from './helpers/serverProcess'
import { tempDataDir } from './helpers/testRegistry'
import { startTestServer } from './helpers/testServer'

describe('the data directory lock', () => {
  const processes: ServerProcess[] = []
  const dirs: string[] = []
  const newDataDir = () => {
    const dir = tempDataDir()
    dirs.push(dir)
    return path.join(dir, 'data')
  }

  afterEach(async () => {
    await Promise.all(processes.splice(0).map((server) => server.stop('SIGKILL')))
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
  })

  it('lets one store at a time use a data directory, and frees it when that one closes', () => {
    const dataDir = newDataDir()
    const first = openDatabase(dataDir)

    let refused: unknown = null
    try {
      openDatabase(dataDir).close()
    } catch (error) {
      refused = error
    }
    expect(refused).toBeInstanceOf(StoreLockedError)
    expect(storageProblem(refused, dataDir)).toBe(
      `Cannot use the data directory ${dataDir}: another Tablecloth server, or a restore, is using it; stop that one first (STORE_LOCKED).`,
    )

    first.close()
    const second = openDatabase(dataDir)
    second.close()
  })

  it('keeps a second server from starting on the same DATA_DIR, with a sentence naming the directory', async () => {
    const dataDir = newDataDir()
    const running = await startTestServer({}, dataDir)
    try {
      const second = spawnServer(dataDir)
      processes.push(second)
      const exit = await second.exited
      expect(exit.code).toBe(1)
      expect(exit.stderr).toContain(
        `Cannot start: Cannot use the data directory ${dataDir}: another Tablecloth server`,
      )
    } finally {
      await running.close()
    }
  })

  it('is released when the server holding it is killed with SIGKILL', async () => {
    const dataDir = newDataDir()
    const server = spawnServer(dataDir)
    processes.push(server)
    await server.listening
    expect(() => openDatabase(dataDir)).toThrow(StoreLockedError)

    const exit = await server.stop('SIGKILL')

    expect(exit.signal).toBe('SIGKILL')
    const db = openDatabase(dataDir)
    db.close()
  })
})
