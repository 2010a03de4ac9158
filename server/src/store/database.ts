import path from 'node:path'
import Database from 'better-sqlite3'
import { createPrivateFile, makePrivateDir, restrictToOwner } from './privateFiles'
import { lockDataDir, type StoreLock } from './storeLock'

/** The SQLite store as the stores use it. */
export type Db = Database.Database

/** The store's file in the data directory. */
export const DATABASE_FILE = 'tablecloth.db'

const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE events (
    id TEXT PRIMARY KEY,
    config TEXT NOT NULL,
    state TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE tokens (
    hash TEXT PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    table_id TEXT,
    role TEXT NOT NULL,
    -- The token itself, encrypted under a key derived from the organiser token,
    -- so the control room can show links again without the store holding them.
    sealed TEXT,
    created_at TEXT NOT NULL
  );
  CREATE INDEX tokens_event ON tokens(event_id);
  -- Board docs: one compacted state plus an append-only log of updates since.
  CREATE TABLE doc_states (
    room TEXT PRIMARY KEY,
    state BLOB NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE doc_updates (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    room TEXT NOT NULL,
    data BLOB NOT NULL
  );
  CREATE INDEX doc_updates_room ON doc_updates(room, seq);
  CREATE TABLE snapshots (
    id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    table_id TEXT NOT NULL,
    station_index INTEGER NOT NULL,
    station_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    state BLOB NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX snapshots_event ON snapshots(event_id, station_index, table_id);
  `,
  // 2: notes the organiser hid from the results ("Review before publishing").
  // Only ids: the note's text stays on its board and in its snapshots, nowhere else.
  `
  CREATE TABLE hidden_notes (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    note_id TEXT NOT NULL,
    table_id TEXT NOT NULL,
    hidden_at TEXT NOT NULL,
    PRIMARY KEY (event_id, note_id)
  ) WITHOUT ROWID;
  `,
  // 3: a CRC32 of every stored Yjs part (partIntegrity.ts). A flipped byte can
  // still decode, with other ids, and then hides every later update built on
  // it; the checksum tells. Rows from before keep NULL: unverified, still read.
  `
  ALTER TABLE doc_updates ADD COLUMN checksum INTEGER;
  ALTER TABLE doc_states ADD COLUMN checksum INTEGER;
  ALTER TABLE snapshots ADD COLUMN checksum INTEGER;
  `,
]

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
    db = new LockedDatabase(file, lock)
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

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!)
      db.pragma(`user_version = ${version + 1}`)
    })()
  }
}
