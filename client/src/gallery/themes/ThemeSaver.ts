import type { SaveThemesRequest, ThemesResponse } from '@tablecloth/shared'
import { ApiError } from '../../api/apiClient'

export type SaveStatus =
  | { state: 'saved' }
  | { state: 'saving' }
  /** The last save failed; the themes stay on screen and `retrying` says whether it is tried again by itself. */
  | { state: 'failed'; error: ApiError; retrying: boolean }

/** Waits before trying a failed save again: short at first, then no more often than every 30 s. */
export const RETRY_SECONDS = [2, 5, 10, 30] as const

/** How the saver waits; tests hand in their own clock. */
export interface Scheduler {
  later(seconds: number, run: () => void): () => void
}

const browserScheduler: Scheduler = {
  later(seconds, run) {
    const timer = setTimeout(run, seconds * 1000)
    return () => clearTimeout(timer)
  },
}

/**
 * Saves the organiser's themes in the background: every edit is on screen at
 * once (optimistic) and handed here whole. One save is in flight at a time;
 * edits made meanwhile are folded into the next one, the newest state
 * winning, so the server always ends with what the screen shows. A failed
 * save keeps its state and is tried again (again with the newest state),
 * unless the link itself was refused, which no retry mends.
 */
export class ThemeSaver {
  private pending: SaveThemesRequest | null = null
  private inFlight = false
  private failures = 0
  private cancelRetry: (() => void) | null = null
  private status: SaveStatus = { state: 'saved' }
  private readonly listeners = new Set<() => void>()
  private closed = false

  constructor(
    private readonly put: (body: SaveThemesRequest) => Promise<ThemesResponse>,
    /** Called with the server's answer to the newest state (not to one already overtaken). */
    private readonly onSaved: (response: ThemesResponse) => void,
    private readonly scheduler: Scheduler = browserScheduler,
    /**
     * Mends a state the server refused for a reason the client can fix (a
     * note gone since it was saved), returning the state to send instead, or
     * null when it cannot.
     */
    private readonly repair: (error: ApiError) => SaveThemesRequest | null = () => null,
  ) {}

  save(body: SaveThemesRequest): void {
    this.pending = body
    // A new edit is a fresh attempt: it does not wait out an earlier failure's back-off.
    this.cancelRetry?.()
    this.cancelRetry = null
    this.flush()
  }

  getStatus = (): SaveStatus => this.status

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Whether something the organiser did is not on the server yet. */
  hasUnsaved(): boolean {
    return this.pending !== null || this.inFlight || this.status.state === 'failed'
  }

  close(): void {
    this.closed = true
    this.cancelRetry?.()
    this.listeners.clear()
  }

  private setStatus(status: SaveStatus): void {
    this.status = status
    for (const listener of this.listeners) listener()
  }

  private flush(): void {
    if (this.inFlight || this.closed || this.pending === null) return
    const body = this.pending
    this.pending = null
    this.inFlight = true
    this.setStatus({ state: 'saving' })
    this.put(body).then(
      (response) => {
        this.inFlight = false
        this.failures = 0
        if (this.closed) return
        if (this.pending !== null) {
          this.flush()
          return
        }
        this.onSaved(response)
        this.setStatus({ state: 'saved' })
      },
      (reason: unknown) => {
        this.inFlight = false
        if (this.closed) return
        // Nothing is lost: the failed state is sent again unless a newer one is waiting.
        this.pending ??= body
        const error =
          reason instanceof ApiError ? reason : new ApiError(0, 'internal', String(reason))
        const repaired = this.pending === body ? this.repair(error) : null
        if (repaired && JSON.stringify(repaired) !== JSON.stringify(body)) {
          this.pending = repaired
          this.flush()
          return
        }
        const retrying = error.code !== 'unauthorized' && error.code !== 'forbidden'
        this.setStatus({ state: 'failed', error, retrying })
        if (!retrying) return
        const seconds =
          error.retryAfterSeconds ??
          RETRY_SECONDS[Math.min(this.failures, RETRY_SECONDS.length - 1)] ??
          30
        this.failures += 1
        this.cancelRetry = this.scheduler.later(seconds, () => {
          this.cancelRetry = null
          this.flush()
        })
      },
    )
  }
}
