/**
 * A token bucket over one socket's incoming frames: `burst` frames at once,
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

  /** Spends one frame; false when the socket has sent faster than allowed. */
  take(): boolean {
    const now = this.now()
    const refill = ((now - this.refilledAt) * this.perSecond) / 1000
    this.tokens = Math.min(this.burst, this.tokens + refill)
    this.refilledAt = now
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }
}
