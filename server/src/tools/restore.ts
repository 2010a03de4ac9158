import path from 'node:path'
import { readConfig } from '../config'
import { BackupError, restoreDatabase } from '../store/backup'

/**
 * `pnpm restore <file>`: puts a backup in place of the store. Refuses while
 * a server answers on the configured port, since it would keep writing to
 * the database being replaced.
 */
async function main(): Promise<void> {
  const config = readConfig(process.env)
  const file = process.argv.slice(2).find((arg) => arg !== '--')
  if (!file) throw new BackupError('Name the backup file: pnpm restore <file>')
  if (await serverAnswers(config.port)) {
    throw new BackupError(`A server answers on port ${config.port}. Stop it first, then restore.`)
  }
  const summary = restoreDatabase(config.dataDir, path.resolve(process.env.INIT_CWD || process.cwd(), file))
  console.log(`Restored ${summary.events} events into ${summary.file}.`)
  if (summary.kept) console.log(`The database it replaced is kept as ${summary.kept}.`)
}

async function serverAnswers(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1000) })
    return response.ok
  } catch {
    return false
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof BackupError ? `Restore failed: ${error.message}` : error)
  process.exitCode = 1
})
