import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openDatabase, type Db } from '../../src/store/database'
import { DocStore } from '../../src/store/docStore'
import { RoomRegistry, type RoomRegistryOptions } from '../../src/sync/RoomRegistry'
import { DEFAULT_SYNC_LIMITS, type SyncLimits } from '../../src/sync/syncLimits'

/** A fresh temp directory for one test's SQLite store. */
export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'tablecloth-sync-'))
}

export interface TestRegistry {
  registry: RoomRegistry
  store: DocStore
  db: Db
  dataDir: string
  /** Every line the sync layer logged. */
  logs: string[]
  close(): void
}

/** A room registry over SQLite in a temp dir, without any network. */
export function createTestRegistry(
  options: {
    limits?: Partial<SyncLimits>
    roomIdleMs?: number
    dataDir?: string
  } & Partial<
    Pick<RoomRegistryOptions, 'initialiseDoc' | 'onRoomChange' | 'onLoaded' | 'share'>
  > = {},
): TestRegistry {
  const ownsDataDir = options.dataDir === undefined
  const dataDir = options.dataDir ?? tempDataDir()
  const db = openDatabase(dataDir)
  const store = new DocStore(db)
  const logs: string[] = []
  const registry = new RoomRegistry({
    store,
    limits: { ...DEFAULT_SYNC_LIMITS, ...options.limits },
    roomIdleMs: options.roomIdleMs ?? 60_000,
    log: (line) => logs.push(line),
    ...(options.initialiseDoc && { initialiseDoc: options.initialiseDoc }),
    ...(options.onRoomChange && { onRoomChange: options.onRoomChange }),
    ...(options.onLoaded && { onLoaded: options.onLoaded }),
    ...(options.share && { share: options.share }),
  })
  return {
    registry,
    store,
    db,
    dataDir,
    logs,
    close() {
      registry.close()
      db.close()
      if (ownsDataDir) fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
