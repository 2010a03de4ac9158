import {
  PROTOCOL_VERSION,
  SYNC_PATH_PREFIX,
  SYNC_QUERY,
  roomName,
  syncProtocols,
} from '@tablecloth/shared'

/** Where y-websocket connects: this page's own host, ws or wss to match the page. */
export function syncServerUrl(
  location: Pick<Location, 'protocol' | 'host'> = window.location,
): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
  return `${scheme}://${location.host}${SYNC_PATH_PREFIX}`
}

/**
 * The pieces y-websocket builds the board socket from: the URL
 * `/sync/<eventId>/<tableId>?v=<PROTOCOL_VERSION>`, and the subprotocols
 * that carry the access token in the `Sec-WebSocket-Protocol` header. The
 * token never goes into the URL, so no access log or proxy records it.
 */
export function syncTarget(eventId: string, tableId: string, token: string) {
  return {
    serverUrl: syncServerUrl(),
    room: roomName(eventId, tableId),
    params: { [SYNC_QUERY.protocol]: String(PROTOCOL_VERSION) },
    protocols: syncProtocols(token),
  }
}
