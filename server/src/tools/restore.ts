import path from 'node:path'
import { readConfig } from '../config'
import { BackupError, restoreDatabase } from '../store/backup'
import { restorePostgres } from '../store/postgresBackup'

/**
 * `pnpm restore <file>`: puts a backup in place of the store (with
 * DATABASE_URL, a pg_dump archive through pg_restore: stop every process first). Refuses while
 * any process holds the data directory's lock (a running server, whatever
 * its PORT or HOST), since it would keep writing to the database being
 * replaced; see `restoreDatabase`.
 */
function main(): void {
  const config = readConfig(process.env)
  const file = process.argv.slice(2).find((arg) => arg !== '--')
  if (!file) throw new BackupError('Name the backup file: pnpm restore <file>')
  if (config.databaseUrl !== null) {
    restorePostgres(config.databaseUrl, path.resolve(process.env.INIT_CWD || process.cwd(), file))
    console.log('Restored the PostgreSQL store with pg_restore.')
    return
  }
  const summary = restoreDatabase(
    config.dataDir,
    path.resolve(process.env.INIT_CWD || process.cwd(), file),
  )
  console.log(`Restored ${summary.events} events into ${summary.file}.`)
  if (summary.kept) console.log(`The database it replaced is kept as ${summary.kept}.`)
}

try {
  main()
} catch (error: unknown) {
  console.error(error instanceof BackupError ? `Restore failed: ${error.message}` : error)
  process.exitCode = 1
}
