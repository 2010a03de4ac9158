import { useEffect, useState } from 'react'

/** How long a page of a paged column shows, unless the caller says otherwise. */
export const DEFAULT_PAGE_INTERVAL_MS = 12_000

/**
 * The page a column of `pages` pages shows at clock tick `tick`: all
 * columns turn together, on one clock, and a column whose page count
 * changes stays on the same clock rather than starting over.
 */
export function pageAt(tick: number, pages: number): number {
  if (pages <= 1) return 0
  return ((tick % pages) + pages) % pages
}

/**
 * A tick that advances every `intervalMs` on the wall clock, while
 * `running`: the room's page turner. It never pauses; the room is not
 * steered by anyone.
 */
export function usePageTick(intervalMs: number, running: boolean): number {
  const [tick, setTick] = useState(() => Math.floor(Date.now() / intervalMs))
  useEffect(() => {
    if (!running) return
    let timer: ReturnType<typeof setTimeout>
    const schedule = () => {
      const now = Date.now()
      const next = (Math.floor(now / intervalMs) + 1) * intervalMs
      timer = setTimeout(() => {
        setTick(Math.floor(Date.now() / intervalMs))
        schedule()
      }, next - now)
    }
    setTick(Math.floor(Date.now() / intervalMs))
    schedule()
    return () => clearTimeout(timer)
  }, [intervalMs, running])
  return tick
}
