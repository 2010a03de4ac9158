import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { BackupError } from './backup'

/**
 * Backup and restore of a PostgreSQL store with PostgreSQL's own tools
 * (Debian's postgresql-client): `pg_dump` writes one archive in its custom
 * format while the servers run, `pg_restore` puts it back. The archive is
 * readable by this user only (0600), as a SQLite backup is.
 */
export function dumpPostgres(databaseUrl: string, target: string): { file: string; bytes: number } {
  fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 })
  run('pg_dump', ['--format=custom', '--no-owner', `--file=${target}`, `--dbname=${databaseUrl}`])
  fs.chmodSync(target, 0o600)
  return { file: target, bytes: fs.statSync(target).size }
}

/**
 * Replaces the store's tables with the archive's. Stop every server process
 * first: a process holding boards in memory would write them back.
 */
export function restorePostgres(databaseUrl: string, archive: string): void {
  if (!fs.existsSync(archive)) throw new BackupError(`No backup at ${archive}`)
  run('pg_restore', [
    '--clean',
    '--if-exists',
    '--no-owner',
    '--single-transaction',
    `--dbname=${databaseUrl}`,
    archive,
  ])
}

function run(tool: string, args: string[]): void {
  const result = spawnSync(tool, args, { encoding: 'utf8' })
  if (result.error) {
    throw new BackupError(`${tool} is not installed (Debian: apt-get install postgresql-client)`)
  }
  // The URL holds the password: the message names the tool and its own words only.
  if (result.status !== 0) throw new BackupError(`${tool} failed: ${result.stderr.trim()}`)
}
