import path from 'node:path'
import Database from 'better-sqlite3'
import { createPrivateFile, makePrivateDir, restrictToOwner } from './privateFiles'
import { lockDataDir, type StoreLock } from './storeLock'
import { migrate } from './migrations'
import type { SqlDb } from './sql/SqlDb'

/** The SQLite store: better-sqlite3's connection, which is also a SqlDb. */
export type Db = Database.Database & SqlDb

/** The store's file in the data directory. */
export const DATABASE_FILE = 'tablecloth.db'

/**
 * The store's connection, holding the data directory's lock (storeLock.ts)
 * for as long as it is open: closing it releases the lock, so a server can
 * be stopped and started again on the same directory within one process.
 */
class LockedDatabase extends Database {
  constructor(
    file: string,
    private readonly lock: StoreLock,
  ) {
    super(file)
  }

  override close(): this {
    try {
      return super.close()
    } finally {
      this.lock.release()
    }
  }
}

/**
 * Opens the SQLite store in WAL mode and brings its schema up to date.
 *
 * The data directory is locked for this process until `close()`: a second
 * server, or `pnpm restore`, on the same directory is refused with
 * StoreLockedError (code STORE_LOCKED) instead of writing beside it.
 *
 * A new data directory is created readable by this user only (0700), the
 * database file likewise (0600); SQLite gives its `-wal` and `-shm` files the
 * database file's mode.
 *
 * WAL with synchronous=NORMAL survives a process crash (SIGKILL) without
 * losing committed transactions; only an OS crash or power loss could drop
 * the last few, which is the trade SQLite documents for WAL mode.
 */
export function openDatabase(dataDir: string, fileName = DATABASE_FILE): Db {
  makePrivateDir(dataDir)
  const lock = lockDataDir(dataDir)
  let db: Db | null = null
  try {
    const file = path.join(dataDir, fileName)
    // Created before SQLite opens it, so it never exists with a wider mode;
    // an existing store from before is narrowed, with what is left of its log.
    createPrivateFile(file)
    for (const suffix of ['', '-wal', '-shm']) restrictToOwner(file + suffix)
    db = sqliteStore(new LockedDatabase(file, lock))
    setUp(db)
    return db
  } catch (error) {
    db?.close()
    lock.release()
    throw error
  }
}

function setUp(db: Db): void {
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  // Deleted rows are overwritten, not left in free pages: a deleted event's
  // notes must not be readable from the file afterwards (DSGVO).
  db.pragma('secure_delete = ON')
  db.pragma('busy_timeout = 5000')
  migrate(db)
}

/**
 * A better-sqlite3 connection as a SqlDb, for the stores to read and write
 * through: the server's own (`openDatabase`), or one opened elsewhere
 * (read-only, beside a running server, in a script).
 */
export function sqliteStore(raw: Database.Database): Db {
  return Object.assign(raw, {
    engine: 'sqlite' as const,
    // One process writes a SQLite store (storeLock.ts): there is no one else to wait for.
    lockKey: (_key: string) => {},
    // Moves the write-ahead log into the file and empties it, so deleted rows
    // survive in neither (secure_delete has zeroed their pages).
    purgeDeleted: () => {
      raw.pragma('wal_checkpoint(TRUNCATE)')
    },
  })
}
