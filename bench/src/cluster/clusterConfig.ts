import { BenchConfigError } from '../benchConfig'

/**
 * Settings of the `cluster` scenario, from the environment:
 *
 * | Variable                 | Default                              | Meaning                                       |
 * |--------------------------|--------------------------------------|-----------------------------------------------|
 * | `CLUSTER_SECONDS`        | 20                                   | Measured window per setup (parts 1 and 3).    |
 * | `CLUSTER_STEP_SECONDS`   | 15                                   | Measured window per step of the mix (part 2). |
 * | `CLUSTER_TABLES`         | 100,250,500,750,1000,1250,1500       | Tables at each step of the mix.               |
 * | `CLUSTER_LOAD_PROCESSES` | 3                                    | Load generator processes of the mix.          |
 * | `CLUSTER_PHONE_SECONDS`  | 30                                   | A phone note per table this often.            |
 * | `CLUSTER_PARTS`          | setups,mix,hocuspocus                | Which parts run.                              |
 *
 * Warm-up is `BENCH_WARMUP_SECONDS`, as in `live`.
 */
export interface ClusterConfig {
  setupSeconds: number
  stepSeconds: number
  steps: number[]
  loadProcesses: number
  phoneNoteSeconds: number
  parts: Set<ClusterPart>
}

export const CLUSTER_PARTS = ['setups', 'mix', 'hocuspocus'] as const
export type ClusterPart = (typeof CLUSTER_PARTS)[number]

export const DEFAULT_STEPS = [100, 250, 500, 750, 1000, 1250, 1500]

function number(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
  integer = false,
): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (
    !Number.isFinite(value) ||
    value < min ||
    value > max ||
    (integer && !Number.isInteger(value))
  ) {
    const kind = integer ? 'a whole number' : 'a number'
    throw new BenchConfigError(`${name} must be ${kind} from ${min} to ${max}, got "${raw}"`)
  }
  return value
}

function steps(env: NodeJS.ProcessEnv): number[] {
  const raw = env.CLUSTER_TABLES
  if (raw === undefined || raw === '') return DEFAULT_STEPS
  const values = raw.split(',').map((part) => Number(part.trim()))
  const ascending = values.every((value, index) => index === 0 || value > values[index - 1]!)
  if (
    !values.every((value) => Number.isInteger(value) && value >= 1 && value <= 10_000) ||
    !ascending
  ) {
    throw new BenchConfigError(
      `CLUSTER_TABLES must list table counts from 1 to 10000 in ascending order, e.g. "100,250,500", got "${raw}"`,
    )
  }
  return values
}

function parts(env: NodeJS.ProcessEnv): Set<ClusterPart> {
  const raw = env.CLUSTER_PARTS
  if (raw === undefined || raw === '') return new Set(CLUSTER_PARTS)
  const named = raw.split(',').map((part) => part.trim())
  const unknown = named.filter((part) => !(CLUSTER_PARTS as readonly string[]).includes(part))
  if (unknown.length > 0) {
    throw new BenchConfigError(
      `CLUSTER_PARTS names ${CLUSTER_PARTS.join(', ')}; unknown: ${unknown.join(', ')}`,
    )
  }
  return new Set(named as ClusterPart[])
}

export function readClusterConfig(env: NodeJS.ProcessEnv = process.env): ClusterConfig {
  return {
    setupSeconds: number(env, 'CLUSTER_SECONDS', 20, 1, 3600),
    stepSeconds: number(env, 'CLUSTER_STEP_SECONDS', 15, 1, 3600),
    steps: steps(env),
    loadProcesses: number(env, 'CLUSTER_LOAD_PROCESSES', 3, 1, 16, true),
    phoneNoteSeconds: number(env, 'CLUSTER_PHONE_SECONDS', 30, 1, 3600),
    parts: parts(env),
  }
}
