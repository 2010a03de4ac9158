import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'

/**
 * Backup and restore of the store. A backup is one SQLite file made with
 * SQLite's online backup API, so it can be taken while the server runs and
 * writes: it is a consistent copy of the database at one moment, write-ahead
 * log included. Restoring swaps the data directory's database for a backup
 * while the server is stopped, keeping the database it replaces.
 */

/** The store's file in the data directory (see `openDatabase`). */
export const DATABASE_FILE = 'tablecloth.db'

export interface BackupSummary {
  file: string
  bytes: number
  events: number
}

export class BackupError extends Error {
  override readonly name = 'BackupError'
}

/** Copies the live database into `target` (a new file) and checks the copy. */
export async function backupDatabase(dataDir: string, target: string): Promise<BackupSummary> {
  const source = path.join(dataDir, DATABASE_FILE)
  if (!fs.existsSync(source)) throw new BackupError(`No Tablecloth database at ${source}`)
  if (fs.existsSync(target)) throw new BackupError(`${target} exists already; choose a new file`)
  fs.mkdirSync(path.dirname(target), { recursive: true })
  const db = new Database(source, { readonly: true, fileMustExist: true })
  try {
    await db.backup(target)
  } finally {
    db.close()
  }
  return inspect(target)
}

/**
 * Puts `backupFile` in place of the data directory's database. The server
 * must be stopped. The database it replaces is kept beside it as
 * `tablecloth.db.before-restore-<time>` (with its write-ahead log, if any),
 * so a restore loses nothing. Refuses a file that is not a sound backup.
 */
export function restoreDatabase(
  dataDir: string,
  backupFile: string,
  now: Date = new Date(),
): BackupSummary & { kept: string | null } {
  const summary = inspect(backupFile)
  fs.mkdirSync(dataDir, { recursive: true })
  const live = path.join(dataDir, DATABASE_FILE)
  let kept: string | null = null
  if (fs.existsSync(live)) {
    kept = `${live}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`
    for (const suffix of ['', '-wal', '-shm']) {
      if (fs.existsSync(live + suffix)) fs.renameSync(live + suffix, kept + suffix)
    }
  }
  fs.copyFileSync(backupFile, live)
  return { ...summary, file: live, kept }
}

/** Opens a backup read-only and checks it: SQLite's integrity check, and our tables in it. */
function inspect(file: string): BackupSummary {
  if (!fs.existsSync(file)) throw new BackupError(`No backup at ${file}`)
  let db: Database.Database
  try {
    db = new Database(file, { readonly: true, fileMustExist: true })
  } catch (error) {
    throw new BackupError(`${file} is not a SQLite database: ${(error as Error).message}`)
  }
  try {
    const integrity = db.pragma('integrity_check', { simple: true })
    if (integrity !== 'ok') throw new BackupError(`${file} is damaged: ${String(integrity)}`)
    const events = db.prepare('SELECT count(*) FROM events').pluck().get() as number
    return { file, bytes: fs.statSync(file).size, events }
  } catch (error) {
    if (error instanceof BackupError) throw error
    throw new BackupError(`${file} is not a Tablecloth backup: ${(error as Error).message}`)
  } finally {
    db.close()
  }
}
