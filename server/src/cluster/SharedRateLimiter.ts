import type { Redis } from 'ioredis'
import { UnavailableError } from '../domain/errors'
import type { RateDecision, RateLimit } from '../domain/rateLimiter'

/**
 * A token bucket per key, as RateLimiter keeps it, but in Redis, so every
 * process counts against the same bucket: a phone that posts through two
 * processes behind a load balancer is not allowed twice as much. One script
 * refills, spends and stores atomically, on Redis's clock.
 */
const TAKE = `
local burst = tonumber(ARGV[1])
local per_ms = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local stored = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(stored[1]) or burst
local at = tonumber(stored[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) * per_ms)
local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / per_ms) + 1000)
return { allowed, tostring(tokens) }
`

export class SharedRateLimiter implements RateLimit {
  private readonly perMs: number

  constructor(
    private readonly redis: Redis,
    /** Keeps this limit's buckets apart from the others' (`phone-notes`, `events`). */
    private readonly name: string,
    private readonly limit: { perMinute: number; burst: number },
  ) {
    this.perMs = limit.perMinute / 60_000
  }

  /** Throws when Redis cannot be reached: the request is refused, not let through uncounted. */
  async take(key: string): Promise<RateDecision> {
    let answer: [number, string]
    try {
      answer = (await this.redis.eval(
        TAKE,
        1,
        `tablecloth:rate:${this.name}:${key}`,
        this.limit.burst,
        this.perMs,
      )) as [number, string]
    } catch {
      throw new UnavailableError('The server cannot count requests right now; try again shortly')
    }
    const [allowed, tokens] = answer
    if (allowed === 1) return { allowed: true }
    const waitMs = (1 - Number(tokens)) / this.perMs
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) }
  }
}
