import { useEffect, useState, type Dispatch } from 'react'
import { secondsUntilAdvance, type GalleryAction, type GalleryState } from './galleryNavigation'

/**
 * Drives auto-advance: ticks the gallery when its countdown is up. Returns
 * the whole seconds left, updated every second while the countdown runs.
 */
export function useAutoAdvance(
  state: GalleryState,
  dispatch: Dispatch<GalleryAction>,
): number | null {
  const { nextAdvanceAt } = state
  const [now, setNow] = useState(() => Date.now())

  useEffect(() => {
    if (nextAdvanceAt === null) return
    const timer = setTimeout(
      () => dispatch({ type: 'tick', now: Date.now() }),
      Math.max(0, nextAdvanceAt - Date.now()),
    )
    setNow(Date.now())
    const clock = setInterval(() => setNow(Date.now()), 1000)
    return () => {
      clearTimeout(timer)
      clearInterval(clock)
    }
  }, [nextAdvanceAt, dispatch])

  return secondsUntilAdvance(state, now)
}
