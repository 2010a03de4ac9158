import { PROTOCOL_VERSION, SYNC_PATH_PREFIX, SYNC_QUERY, roomName } from '@tablecloth/shared'

/** Where y-websocket connects: this page's own host, ws or wss to match the page. */
export function syncServerUrl(
  location: Pick<Location, 'protocol' | 'host'> = window.location,
): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
  return `${scheme}://${location.host}${SYNC_PATH_PREFIX}`
}

/** The pieces y-websocket builds `/sync/<eventId>/<tableId>?token=…&v=…` from. */
export function syncTarget(eventId: string, tableId: string, token: string) {
  return {
    serverUrl: syncServerUrl(),
    room: roomName(eventId, tableId),
    params: { [SYNC_QUERY.token]: token, [SYNC_QUERY.protocol]: String(PROTOCOL_VERSION) },
  }
}
