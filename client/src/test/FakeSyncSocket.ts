import type * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import { encodeAwarenessUpdate, type Awareness } from 'y-protocols/awareness'
import { MessageType } from '@tablecloth/shared'

/**
 * A WebSocket for y-websocket's `WebSocketPolyfill` in unit tests: it records
 * what the provider sends, and the test plays the server (accept, send a
 * board, close with a code). Every socket made is listed in `opened`.
 */
export class FakeSyncSocket {
  static opened: FakeSyncSocket[] = []
  readonly OPEN = 1
  readyState = 0
  binaryType = 'blob'
  readonly sent: Uint8Array[] = []
  onopen: ((event: unknown) => void) | null = null
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null
  onclose: ((event: { code: number; reason: string }) => void) | null = null
  onerror: ((event: unknown) => void) | null = null

  constructor(
    readonly url: string,
    readonly protocols?: string | string[],
  ) {
    FakeSyncSocket.opened.push(this)
  }

  /** The class as y-websocket's option wants it. */
  static get polyfill(): typeof WebSocket {
    return FakeSyncSocket as unknown as typeof WebSocket
  }

  send(data: Uint8Array) {
    this.sent.push(data)
  }

  close() {
    this.readyState = 3
  }

  /** The server accepts the socket. */
  accept() {
    this.readyState = 1
    this.onopen?.({})
  }

  /** The server sends its copy of the board (sync step 2), which completes the sync. */
  sendBoard(doc: Y.Doc) {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MessageType.Sync)
    syncProtocol.writeSyncStep2(encoder, doc)
    this.onmessage?.({ data: encoding.toUint8Array(encoder).slice().buffer })
  }

  /** The server relays another device's presence. */
  sendPresence(awareness: Awareness) {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MessageType.Awareness)
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, [awareness.clientID]))
    this.onmessage?.({ data: encoding.toUint8Array(encoder).slice().buffer })
  }

  /** The server closes the socket. */
  closeFromServer(code: number, reason: string) {
    this.readyState = 3
    this.onclose?.({ code, reason })
  }

  /** The y-websocket message types sent so far (each frame's first varint). */
  sentTypes(): number[] {
    return this.sent.map((frame) => frame[0]!)
  }
}
