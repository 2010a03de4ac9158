import { describe, expect, it } from 'vitest'
import { RateLimiter } from '../src/domain/rateLimiter'

describe('RateLimiter', () => {
  it('allows a burst, then one request per refill interval, and says how long to wait', () => {
    let now = 0
    const limiter = new RateLimiter({ perMinute: 6, burst: 3 }, () => now)
    expect([1, 2, 3].map(() => limiter.take('phone').allowed)).toEqual([true, true, true])
    expect(limiter.take('phone')).toEqual({ allowed: false, retryAfterSeconds: 10 })
    now = 4_000
    expect(limiter.take('phone')).toEqual({ allowed: false, retryAfterSeconds: 6 })
    now = 10_000
    expect(limiter.take('phone').allowed).toBe(true)
    expect(limiter.take('phone').allowed).toBe(false)
  })

  it('never refills beyond the burst', () => {
    let now = 0
    const limiter = new RateLimiter({ perMinute: 6, burst: 3 }, () => now)
    now = 3_600_000
    expect([1, 2, 3, 4].map(() => limiter.take('phone').allowed)).toEqual([true, true, true, false])
  })

  it('counts every key on its own', () => {
    const limiter = new RateLimiter({ perMinute: 6, burst: 1 }, () => 0)
    expect(limiter.take('a').allowed).toBe(true)
    expect(limiter.take('a').allowed).toBe(false)
    expect(limiter.take('b').allowed).toBe(true)
  })

  it('forgets keys whose bucket is full again once it holds too many', () => {
    let now = 0
    const limiter = new RateLimiter({ perMinute: 60, burst: 1 }, () => now, 2)
    limiter.take('a')
    limiter.take('b')
    now = 60_000
    limiter.take('c')
    // a and b have long refilled; c has just spent its request and is kept.
    expect(limiter.size).toBe(1)
    expect(limiter.take('c').allowed).toBe(false)
  })
})
