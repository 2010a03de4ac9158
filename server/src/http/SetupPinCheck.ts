import { createHash, timingSafeEqual } from 'node:crypto'

/** Wrong setup PINs one address may send within a window before it must wait. */
export const SETUP_PIN_FAILURES = { max: 10, windowMs: 10 * 60_000 } as const

export type SetupPinDecision =
  | { allowed: true }
  | { allowed: false; reason: 'missing' | 'wrong' }
  | { allowed: false; reason: 'locked'; retryAfterSeconds: number }

/**
 * The setup PIN (SETUP_PIN) that creating an event needs on a hosted server.
 *
 * Wrong PINs are counted per address in a sliding window. Once an address
 * has sent `max` of them, it is refused until the oldest leaves the window,
 * whether its next PIN is right or wrong: if a right one still went through,
 * the refusals would tell a guesser which guess was right at full speed.
 * A missing PIN is no guess and is not counted.
 *
 * Memory stays bounded without a timer: past `maxKeys` addresses, those
 * whose failures have all left the window are dropped, then the oldest.
 */
export class SetupPinCheck {
  private readonly pinHash: Buffer
  /** Per address, the times of its wrong PINs still in the window, oldest first. */
  private readonly failures = new Map<string, number[]>()

  constructor(
    pin: string,
    private readonly limit: { max: number; windowMs: number } = SETUP_PIN_FAILURES,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 10_000,
  ) {
    this.pinHash = sha256(pin)
  }

  /** Checks the PIN `given` by `address` (undefined when the request carried none). */
  check(address: string, given: string | undefined): SetupPinDecision {
    const now = this.now()
    const recent = this.recentFailures(address, now)
    if (recent.length >= this.limit.max) {
      const waitMs = recent[0]! + this.limit.windowMs - now
      return {
        allowed: false,
        reason: 'locked',
        retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
      }
    }
    if (given === undefined || given === '') return { allowed: false, reason: 'missing' }
    // Hashes have one length, so the comparison takes as long whatever was sent.
    if (timingSafeEqual(sha256(given), this.pinHash)) return { allowed: true }
    recent.push(now)
    this.failures.delete(address)
    this.failures.set(address, recent)
    if (this.failures.size > this.maxKeys) this.dropOld(now)
    return { allowed: false, reason: 'wrong' }
  }

  /** Addresses currently remembered, for the memory bound's test. */
  get size(): number {
    return this.failures.size
  }

  private recentFailures(address: string, now: number): number[] {
    const times = this.failures.get(address) ?? []
    const firstRecent = times.findIndex((time) => time > now - this.limit.windowMs)
    return firstRecent === -1 ? [] : times.slice(firstRecent)
  }

  private dropOld(now: number): void {
    for (const [address, times] of this.failures) {
      if (times[times.length - 1]! <= now - this.limit.windowMs) this.failures.delete(address)
    }
    // Map order is the order of each address's latest failure: the oldest go first.
    for (const address of this.failures.keys()) {
      if (this.failures.size <= this.maxKeys) break
      this.failures.delete(address)
    }
  }
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest()
}
