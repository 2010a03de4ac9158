import type { WebsocketProvider } from 'y-websocket'
import type { IndexeddbPersistence } from 'y-indexeddb'
import { useConnection } from '../canvas/connectionStore'

/**
 * Runs the board's socket and reports on it:
 * - connects only while the browser has a network, and drops the socket as
 *   soon as it loses it, so edits made offline stay on this device until the
 *   network is back (and then sync through the normal handshake);
 * - a refusal (see `isRefusal`) stops reconnecting for good; the provider's
 *   `shouldReconnect` makes that decision, this records it, and the board
 *   turns read-only with a notice that says why;
 * - mirrors socket, sync and IndexedDB state into the connection store.
 *
 * Returns a function that stops supervising (and disconnects).
 */
export function superviseConnection(
  provider: WebsocketProvider,
  persistence: IndexeddbPersistence | null,
): () => void {
  const connection = useConnection.getState()
  connection.reset(navigator.onLine)

  const onStatus = ({ status }: { status: 'connected' | 'connecting' | 'disconnected' }) => {
    connection.update(
      status === 'connected' ? { socket: status, lastAttemptFailed: false } : { socket: status },
    )
  }
  const onSync = (synced: boolean) => connection.update({ synced })
  const onAttemptFailed = () => connection.update({ lastAttemptFailed: true, synced: false })
  const onRefused = ({ code, reason }: { code: number; reason: string }) => {
    console.warn(`The server refused this board (${code}: ${reason}); not reconnecting`)
    connection.update({ refusedWith: { code, reason }, socket: 'disconnected', synced: false })
  }
  provider.on('status', onStatus)
  provider.on('sync', onSync)
  provider.on('connection-close', onAttemptFailed)
  provider.on('connection-error', onAttemptFailed)
  provider.on('closed', onRefused)

  const goOffline = () => {
    connection.update({ browserOnline: false })
    provider.disconnect()
  }
  const goOnline = () => {
    connection.update({ browserOnline: true, lastAttemptFailed: false })
    if (useConnection.getState().refusedWith === null) provider.connect()
  }
  window.addEventListener('offline', goOffline)
  window.addEventListener('online', goOnline)

  let stopped = false
  persistence?.whenSynced.then(
    () => {
      if (!stopped) connection.update({ savedLocally: true })
    },
    (error: unknown) => console.error('This board could not be loaded from this device', error),
  )

  if (navigator.onLine) provider.connect()

  return () => {
    stopped = true
    window.removeEventListener('offline', goOffline)
    window.removeEventListener('online', goOnline)
    provider.off('status', onStatus)
    provider.off('sync', onSync)
    provider.off('connection-close', onAttemptFailed)
    provider.off('connection-error', onAttemptFailed)
    provider.off('closed', onRefused)
    provider.disconnect()
  }
}
