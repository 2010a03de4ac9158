import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { TimerState } from './api'
import {
  clockOffset,
  elapsedSeconds,
  extendTimer,
  isTimerFinished,
  isTimerRunning,
  overtimeSeconds,
  pauseTimer,
  remainingSeconds,
  resetTimer,
  resumeTimer,
  startTimer,
  timerDeadline,
} from './stationTimer'

const t0 = Date.UTC(2019, 6, 2, 8, 45) // 10:45 in Winnenden
const seconds = (count: number) => count * 1000

describe('station countdown', () => {
  it('counts down from the station’s duration and stops at zero', () => {
    const timer = startTimer(3600, t0)
    expect(remainingSeconds(timer, t0)).toBe(3600)
    expect(remainingSeconds(timer, t0 + 1)).toBe(3600)
    expect(remainingSeconds(timer, t0 + seconds(1))).toBe(3599)
    expect(remainingSeconds(timer, t0 + seconds(3599) + 1)).toBe(1)
    expect(remainingSeconds(timer, t0 + seconds(3600))).toBe(0)
    expect(remainingSeconds(timer, t0 + seconds(4000))).toBe(0)
    expect(overtimeSeconds(timer, t0 + seconds(4000))).toBe(400)
  })

  it('is finished exactly when the display reaches zero', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 480 * 60 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        (duration, after) => {
          const timer = startTimer(duration, t0)
          expect(isTimerFinished(timer, t0 + after)).toBe(remainingSeconds(timer, t0 + after) === 0)
        },
      ),
    )
  })

  it('holds still while paused and continues where it stopped', () => {
    const running = startTimer(600, t0)
    const paused = pauseTimer(running, t0 + seconds(100))
    expect(isTimerRunning(paused)).toBe(false)
    expect(remainingSeconds(paused, t0 + seconds(100))).toBe(500)
    expect(remainingSeconds(paused, t0 + seconds(5000))).toBe(500)
    expect(timerDeadline(paused)).toBeNull()

    const resumed = resumeTimer(paused, t0 + seconds(1000))
    expect(remainingSeconds(resumed, t0 + seconds(1000))).toBe(500)
    expect(remainingSeconds(resumed, t0 + seconds(1200))).toBe(300)
    expect(timerDeadline(resumed)).toBe(t0 + seconds(1500))
  })

  it('ignores a second pause or resume', () => {
    const paused = pauseTimer(startTimer(600, t0), t0 + seconds(10))
    expect(pauseTimer(paused, t0 + seconds(50))).toEqual(paused)
    const resumed = resumeTimer(paused, t0 + seconds(60))
    expect(resumeTimer(resumed, t0 + seconds(90))).toEqual(resumed)
  })

  it('loses no time over many pauses', () => {
    const gaps = fc.array(
      fc.tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 99_999 })),
      {
        maxLength: 30,
      },
    )
    fc.assert(
      fc.property(gaps, (runsAndPauses) => {
        let timer = resumeTimer(resetTimer(3600), t0)
        let now = t0
        let ran = 0
        for (const [run, pause] of runsAndPauses) {
          now += run
          ran += run
          timer = pauseTimer(timer, now)
          now += pause
          timer = resumeTimer(timer, now)
        }
        expect(elapsedSeconds(timer, now)).toBe(ran / 1000)
      }),
    )
  })

  it('resets to a paused, full countdown', () => {
    const timer = resetTimer(75 * 60)
    expect(isTimerRunning(timer)).toBe(false)
    expect(remainingSeconds(timer, t0 + seconds(999))).toBe(4500)
  })

  it('does not count a start that a slightly-behind screen sees in the future', () => {
    const timer = startTimer(60, t0)
    expect(remainingSeconds(timer, t0 - 800)).toBe(60)
  })
})

describe('extendTimer', () => {
  it('adds time to a running station', () => {
    const timer = extendTimer(startTimer(600, t0), 300, t0 + seconds(100))
    expect(remainingSeconds(timer, t0 + seconds(100))).toBe(800)
  })

  it('gives the full extra time when the station had already run out', () => {
    const timer = startTimer(600, t0)
    const extended = extendTimer(timer, 300, t0 + seconds(700))
    expect(isTimerFinished(extended, t0 + seconds(700))).toBe(false)
    expect(remainingSeconds(extended, t0 + seconds(700))).toBe(300)
  })

  it('shortens a station, but not into the past', () => {
    const timer = startTimer(600, t0)
    expect(remainingSeconds(extendTimer(timer, -120, t0 + seconds(100)), t0 + seconds(100))).toBe(
      380,
    )
    const cut = extendTimer(timer, -3600, t0 + seconds(100))
    expect(remainingSeconds(cut, t0 + seconds(100))).toBe(0)
    expect(cut.durationSeconds).toBeGreaterThanOrEqual(0)
  })

  it('works while paused, and the extension survives resuming', () => {
    const paused = pauseTimer(startTimer(600, t0), t0 + seconds(100))
    const extended = extendTimer(paused, 60, t0 + seconds(500))
    expect(remainingSeconds(extended, t0 + seconds(500))).toBe(560)
    expect(remainingSeconds(resumeTimer(extended, t0 + seconds(900)), t0 + seconds(960))).toBe(500)
  })

  it('never leaves a negative remaining time or duration', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 7200 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: -3600, max: 3600 }),
        (duration, after, change) => {
          const timer = extendTimer(startTimer(duration, t0), change, t0 + after)
          expect(timer.durationSeconds).toBeGreaterThanOrEqual(0)
          expect(remainingSeconds(timer, t0 + after)).toBeGreaterThanOrEqual(0)
          if (change > 0) expect(remainingSeconds(timer, t0 + after)).toBeGreaterThanOrEqual(change)
        },
      ),
    )
  })
})

describe('clockOffset', () => {
  it('measures how far the server clock is ahead, from the middle of the round trip', () => {
    expect(clockOffset({ clientSentAt: 1000, serverTime: 6050, clientReceivedAt: 1100 })).toBe(5000)
    expect(clockOffset({ clientSentAt: 1000, serverTime: 1050, clientReceivedAt: 1100 })).toBe(0)
    expect(clockOffset({ clientSentAt: 9000, serverTime: 2050, clientReceivedAt: 9100 })).toBe(
      -7000,
    )
  })

  it('lets screens with wrong clocks show the same second', () => {
    const timer: TimerState = startTimer(3600, t0)
    const skews = fc.integer({ min: -3_600_000, max: 3_600_000 })
    // A symmetric trip of up to 40 ms on a venue LAN: the error is within 20 ms.
    const trip = fc.integer({ min: 0, max: 20 })
    fc.assert(
      fc.property(skews, trip, fc.integer({ min: 0, max: seconds(3600) }), (skew, half, after) => {
        const serverNow = t0 + after
        const clientSentAt = serverNow - half + skew
        const offset = clockOffset({
          clientSentAt,
          serverTime: serverNow,
          clientReceivedAt: clientSentAt + 2 * half,
        })
        const shown = remainingSeconds(timer, clientSentAt + half + offset)
        expect(shown).toBe(remainingSeconds(timer, serverNow))
      }),
    )
  })
})
