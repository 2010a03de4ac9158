import { createApp } from './app'
import { ConfigError, readConfig } from './config'
import { storageProblem } from './store/storageProblem'

/** Entry point: read config once, start, and shut down cleanly on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = readConfig()
  let app: ReturnType<typeof createApp>
  try {
    app = createApp(config)
  } catch (error) {
    const problem = storageProblem(error, config.dataDir)
    if (problem) throw new ConfigError(problem)
    throw error
  }
  const origin = await app.listen()
  console.log(`Tablecloth listening on ${origin}`)
  console.log(
    config.databaseUrl === null
      ? `Data directory: ${config.dataDir}`
      : `Store: PostgreSQL at ${new URL(config.databaseUrl).host}${config.redisUrl ? ', relaying through Redis' : ''}`,
  )
  let closing = false
  const shutdown = (reason: string) => {
    if (closing) return
    closing = true
    console.log(`${reason}, saving boards and shutting down`)
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('shutdown failed', error)
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', () => shutdown('SIGTERM received'))
  process.on('SIGINT', () => shutdown('SIGINT received'))
  // Started by the supervisor (src/supervisor.ts), the server has an IPC channel to it. Should the
  // supervisor die without passing a signal on, nobody would stop or restart this process, and
  // it would hold the port against the next start.
  if (process.send) {
    process.once('disconnect', () => {
      // The supervisor read this process's output. With it gone, every log line fails with EPIPE,
      // and that error must not end the process before the boards are saved; the lines have no
      // reader left to lose.
      for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {})
      shutdown('Supervisor gone')
    })
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Cannot start: ${error.message}` : error)
  process.exit(1)
})
