/** Order statistics over latency samples, in the samples' own unit (ms here). */
export interface Distribution {
  count: number
  p50: number
  p95: number
  p99: number
  max: number
}

/**
 * Nearest-rank percentiles: every reported figure is a latency that was really
 * measured, never an interpolation between two samples. Empty input gives NaN,
 * which the report prints as a dash.
 */
export function distributionOf(samples: readonly number[]): Distribution {
  const sorted = Float64Array.from(samples).sort()
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
  }
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN
  let sum = 0
  for (const value of values) sum += value
  return sum / values.length
}
