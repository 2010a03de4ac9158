/**
 * When the gallery's tiles are drawn. Drawing a board as an image takes a
 * headless tldraw editor and some tens of milliseconds of main thread, so
 * tiles are drawn one at a time (a serial queue shared by all tiles) and each
 * tile at most once per interval however fast its notes arrive.
 */

/** Runs tasks one after another, in the order they were handed in. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve()

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task)
    this.tail = result.catch(() => undefined)
    return result
  }
}

export interface Throttled {
  /** Asks for a run: soon, and never sooner than the gap after the last run ended. */
  request(): void
  dispose(): void
}

export interface Clock {
  now(): number
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

/**
 * Wraps an async task so that requests fold together: the first request runs
 * it at once, requests while it runs or waits lead to one more run, and runs
 * start no sooner than `gapMs` after the previous one ended.
 */
export function throttle(
  task: () => Promise<void>,
  gapMs: number,
  clock: Clock = realClock,
): Throttled {
  let running = false
  let pending = false
  let disposed = false
  let timer: unknown = null
  let lastEnd = Number.NEGATIVE_INFINITY

  const start = () => {
    timer = null
    if (disposed || !pending) return
    pending = false
    running = true
    task()
      .catch((error: unknown) => console.error('A gallery tile could not be drawn', error))
      .finally(() => {
        running = false
        lastEnd = clock.now()
        if (pending) plan()
      })
  }

  const plan = () => {
    if (disposed || running || timer !== null) return
    timer = clock.setTimeout(start, Math.max(0, lastEnd + gapMs - clock.now()))
  }

  return {
    request() {
      pending = true
      plan()
    },
    dispose() {
      disposed = true
      if (timer !== null) clock.clearTimeout(timer)
      timer = null
    },
  }
}
