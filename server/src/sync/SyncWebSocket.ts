import WebSocket from 'ws'
import { CloseCode, CloseReason } from '@tablecloth/shared'

/** RFC 6455 "message too big": what `ws` closes with when a frame exceeds maxPayload. */
const WS_MESSAGE_TOO_BIG = 1009

/**
 * The server side of a board socket. `ws` stops reading an over-long frame at
 * its header and closes the socket itself with 1009, before any handler sees
 * the frame; the board protocol names that case 4413, so the close is
 * translated here, where `ws` issues it.
 */
export class SyncWebSocket extends WebSocket {
  /** Cleared at each heartbeat, set by a pong or any frame; still clear at the next beat: dead. */
  alive = true

  override close(code?: number, data?: string | Buffer): void {
    if (code === WS_MESSAGE_TOO_BIG) super.close(CloseCode.TooLarge, CloseReason.TooLarge)
    else super.close(code, data)
  }
}
