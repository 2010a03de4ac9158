import type { BenchConfig } from './benchConfig'

/** One benchmark `pnpm bench -- <name>` can select; each prints its own figures. */
export interface Scenario {
  name: string
  /** One line for the list of scenarios. */
  summary: string
  run(config: BenchConfig): Promise<void>
}
