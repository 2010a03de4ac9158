import { BenchConfigError, readBenchConfig } from './benchConfig'
import { scenarios } from './scenarioList'

/**
 * `pnpm bench` runs every scenario; `pnpm bench -- live` runs the named ones.
 * Figures go to stdout; nothing here judges them.
 */
async function main(): Promise<void> {
  const config = readBenchConfig()
  // pnpm passes a literal `--` through to the script.
  const names = process.argv.slice(2).filter((arg) => arg !== '--')
  const unknown = names.filter((name) => !scenarios.some((scenario) => scenario.name === name))
  if (unknown.length > 0) {
    console.error(`Unknown scenario: ${unknown.join(', ')}. Scenarios:`)
    for (const scenario of scenarios) {
      console.error(`  ${scenario.name.padEnd(10)} ${scenario.summary}`)
    }
    process.exitCode = 2
    return
  }
  const selected = names.length > 0 ? scenarios.filter((s) => names.includes(s.name)) : scenarios
  for (const scenario of selected) await scenario.run(config)
}

// Ctrl-C ends through process.exit, so every started server is killed on the way out.
process.on('SIGINT', () => process.exit(130))

main().catch((error: unknown) => {
  console.error(error instanceof BenchConfigError ? `Configuration error: ${error.message}` : error)
  process.exitCode = 1
})
