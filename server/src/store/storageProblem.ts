/**
 * A sentence for the organiser when the store cannot be opened at start:
 * the directory is missing, read-only, not a directory, the disk is full, or
 * another server (or a restore) holds it. Null for errors that are not about storage.
 */
export function storageProblem(error: unknown, dataDir: string): string | null {
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code !== 'string') return null
  const reasons: Record<string, string> = {
    EACCES: 'it may not be written to (permissions)',
    EPERM: 'it may not be written to (permissions)',
    EROFS: 'it is on a read-only file system',
    ENOTDIR: 'part of its path is a file, not a directory',
    ENOSPC: 'the disk is full',
    SQLITE_FULL: 'the disk is full',
    SQLITE_READONLY: 'the database file is read-only',
    SQLITE_CANTOPEN: 'the database file cannot be opened or created there',
    SQLITE_CORRUPT:
      'the database file is damaged (restore a backup: see docs/operations.md, "Backup and restore")',
    SQLITE_NOTADB: 'the file there is not a Tablecloth database',
    // StoreLockedError (storeLock.ts): two servers on one store would each overwrite the other's boards.
    STORE_LOCKED: 'another Tablecloth server, or a restore, is using it; stop that one first',
  }
  const reason = reasons[code]
  return reason ? `Cannot use the data directory ${dataDir}: ${reason} (${code}).` : null
}
