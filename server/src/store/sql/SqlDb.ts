/**
 * The one shape every store writes against, whichever engine holds the rows:
 * SQLite in the data directory (the embedded default) or a PostgreSQL
 * server shared by several processes (DATABASE_URL).
 *
 * It is the part of better-sqlite3's API the stores use, so the SQLite
 * engine is better-sqlite3 itself; the PostgreSQL engine offers the same
 * calls (PostgresDb.ts). Calls are synchronous on both: the sync core keeps
 * write-before-relay by never letting another frame in between logging an
 * update and relaying it (docs/scaling.md explains the cost on PostgreSQL).
 *
 * SQL the stores write must run on both: `?` placeholders, no engine-only
 * functions. What differs lives in `SqlDialect`, used by the migrations.
 */
export interface SqlDb {
  readonly engine: SqlEngine
  prepare(sql: string): SqlStatement
  /** Runs statements without parameters, e.g. a migration. */
  exec(sql: string): unknown
  /**
   * Wraps `fn` so that it runs in one transaction: committed when it
   * returns, rolled back when it throws. Nested calls become savepoints.
   * The wrapper can be made once and called with arguments each time.
   */
  transaction<A extends unknown[], T>(fn: (...args: A) => T): (...args: A) => T
  /**
   * Inside a transaction, waits until no other process holds `key` and
   * holds it until the transaction ends. On SQLite, whose writers are one
   * process, it does nothing.
   */
  lockKey(key: string): void
  /**
   * Makes deleted rows unreadable from the files the engine keeps, as far
   * as the engine allows (see docs/operations.md, "Data protection").
   */
  purgeDeleted(): void
  close(): unknown
}

export type SqlEngine = 'sqlite' | 'postgres'

/** A prepared statement: parameters are positional, values are strings, numbers, bytes or null. */
export interface SqlStatement {
  run(...params: unknown[]): { changes: number }
  /** The first row, or undefined when there is none. */
  get(...params: unknown[]): unknown
  all(...params: unknown[]): unknown[]
}

/** Column types and clauses that are spelled differently by the two engines. */
export interface SqlDialect {
  /** Bytes: BLOB or BYTEA. */
  bytes: string
  /** A 64-bit integer. */
  bigint: string
  /** An integer key numbered by the engine. */
  serialKey: string
  /** SQLite's clustered-table hint; nothing on PostgreSQL. */
  withoutRowid: string
}

export const DIALECTS: Record<SqlEngine, SqlDialect> = {
  sqlite: {
    bytes: 'BLOB',
    bigint: 'INTEGER',
    serialKey: 'INTEGER PRIMARY KEY AUTOINCREMENT',
    withoutRowid: 'WITHOUT ROWID',
  },
  postgres: {
    bytes: 'BYTEA',
    bigint: 'BIGINT',
    serialKey: 'BIGSERIAL PRIMARY KEY',
    withoutRowid: '',
  },
}
