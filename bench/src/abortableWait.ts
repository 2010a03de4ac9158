import { setTimeout as sleep } from 'node:timers/promises'

/** Waits `ms`; if `signal` aborts first, fails with the abort's reason, e.g. the server's exit. */
export async function pause(ms: number, signal: AbortSignal): Promise<void> {
  try {
    await sleep(ms, undefined, { signal })
  } catch (error) {
    throw signal.aborted ? signal.reason : error
  }
}

/**
 * Settles with `promise`, unless `ms` pass first (fails with `message`, which
 * may be computed then, e.g. to say how far things got) or `signal` aborts
 * first (fails with the abort's reason).
 */
export async function withTimeout<T>(
  promise: Promise<T>,
  ms: number,
  message: string | (() => string),
  signal: AbortSignal,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  let onAbort: (() => void) | undefined
  const timeout = new Promise<never>((_, reject) => {
    const describe = typeof message === 'string' ? () => message : message
    timer = setTimeout(() => reject(new Error(describe())), ms)
    onAbort = () => reject(signal.reason)
    if (signal.aborted) onAbort()
    else signal.addEventListener('abort', onAbort, { once: true })
  })
  try {
    return await Promise.race([promise, timeout])
  } finally {
    clearTimeout(timer)
    if (onAbort) signal.removeEventListener('abort', onAbort)
  }
}
