import type { TimerState } from './api'

/**
 * The station countdown as pure arithmetic. The server owns the one timer
 * state and applies these transitions; every screen computes what to show from
 * that state and the server's clock, so the control room, the projectors and
 * the phones agree to the second without the server sending ticks.
 *
 * All `now` values are server epoch milliseconds. Clients get theirs as
 * `Date.now() + clockOffset(...)`.
 */

/** Seconds the station has run so far, pauses excluded. */
export function elapsedSeconds(timer: TimerState, now: number): number {
  return elapsedMs(timer, now) / 1000
}

/**
 * Whole milliseconds run so far. Counting in integers keeps the rounding to
 * seconds exact, so screens never disagree because of binary fractions.
 */
function elapsedMs(timer: TimerState, now: number): number {
  // A screen whose clock estimate is a little behind the server's could see a
  // run that "starts in the future"; that run has simply not counted yet.
  const running = timer.runningSince === null ? 0 : Math.max(0, now - timer.runningSince)
  return Math.round(timer.elapsedBeforeSeconds * 1000 + running)
}

/**
 * Whole seconds left, counting down: the full duration right after a start,
 * and 0 from the moment the time is up (never negative; see {@link overtimeSeconds}).
 * Rounded up, so the display reaches 0 exactly when the station ends.
 */
export function remainingSeconds(timer: TimerState, now: number): number {
  return Math.max(0, Math.ceil((timer.durationSeconds * 1000 - elapsedMs(timer, now)) / 1000))
}

/** Whole seconds the station has run past its end; 0 while time is left. */
export function overtimeSeconds(timer: TimerState, now: number): number {
  return Math.max(0, Math.floor((elapsedMs(timer, now) - timer.durationSeconds * 1000) / 1000))
}

/** Whether the station's time is up. */
export function isTimerFinished(timer: TimerState, now: number): boolean {
  return elapsedMs(timer, now) >= timer.durationSeconds * 1000
}

/** Whether the timer is counting (as opposed to paused or not yet started). */
export function isTimerRunning(timer: TimerState): boolean {
  return timer.runningSince !== null
}

/**
 * The server time at which a running timer reaches 0, so a screen can wake up
 * exactly then; null while paused.
 */
export function timerDeadline(timer: TimerState): number | null {
  if (timer.runningSince === null) return null
  return timer.runningSince + (timer.durationSeconds - timer.elapsedBeforeSeconds) * 1000
}

/** A fresh timer for a station, counting from `now`. */
export function startTimer(durationSeconds: number, now: number): TimerState {
  return { durationSeconds, runningSince: now, elapsedBeforeSeconds: 0 }
}

/** A fresh timer for a station, paused at its full duration. */
export function resetTimer(durationSeconds: number): TimerState {
  return { durationSeconds, runningSince: null, elapsedBeforeSeconds: 0 }
}

/** Stops the countdown, keeping the time already run. Pausing a paused timer changes nothing. */
export function pauseTimer(timer: TimerState, now: number): TimerState {
  if (timer.runningSince === null) return timer
  return { ...timer, runningSince: null, elapsedBeforeSeconds: elapsedSeconds(timer, now) }
}

/** Continues a paused countdown from where it stopped. Resuming a running timer changes nothing. */
export function resumeTimer(timer: TimerState, now: number): TimerState {
  if (timer.runningSince !== null) return timer
  return { ...timer, runningSince: now }
}

/**
 * Gives the station `seconds` more (or, if negative, less) time. Extending a
 * timer that has already run out gives `seconds` from now, not from the
 * moment it ran out: "five more minutes" means five minutes on the clock.
 * Shortening never takes the remaining time below 0.
 */
export function extendTimer(timer: TimerState, seconds: number, now: number): TimerState {
  const elapsed = elapsedSeconds(timer, now)
  const base = seconds > 0 ? Math.max(timer.durationSeconds, elapsed) : timer.durationSeconds
  const durationSeconds = Math.max(Math.min(elapsed, timer.durationSeconds), base + seconds)
  return { ...timer, durationSeconds }
}

/** One round trip to the server: when the request left, what the server said, when it came back. */
export interface ClockSample {
  /** Client epoch ms just before sending the request. */
  clientSentAt: number
  /** The server's epoch ms as reported in the response. */
  serverTime: number
  /** Client epoch ms when the response arrived. */
  clientReceivedAt: number
}

/**
 * How far the server's clock is ahead of this client's, in ms (negative when
 * behind): `serverNow = Date.now() + offset`. Like NTP, it assumes the server
 * read its clock halfway through the round trip, so the error is at most half
 * the round trip; take the sample with the shortest round trip of a few.
 */
export function clockOffset(sample: ClockSample): number {
  const midpoint = (sample.clientSentAt + sample.clientReceivedAt) / 2
  return Math.round(sample.serverTime - midpoint)
}
