import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import {
  CloseCode,
  PROTOCOL_VERSION,
  SYNC_SUBPROTOCOL,
  roomName,
  syncProtocols,
  tokenFromSyncProtocols,
} from '@tablecloth/shared'
import { closedWith } from './helpers/boardProvider'
import { useEventBoards } from './helpers/eventBoards'

/**
 * Board sockets carry their token in `Sec-WebSocket-Protocol`, so it never
 * stands in a URL a reverse proxy writes to its access log (issue 10).
 */

const { createEvent, server } = useEventBoards()

describe('the token as a websocket subprotocol', () => {
  it('opens the board for a stock provider that sends no token in its URL', async () => {
    const event = await createEvent()
    const table = event.links.tables[0]!
    const doc = new Y.Doc()
    const urls: string[] = []
    class RecordingSocket extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols)
        urls.push(url)
      }
    }
    const provider = new WebsocketProvider(
      `${server().wsOrigin}/sync`,
      roomName(event.id, table.id),
      doc,
      {
        WebSocketPolyfill: RecordingSocket as unknown as typeof globalThis.WebSocket,
        params: { v: String(PROTOCOL_VERSION) },
        protocols: syncProtocols(table.tokens.moderator),
        disableBc: true,
      },
    )
    try {
      await new Promise<void>((resolve) => provider.once('sync', () => resolve()))
      expect((provider.ws as unknown as WebSocket).protocol).toBe(SYNC_SUBPROTOCOL)
      expect(urls.join()).not.toContain(table.tokens.moderator)
      expect(doc.getArray('records').length).toBeGreaterThan(0)
    } finally {
      provider.destroy()
      doc.destroy()
    }
  })

  it('refuses a wrong token sent that way with 4401', async () => {
    const event = await createEvent()
    const table = event.links.tables[0]!
    const socket = new WebSocket(
      `${server().wsOrigin}/sync/${roomName(event.id, table.id)}?v=${PROTOCOL_VERSION}`,
      syncProtocols('not-a-token'),
    )
    expect((await closedWith(socket)).code).toBe(CloseCode.Unauthorized)
  })

  it('reads the token out of a header of several protocols, and nothing else', () => {
    expect(tokenFromSyncProtocols('tablecloth, tablecloth.token.abc_DEF-1')).toBe('abc_DEF-1')
    expect(tokenFromSyncProtocols(['tablecloth', 'tablecloth.token.xyz'])).toBe('xyz')
    expect(tokenFromSyncProtocols('tablecloth')).toBeNull()
    expect(tokenFromSyncProtocols('tablecloth.token.')).toBeNull()
    expect(tokenFromSyncProtocols(undefined)).toBeNull()
  })
})
