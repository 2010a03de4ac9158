import WebSocket from 'ws'
import type { WebSocketClass } from '../BoardClient'

/** Frames the clients of one setup received, all together. */
export interface FrameCount {
  received: number
}

/**
 * A `ws` WebSocket class that counts every frame its sockets receive into
 * `count`: how much each client is sent tells how a server fans out doc
 * updates and presence, which the clients then pay for.
 */
export function countingWebSocket(count: FrameCount): WebSocketClass {
  return class CountingWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols)
      this.on('message', () => {
        count.received++
      })
    }
  }
}
