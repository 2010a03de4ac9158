import type * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { isRefusal } from './connectionStore'
import { syncTarget } from './syncUrl'

export interface SyncProviderOptions {
  eventId: string
  tableId: string
  token: string
  /**
   * The socket only watches (projector, gallery): it announces no presence,
   * and picks up nothing from this browser's other tabs.
   */
  readOnly: boolean
  /** For tests: the WebSocket class to connect with. */
  WebSocketPolyfill?: typeof WebSocket
}

/**
 * The y-websocket provider of one board, not yet connected. Every board
 * socket the page opens is made here, so all of them carry the token the same
 * way (see `syncTarget`) and stop after the same refusals (`isRefusal`).
 */
export function createSyncProvider(doc: Y.Doc, options: SyncProviderOptions): WebsocketProvider {
  const target = syncTarget(options.eventId, options.tableId, options.token)
  const provider = new WebsocketProvider(target.serverUrl, target.room, doc, {
    connect: false,
    params: target.params,
    protocols: target.protocols,
    shouldReconnect: (event) => !isRefusal(event),
    // Other tabs of this browser may hold unsent edits; a read-only view must not pick them up.
    disableBc: options.readOnly,
    ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
  })
  // y-websocket sends on every awareness change, also the states that just
  // came from the server: each device would echo everyone's cursor back. The
  // server drops presence from read-only sockets, but the echo still spends
  // their (small) byte budget until it closes them. Only this device's own
  // presence goes out, and from a read-only socket nothing at all.
  const broadcast = provider._awarenessUpdateHandler
  provider.awareness.off('update', broadcast)
  if (options.readOnly) {
    // Nor is the local state (`{}` to begin with) announced on connect.
    provider.awareness.setLocalState(null)
  } else {
    const ownOnly: typeof broadcast = (changes, origin) => {
      if (origin !== provider) broadcast(changes, origin)
    }
    provider.awareness.on('update', ownOnly)
    // `destroy()` detaches whatever handler this names.
    provider._awarenessUpdateHandler = ownOnly
  }
  return provider
}
