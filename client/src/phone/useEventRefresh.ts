import { useEffect } from 'react'
import type { PhoneStore } from './phoneStore'

/**
 * How often a table's open phone page asks for the current station. Station
 * changes are rare and a note sent to an ended station is refused and
 * re-asked, so a slow poll is enough and spares the venue Wi-Fi.
 */
export const TABLE_PHONE_REFRESH_MS = 30_000

/**
 * How often a group's open phone page asks. It has to notice a station
 * change soon, because the group walks to another table and the phone is
 * to walk with it. The cost: 60 groups × 5 phones each, all visible, is 300
 * phones ÷ 5 s = 60 requests per second of a few KB each (the event's
 * config), a few hundred KB/s on the venue Wi-Fi — paid only while a screen
 * is on, since hidden pages do not poll and ask once when shown again.
 */
export const GROUP_PHONE_REFRESH_MS = 5_000

/**
 * Loads the event when the page opens, then keeps the station current: every
 * `intervalMs` while the page is visible, and at once when the phone returns
 * to it (screen unlocked, tab switched back).
 */
export function useEventRefresh(store: PhoneStore, intervalMs = TABLE_PHONE_REFRESH_MS): void {
  useEffect(() => {
    const refresh = () => {
      void store.getState().refresh()
    }
    refresh()
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') refresh()
    }, intervalMs)
    const onVisible = () => {
      if (document.visibilityState === 'visible') refresh()
    }
    document.addEventListener('visibilitychange', onVisible)
    return () => {
      clearInterval(timer)
      document.removeEventListener('visibilitychange', onVisible)
    }
  }, [store, intervalMs])
}
