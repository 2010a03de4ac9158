/**
 * Bench settings, read once from the environment and validated before any
 * server starts.
 *
 * | Variable               | Default | Meaning                                         |
 * |------------------------|---------|-------------------------------------------------|
 * | `BENCH_SECONDS`        | 30      | Length of each measured window, per server.     |
 * | `BENCH_WARMUP_SECONDS` | 5       | Load before the window that is not counted.     |
 */
export interface BenchConfig {
  measureSeconds: number
  warmupSeconds: number
}

export class BenchConfigError extends Error {}

function seconds(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value < min || value > 3600) {
    throw new BenchConfigError(
      `${name} must be a number of seconds from ${min} to 3600, got "${raw}"`,
    )
  }
  return value
}

export function readBenchConfig(env: NodeJS.ProcessEnv = process.env): BenchConfig {
  return {
    measureSeconds: seconds(env, 'BENCH_SECONDS', 30, 1),
    warmupSeconds: seconds(env, 'BENCH_WARMUP_SECONDS', 5, 0),
  }
}
