import path from 'node:path'
import { readConfig } from '../config'
import { BackupError, backupDatabase } from '../store/backup'
import { dumpPostgres } from '../store/postgresBackup'

/**
 * `pnpm backup [file]`: an online backup of the store while the server runs.
 * With DATABASE_URL it is a pg_dump archive of the PostgreSQL store.
 * Without a file name it writes `backups/tablecloth-<time>.db` beside the
 * data directory. The file is readable by this user only (0600), as is any
 * directory the backup creates (0700): a backup holds the store's personal data.
 */
async function main(): Promise<void> {
  const config = readConfig(process.env)
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const requested = process.argv.slice(2).find((arg) => arg !== '--')
  const extension = config.databaseUrl === null ? 'db' : 'pgdump'
  const target = requested
    ? path.resolve(process.env.INIT_CWD || process.cwd(), requested)
    : path.join(path.dirname(config.dataDir), 'backups', `tablecloth-${stamp}.${extension}`)
  if (config.databaseUrl !== null) {
    const dump = dumpPostgres(config.databaseUrl, target)
    console.log(`Backup written with pg_dump: ${dump.file} (${dump.bytes} bytes)`)
    return
  }
  const summary = await backupDatabase(config.dataDir, target)
  console.log(`Backup written: ${summary.file} (${summary.bytes} bytes, ${summary.events} events)`)
}

main().catch((error: unknown) => {
  console.error(error instanceof BackupError ? `Backup failed: ${error.message}` : error)
  process.exitCode = 1
})
