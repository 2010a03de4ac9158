import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'

/**
 * Opens the SQLite store in WAL mode and brings its schema up to date.
 *
 * WAL with synchronous=NORMAL survives a process crash (SIGKILL) without
 * losing committed transactions; only an OS crash or power loss could drop
 * the last few, which is the trade SQLite documents for WAL mode.
 */
export type Db = Database.Database

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
]

export function openDatabase(dataDir: string, fileName = 'tablecloth.db'): Db {
  fs.mkdirSync(dataDir, { recursive: true })
  const db = new Database(path.join(dataDir, fileName))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  // Deleted rows are overwritten, not left in free pages: a deleted event's
  // notes must not be readable from the file afterwards (DSGVO).
  db.pragma('secure_delete = ON')
  db.pragma('busy_timeout = 5000')
  migrate(db)
  return db
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
