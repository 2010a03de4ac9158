import path from 'node:path'
import Database from 'better-sqlite3'
import { createPrivateFile } from './privateFiles'

/** The lock file in the data directory; its content is irrelevant, only its lock counts. */
export const LOCK_FILE = 'tablecloth.lock'

/** Another process (a server, a restore) holds the data directory. */
export class StoreLockedError extends Error {
  override readonly name = 'StoreLockedError'
  /** Read by `storageProblem`, which turns it into the start-up sentence. */
  readonly code = 'STORE_LOCKED'

  constructor(readonly dataDir: string) {
    super(`Another Tablecloth process is using the data directory ${dataDir}`)
  }
}

/** The data directory held exclusively; `release` ends it and may be called more than once. */
export interface StoreLock {
  release(): void
}

/**
 * Takes the data directory for this process alone, or throws StoreLockedError
 * at once (no waiting) when a server or a restore already has it.
 *
 * The lock is SQLite's own file lock on `tablecloth.lock`, held by an open
 * `BEGIN EXCLUSIVE` transaction that never writes. SQLite uses POSIX
 * (fcntl) locks, which the kernel drops when the process ends however it
 * ends, SIGKILL and power loss included, so a crashed server never leaves a
 * stale lock. Within one process SQLite keeps its connections apart itself,
 * so a second `lockDataDir` on the same directory is refused too.
 */
export function lockDataDir(dataDir: string): StoreLock {
  const file = path.join(dataDir, LOCK_FILE)
  createPrivateFile(file)
  // timeout 0: a held lock answers SQLITE_BUSY at once instead of after a wait.
  const db = new Database(file, { timeout: 0 })
  try {
    db.exec('BEGIN EXCLUSIVE')
  } catch (error) {
    db.close()
    if (error instanceof Database.SqliteError && error.code.startsWith('SQLITE_BUSY')) {
      throw new StoreLockedError(dataDir)
    }
    throw error
  }
  return {
    release() {
      if (db.open) db.close()
    },
  }
}
