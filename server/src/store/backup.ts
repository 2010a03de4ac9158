import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { DATABASE_FILE } from './database'
import { PRIVATE_FILE_MODE, makePrivateDir } from './privateFiles'
import { StoreLockedError, lockDataDir } from './storeLock'

/**
 * Backup and restore of the store. A backup is one SQLite file made with
 * SQLite's online backup API, so it can be taken while the server runs and
 * writes: it is a consistent copy of the database at one moment, write-ahead
 * log included. Restoring swaps the data directory's database for a backup
 * while the server is stopped, keeping the database it replaces.
 *
 * Backups hold the same personal data as the store: they are created
 * readable by this user only, in directories only this user may enter.
 */

export { DATABASE_FILE }

export interface BackupSummary {
  file: string
  bytes: number
  events: number
}

/** A backup or restore refused, with a sentence for the operator. */
export class BackupError extends Error {
  override readonly name = 'BackupError'
}

/**
 * Copies the live database into `target` (a new file, created 0600 in a
 * directory created 0700 if missing) and checks the copy. Needs no lock: it
 * reads through SQLite while the server writes.
 */
export async function backupDatabase(dataDir: string, target: string): Promise<BackupSummary> {
  const source = path.join(dataDir, DATABASE_FILE)
  if (!fs.existsSync(source)) throw new BackupError(`No Tablecloth database at ${source}`)
  makePrivateDir(path.dirname(target))
  try {
    // Created here, empty and private, so SQLite writes into a file nobody else may read.
    fs.writeFileSync(target, '', { flag: 'wx', mode: PRIVATE_FILE_MODE })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    throw new BackupError(`${target} exists already; choose a new file`)
  }
  const db = new Database(source, { readonly: true, fileMustExist: true })
  try {
    await db.backup(target)
  } catch (error) {
    // A half-written copy is no backup, and would block the next try with "exists already".
    fs.rmSync(target, { force: true })
    throw error
  } finally {
    db.close()
  }
  return inspect(target)
}

/**
 * Puts `backupFile` in place of the data directory's database. Refuses
 * while any process holds the data directory (a running server, on whatever
 * port or host, or another restore): it takes the directory's lock itself
 * for the swap, so no server can start half-way through either. The
 * database it replaces is kept beside it as
 * `tablecloth.db.before-restore-<time>` (with its write-ahead log, if any),
 * so a restore loses nothing. Refuses a file that is not a sound backup.
 */
export function restoreDatabase(
  dataDir: string,
  backupFile: string,
  now: Date = new Date(),
): BackupSummary & { kept: string | null } {
  makePrivateDir(dataDir)
  const lock = lockForRestore(dataDir)
  try {
    const summary = inspect(backupFile)
    const live = path.join(dataDir, DATABASE_FILE)
    let kept: string | null = null
    if (fs.existsSync(live)) {
      kept = `${live}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`
      for (const suffix of ['', '-wal', '-shm']) {
        if (fs.existsSync(live + suffix)) fs.renameSync(live + suffix, kept + suffix)
      }
    }
    // copyFile gives the copy the backup's mode, which for older backups was world-readable.
    fs.copyFileSync(backupFile, live)
    fs.chmodSync(live, PRIVATE_FILE_MODE)
    return { ...summary, file: live, kept }
  } finally {
    lock.release()
  }
}

function lockForRestore(dataDir: string): ReturnType<typeof lockDataDir> {
  try {
    return lockDataDir(dataDir)
  } catch (error) {
    if (!(error instanceof StoreLockedError)) throw error
    throw new BackupError(`A Tablecloth server is using ${dataDir}. Stop it first, then restore.`)
  }
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
