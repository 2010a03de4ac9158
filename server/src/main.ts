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
  console.log(`Data directory: ${config.dataDir}`)
  let closing = false
  const shutdown = (signal: string) => {
    if (closing) return
    closing = true
    console.log(`${signal} received, saving boards and shutting down`)
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('shutdown failed', error)
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Cannot start: ${error.message}` : error)
  process.exit(1)
})
