import { DIALECTS, type SqlDb, type SqlDialect } from './sql/SqlDb'

/**
 * The store's schema, one step per version, written once for both engines:
 * where SQLite and PostgreSQL spell a type differently, the step reads it
 * from the dialect. A store records how many steps it has run (SQLite in
 * `user_version`, PostgreSQL in `schema_version`) and runs the rest.
 */
const MIGRATIONS: ReadonlyArray<(d: SqlDialect) => string> = [
  (d) => `
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
    state ${d.bytes} NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE doc_updates (
    seq ${d.serialKey},
    room TEXT NOT NULL,
    data ${d.bytes} NOT NULL
  );
  CREATE INDEX doc_updates_room ON doc_updates(room, seq);
  CREATE TABLE snapshots (
    id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    table_id TEXT NOT NULL,
    station_index INTEGER NOT NULL,
    station_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    state ${d.bytes} NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX snapshots_event ON snapshots(event_id, station_index, table_id);
  `,
  // 2: notes the organiser hid from the results ("Review before publishing").
  // Only ids: the note's text stays on its board and in its snapshots, nowhere else.
  (d) => `
  CREATE TABLE hidden_notes (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    note_id TEXT NOT NULL,
    table_id TEXT NOT NULL,
    hidden_at TEXT NOT NULL,
    PRIMARY KEY (event_id, note_id)
  ) ${d.withoutRowid};
  `,
  // 3: a CRC32 of every stored Yjs part (partIntegrity.ts). A flipped byte can
  // still decode, with other ids, and then hides every later update built on
  // it; the checksum tells. Rows from before keep NULL: unverified, still read.
  (d) => `
  ALTER TABLE doc_updates ADD COLUMN checksum ${d.bigint};
  ALTER TABLE doc_states ADD COLUMN checksum ${d.bigint};
  ALTER TABLE snapshots ADD COLUMN checksum ${d.bigint};
  `,
  // 4: every board numbers its own updates 1, 2, 3, … (doc_heads holds the
  // last number given). Processes that share a store relay updates to each
  // other with these numbers; one that sees a number skipped knows it missed
  // a message and reads the board again. Compaction keeps the head, so the
  // numbers never restart while the board exists.
  (d) => `
  CREATE TABLE doc_heads (
    room TEXT PRIMARY KEY,
    seq ${d.bigint} NOT NULL
  );
  ALTER TABLE doc_updates ADD COLUMN board_seq ${d.bigint};
  UPDATE doc_updates SET board_seq = seq;
  INSERT INTO doc_heads (room, seq) SELECT room, max(seq) FROM doc_updates GROUP BY room;
  CREATE UNIQUE INDEX doc_updates_board_seq ON doc_updates(room, board_seq);
  `,
  // 5: the cross-table themes the organiser saved for the plenary, as one
  // JSON row per event (themeStore.ts). They are only ever written and read
  // as a whole (PUT replaces the set), so one row replaces them atomically
  // and the request limits bound its size; nothing queries single themes.
  // Only titles and note ids: the notes' text stays on the boards.
  (d) => `
  CREATE TABLE event_themes (
    event_id TEXT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    themes TEXT NOT NULL,
    saved_at TEXT NOT NULL
  ) ${d.withoutRowid};
  `,
  // 6: a group's phone link follows the group from table to table, so its
  // token names the group, not a table. NULL for every other token.
  () => `
  ALTER TABLE tokens ADD COLUMN group_id TEXT;
  `,
]

/** How many schema steps this build knows. */
export const SCHEMA_VERSION = MIGRATIONS.length

/**
 * Brings the schema up to date in one transaction: a step that fails leaves
 * the schema as it was. On PostgreSQL several processes may start at once:
 * the first takes a lock and migrates, the others wait for it and find
 * nothing left to do.
 */
export function migrate(db: SqlDb): void {
  const dialect = DIALECTS[db.engine]
  db.transaction(() => {
    db.lockKey('tablecloth:migrations')
    if (db.engine === 'postgres') {
      db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)')
    }
    for (let version = readVersion(db); version < MIGRATIONS.length; version++) {
      db.exec(MIGRATIONS[version]!(dialect))
      writeVersion(db, version + 1)
    }
  })()
}

function readVersion(db: SqlDb): number {
  if (db.engine === 'sqlite') {
    return (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version
  }
  const row = db.prepare('SELECT version FROM schema_version').get() as
    | { version: number }
    | undefined
  return row?.version ?? 0
}

function writeVersion(db: SqlDb, version: number): void {
  if (db.engine === 'sqlite') {
    db.exec(`PRAGMA user_version = ${version}`)
    return
  }
  db.exec('DELETE FROM schema_version')
  db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(version)
}
