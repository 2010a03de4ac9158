import WebSocket from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { PROTOCOL_VERSION } from '@tablecloth/shared'

export interface BoardProvider {
  doc: Y.Doc
  provider: WebsocketProvider
  destroy(): void
}

/**
 * The stock y-websocket provider as the board page opens it, on Node's `ws`.
 * BroadcastChannel is off: in one test process it would sync providers
 * directly and hide what the server does. `socket` passes options to every
 * socket the provider opens, e.g. to trust a test's self-signed certificate.
 */
export function openBoard(
  url: string,
  room: string,
  token: string,
  options: { doc?: Y.Doc; protocol?: string; socket?: WebSocket.ClientOptions } = {},
): BoardProvider {
  const doc = options.doc ?? new Y.Doc()
  const socketOptions = options.socket
  const Socket =
    socketOptions === undefined
      ? WebSocket
      : class extends WebSocket {
          constructor(address: string, protocols?: string | string[]) {
            super(address, protocols, socketOptions)
          }
        }
  const provider = new WebsocketProvider(url, room, doc, {
    WebSocketPolyfill: Socket as unknown as NonNullable<
      ConstructorParameters<typeof WebsocketProvider>[3]
    >['WebSocketPolyfill'],
    params: { token, v: options.protocol ?? String(PROTOCOL_VERSION) },
    disableBc: true,
  })
  return {
    doc,
    provider,
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

/** Resolves once the provider has completed its first sync with the server. */
export function synced(board: BoardProvider): Promise<void> {
  if (board.provider.synced) return Promise.resolve()
  return new Promise((resolve) => {
    const onSync = (state: boolean): void => {
      if (!state) return
      board.provider.off('sync', onSync)
      resolve()
    }
    board.provider.on('sync', onSync)
  })
}

/** Resolves with the code and reason of the next close the server sends. */
export function serverClose(board: BoardProvider): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => {
    const onClose = (event: { code: number; reason: string } | null): void => {
      if (event === null) return
      board.provider.off('connection-close', onClose)
      resolve({ code: event.code, reason: event.reason })
    }
    board.provider.on('connection-close', onClose)
  })
}

/** Resolves once `predicate` holds for the board's doc. */
export function docMatches(
  board: BoardProvider,
  predicate: (doc: Y.Doc) => boolean,
): Promise<void> {
  return until(board.doc, () => predicate(board.doc))
}

/** Resolves once `predicate` holds for the doc, checking now and after every update. */
export function until(doc: Y.Doc, predicate: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => {
      if (!predicate()) return
      doc.off('update', check)
      resolve()
    }
    doc.on('update', check)
    check()
  })
}

/** Resolves once `predicate` holds for the presence states the provider knows. */
export function awarenessMatches(
  board: BoardProvider,
  predicate: (states: Map<number, Record<string, unknown>>) => boolean,
): Promise<void> {
  const awareness = board.provider.awareness
  return new Promise((resolve) => {
    const check = (): void => {
      if (!predicate(awareness.getStates())) return
      awareness.off('change', check)
      resolve()
    }
    awareness.on('change', check)
    check()
  })
}

/** A raw websocket to a board, for frames no provider would send. */
export function rawSocket(
  url: string,
  room: string,
  token: string,
  options: WebSocket.ClientOptions = {},
): WebSocket {
  return new WebSocket(`${url}/${room}?token=${token}&v=${PROTOCOL_VERSION}`, options)
}

/** Resolves once a raw socket is open. */
export function opened(socket: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve())
    socket.once('error', reject)
  })
}

/** Resolves with the close code and reason a raw socket receives. */
export function closedWith(socket: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => {
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() }))
  })
}
