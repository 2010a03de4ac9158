/** The answer to one request: go ahead, or wait this many whole seconds. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number }

/**
 * What the use cases need of a rate limit: this process's own buckets
 * (RateLimiter) or buckets every process shares (cluster/SharedRateLimiter.ts).
 */
export interface RateLimit {
  take(key: string): RateDecision | Promise<RateDecision>
}

interface Bucket {
  tokens: number
  refilledAt: number
}

/**
 * Token buckets, one per key (e.g. a link token and a device): `burst`
 * requests at once, refilled at `perMinute`. One instance per app, so tests
 * and several servers in one process never share counts.
 *
 * A bucket that has refilled completely says no more than a missing one, so
 * such buckets are dropped once more than `maxKeys` are held; memory stays
 * bounded without a timer.
 */
export class RateLimiter implements RateLimit {
  private readonly buckets = new Map<string, Bucket>()
  private readonly perMs: number

  constructor(
    private readonly limit: { perMinute: number; burst: number },
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 10_000,
  ) {
    this.perMs = limit.perMinute / 60_000
  }

  /** Spends one request for `key`, or says how long to wait before the next one is allowed. */
  take(key: string): RateDecision {
    const now = this.now()
    const bucket = this.refilled(key, now)
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1
      this.buckets.set(key, bucket)
      if (this.buckets.size > this.maxKeys) this.dropFull(now)
      return { allowed: true }
    }
    const waitMs = (1 - bucket.tokens) / this.perMs
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) }
  }

  /** Keys currently held, for the memory bound's test. */
  get size(): number {
    return this.buckets.size
  }

  private refilled(key: string, now: number): Bucket {
    const bucket = this.buckets.get(key)
    if (!bucket) return { tokens: this.limit.burst, refilledAt: now }
    const elapsed = Math.max(0, now - bucket.refilledAt)
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + elapsed * this.perMs)
    bucket.refilledAt = now
    return bucket
  }

  private dropFull(now: number): void {
    for (const [key, bucket] of this.buckets) {
      const tokens = bucket.tokens + Math.max(0, now - bucket.refilledAt) * this.perMs
      if (tokens >= this.limit.burst) this.buckets.delete(key)
    }
  }
}
