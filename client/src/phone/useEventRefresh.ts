import { useEffect } from 'react'
import type { PhoneStore } from './phoneStore'

/**
 * How often an open phone page asks for the current station. Station changes
 * are rare and a note sent to an ended station is refused and re-asked, so a
 * slow poll is enough and spares the venue Wi-Fi.
 */
const REFRESH_MS = 30_000

/**
 * Loads the event when the page opens, then keeps the station current: every
 * REFRESH_MS while the page is visible, and at once when the phone returns to
 * it (screen unlocked, tab switched back).
 */
export function useEventRefresh(store: PhoneStore): void {
  useEffect(() => {
    const refresh = () => {
      void store.getState().refresh()
    }
    refresh()
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') refresh()
    }, REFRESH_MS)
    const onVisible = () => {
      if (document.visibilityState === 'visible') refresh()
    }
    document.addEventListener('visibilitychange', onVisible)
    return () => {
      clearInterval(timer)
      document.removeEventListener('visibilitychange', onVisible)
    }
  }, [store])
}
