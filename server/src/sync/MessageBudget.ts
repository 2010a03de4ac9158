/**
 * A token bucket over one socket's incoming frames or bytes: `burst` at once,
 * refilled at `perSecond`. Allocation-free, so it can sit on the hot path.
 */
export class MessageBudget {
  private tokens: number
  private refilledAt: number

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst
    this.refilledAt = now()
  }

  /** Spends `cost` (one frame, or a frame's bytes); false when the socket has sent faster than allowed. */
  take(cost = 1): boolean {
    const now = this.now()
    const refill = ((now - this.refilledAt) * this.perSecond) / 1000
    this.tokens = Math.min(this.burst, this.tokens + refill)
    this.refilledAt = now
    if (this.tokens < cost) return false
    this.tokens -= cost
    return true
  }
}
