import Database from 'better-sqlite3'

/**
 * PostgreSQL refused a statement, or could not be reached. `code` is the
 * SQLSTATE (`23505`, `57P01`, …) or the connection's error code
 * (`ECONNREFUSED`, `TIMEOUT`, …). The message never quotes parameters.
 */
export class PostgresError extends Error {
  override readonly name = 'PostgresError'

  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message)
  }
}

/** The engine's code for an error from SQLite or PostgreSQL; null for any other error. */
export function engineErrorCode(error: unknown): string | null {
  if (error instanceof Database.SqliteError) return error.code
  if (error instanceof PostgresError) return error.code
  return null
}
