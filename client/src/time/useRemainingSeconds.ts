import { useEffect, useState } from 'react'
import { remainingSeconds, type TimerState } from '@tablecloth/shared'
import { serverNow, useServerClock } from './serverClock'

/**
 * Seconds left on a station timer, re-evaluated a few times per second from
 * the server's clock, so every screen flips to the next second together.
 */
export function useRemainingSeconds(timer: TimerState | null | undefined): number | null {
  const offsetMs = useServerClock((state) => state.offsetMs)
  const measured = useServerClock((state) => state.measured)
  const measure = useServerClock((state) => state.measure)
  const [now, setNow] = useState(() => serverNow(offsetMs))

  useEffect(() => {
    if (!measured) measure().catch((error: unknown) => console.warn('clock sync failed', error))
  }, [measured, measure])

  useEffect(() => {
    setNow(serverNow(offsetMs))
    if (!timer?.runningSince) return
    const id = window.setInterval(() => setNow(serverNow(offsetMs)), 250)
    return () => window.clearInterval(id)
  }, [timer, offsetMs])

  return timer ? Math.ceil(remainingSeconds(timer, now)) : null
}
