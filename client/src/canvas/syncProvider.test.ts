import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import {
  CloseCode,
  CONTENT_REJECTED_REASON,
  CloseReason,
  MessageType,
  PROTOCOL_VERSION,
  RECORD_REJECTED_REASON,
  SYNC_SUBPROTOCOL,
  tokenFromSyncProtocols,
} from '@tablecloth/shared'
import type { WebsocketProvider } from 'y-websocket'
import { Awareness } from 'y-protocols/awareness'
import { FakeSyncSocket } from '../test/FakeSyncSocket'
import { createSyncProvider } from './syncProvider'
import { syncTarget } from './syncUrl'

const TOKEN = 'Abc_defGhijklmnopqrstuvwxyz-0123456789ABCDE'

const providers: WebsocketProvider[] = []
afterEach(() => {
  while (providers.length > 0) providers.pop()?.destroy()
  FakeSyncSocket.opened = []
  vi.useRealTimers()
})

function open(readOnly: boolean) {
  const provider = createSyncProvider(new Y.Doc(), {
    eventId: 'ev1',
    tableId: 't1',
    token: TOKEN,
    readOnly,
    WebSocketPolyfill: FakeSyncSocket.polyfill,
  })
  providers.push(provider)
  provider.connect()
  const socket = FakeSyncSocket.opened.at(-1)
  if (!socket) throw new Error('no socket opened')
  return { provider, socket }
}

describe('board sockets', () => {
  it('keep the token out of the URL and offer it as a subprotocol', () => {
    const target = syncTarget('ev1', 't1', TOKEN)
    expect(JSON.stringify(target.params)).not.toContain(TOKEN)
    expect(target.params).toEqual({ v: String(PROTOCOL_VERSION) })

    for (const readOnly of [false, true]) {
      const { socket } = open(readOnly)
      const url = new URL(socket.url)
      expect(url.pathname).toBe('/sync/ev1/t1')
      expect(url.search).toBe(`?v=${PROTOCOL_VERSION}`)
      expect(socket.url).not.toContain(TOKEN)
      expect(socket.protocols).toEqual([SYNC_SUBPROTOCOL, `tablecloth.token.${TOKEN}`])
      expect(tokenFromSyncProtocols(socket.protocols)).toBe(TOKEN)
    }
  })

  it('announce presence from an editing board, and none from a watching one', () => {
    const someoneElse = new Awareness(new Y.Doc())
    someoneElse.setLocalStateField('presence', { userName: 'Ana', cursor: { x: 1, y: 2 } })

    const editing = open(false)
    editing.socket.accept()
    expect(editing.socket.sentTypes()).toEqual([MessageType.Sync, MessageType.Awareness])
    // Others' presence is shown, never echoed back.
    editing.socket.sendPresence(someoneElse)
    expect(editing.provider.awareness.getStates().get(someoneElse.clientID)).toBeDefined()
    expect(editing.socket.sentTypes()).toEqual([MessageType.Sync, MessageType.Awareness])
    editing.provider.awareness.setLocalStateField('presence', { userName: 'Ben' })
    expect(editing.socket.sentTypes()).toEqual([
      MessageType.Sync,
      MessageType.Awareness,
      MessageType.Awareness,
    ])

    const watching = open(true)
    watching.socket.accept()
    watching.socket.sendPresence(someoneElse)
    expect(watching.provider.awareness.getStates().get(someoneElse.clientID)).toBeDefined()
    expect(watching.socket.sentTypes()).toEqual([MessageType.Sync])
    expect(watching.provider.awareness.getLocalState()).toBeNull()
    someoneElse.destroy()
  })

  it('stop reconnecting after a refusal, and only after one', () => {
    vi.useFakeTimers()
    const cases: Array<[number, string, boolean]> = [
      [CloseCode.Unauthorized, CloseReason.Unauthorized, true],
      [CloseCode.BoardFull, CloseReason.BoardFull, true],
      [CloseCode.InvalidMessage, CONTENT_REJECTED_REASON, true],
      [CloseCode.InvalidMessage, RECORD_REJECTED_REASON, true],
      [CloseCode.InvalidMessage, CloseReason.InvalidMessage, false],
      [CloseCode.RateLimited, CloseReason.RateLimited, false],
      [CloseCode.ShuttingDown, CloseReason.ShuttingDown, false],
    ]
    for (const [code, reason, final] of cases) {
      const { provider, socket } = open(false)
      const closed = vi.fn()
      provider.on('closed', closed)
      socket.accept()
      socket.closeFromServer(code, reason)
      vi.advanceTimersByTime(10_000)
      expect(closed.mock.calls.length, `${code} ${reason}`).toBe(final ? 1 : 0)
      expect(FakeSyncSocket.opened.at(-1) === socket, `${code} ${reason}`).toBe(final)
      provider.destroy()
    }
  })
})
