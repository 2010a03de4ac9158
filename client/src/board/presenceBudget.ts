import { PRESENCE_STATE_MAX_BYTES } from '@tablecloth/shared'
import type { TLInstancePresence } from 'tldraw'

/**
 * What of tldraw's presence this device shares. The server drops an
 * awareness state larger than PRESENCE_STATE_MAX_BYTES, so a moderator who
 * selects a whole board, or scribbles at length, would vanish from everyone
 * else's screen; these caps keep a presence well below the limit, and
 * `fitPresence` makes sure of it.
 */
export const PRESENCE_CAPS = {
  /** Enough to show a cluster being moved; not a whole board spelled out id by id. */
  selectedShapeIds: 32,
  /** The newest scribbles (laser pointer, eraser trail) … */
  scribbles: 2,
  /** … with their newest points; the tail is what others see fading anyway. */
  scribblePoints: 24,
  /** The name field takes 40; a longer remembered name is cut. */
  userName: 64,
  /** tldraw's chat bubble, which the board does not offer. */
  chatMessage: 200,
} as const

const encoder = new TextEncoder()

/** The size of an awareness state as the server measures it: UTF-8 JSON. */
export function stateBytes(state: unknown): number {
  return encoder.encode(JSON.stringify(state)).length
}

/**
 * `presence` as it may be announced: capped (PRESENCE_CAPS), and when the
 * awareness state `stateOf(presence)` would still exceed `maxBytes`, without
 * selection, brush and scribbles. Cursor, name and colour always stay.
 */
export function fitPresence(
  presence: TLInstancePresence,
  stateOf: (presence: TLInstancePresence) => unknown,
  maxBytes: number = PRESENCE_STATE_MAX_BYTES,
): TLInstancePresence {
  const capped: TLInstancePresence = {
    ...presence,
    userName: presence.userName.slice(0, PRESENCE_CAPS.userName),
    chatMessage: presence.chatMessage.slice(0, PRESENCE_CAPS.chatMessage),
    selectedShapeIds: presence.selectedShapeIds.slice(0, PRESENCE_CAPS.selectedShapeIds),
    scribbles: presence.scribbles.slice(-PRESENCE_CAPS.scribbles).map((scribble) => ({
      ...scribble,
      points: scribble.points.slice(-PRESENCE_CAPS.scribblePoints),
    })),
  }
  if (stateBytes(stateOf(capped)) <= maxBytes) return capped
  return {
    ...capped,
    selectedShapeIds: [],
    scribbles: [],
    brush: null,
    chatMessage: '',
    meta: {},
  }
}
