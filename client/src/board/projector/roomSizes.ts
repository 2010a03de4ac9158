import { useSyncExternalStore } from 'react'
import type { TileSizes } from '../../room/roomTextSizes'

/** Below this width the projector page is on a phone: a participant looking at the board. */
const PHONE_QUERY = '(max-width: 720px)'

/** The room view's sizes on a phone, in CSS pixels: read at arm's length, two columns in 360 px. */
export const PHONE_ROOM_SIZES: TileSizes = {
  minFontPx: 14,
  pagingFontPx: 16,
  maxFontPx: 22,
  headingFontPx: 18,
}

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(PHONE_QUERY)
  query.addEventListener('change', onChange)
  return () => query.removeEventListener('change', onChange)
}

/**
 * The room view's sizes for this screen: the projector's own (undefined)
 * on a laptop or projector, {@link PHONE_ROOM_SIZES} on a phone, changing
 * when the screen turns.
 */
export function useRoomSizesForScreen(): TileSizes | undefined {
  const phone = useSyncExternalStore(subscribe, () => window.matchMedia(PHONE_QUERY).matches)
  return phone ? PHONE_ROOM_SIZES : undefined
}
