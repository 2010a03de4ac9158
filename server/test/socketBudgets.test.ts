import { afterEach, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { YKeyValue } from 'y-utility/y-keyvalue'
import {
  ApiErrorCode,
  BOARD_DOC,
  CloseCode,
  CloseReason,
  MessageType,
  PRESENCE_STATE_MAX_BYTES,
  roomName,
  stationFrameId,
  winnendenTemplate,
} from '@tablecloth/shared'
import * as encoding from 'lib0/encoding'
import { MemoryClient, frame } from './helpers/memoryClient'
import { createTestRegistry, type TestRegistry } from './helpers/testRegistry'
import { serverClose, synced, openBoard } from './helpers/boardProvider'
import { noteRecord, recordsOf } from './helpers/eventBoards'
import { api, startTestServer, type TestServer } from './helpers/testServer'

/**
 * Byte budgets that fit each role (issue 10, finding 6): a moderator socket
 * cannot store megabytes a second, a board stops growing at its cap, and
 * sockets that only watch cannot announce presence or send much at all.
 */

const ROOM = roomName('evt', 't1')

let current: TestRegistry | null = null
const clients: MemoryClient[] = []
afterEach(() => {
  clients.splice(0).forEach((client) => client.destroy())
  current?.close()
  current = null
})

function registry(limits: Parameters<typeof createTestRegistry>[0] = {}): TestRegistry {
  current = createTestRegistry(limits)
  return current
}

function connect(
  test: TestRegistry,
  role: 'moderator' | 'viewer' | 'participant' = 'moderator',
): MemoryClient {
  const client = MemoryClient.connect(test.registry, { role })
  clients.push(client)
  return client
}

/** Bytes the board holds in the store: its state and every logged update. */
function storedBytes(test: TestRegistry): number {
  const state = test.db
    .prepare('SELECT coalesce(sum(length(state)), 0) FROM doc_states WHERE room = ?')
    .pluck()
    .get(ROOM) as number
  const log = test.db
    .prepare('SELECT coalesce(sum(length(data)), 0) FROM doc_updates WHERE room = ?')
    .pluck()
    .get(ROOM) as number
  return state + log
}

function setEntry(doc: Y.Doc, key: string, text: string): void {
  new YKeyValue<{ id: string; text: string }>(doc.getArray(BOARD_DOC.records)).set(key, {
    id: key,
    text,
  })
}

describe('byte budgets per socket', () => {
  it('closes a moderator socket that sends faster than its byte budget with 4429; what it stored stays near its burst', async () => {
    const test = registry({
      limits: {
        writerByteBurst: 256 * 1024,
        writerBytesPerSecond: 16 * 1024,
        messagesPerSecond: 10_000,
        messageBurst: 10_000,
      },
    })
    const writer = connect(test)
    const closed = writer.waitForClose()
    const text = 'x'.repeat(20 * 1024)
    for (let i = 0; i < 100 && writer.closeEvent === null; i++)
      setEntry(writer.doc, `shape:n${i}`, text)
    expect(await closed).toEqual({ code: CloseCode.RateLimited, reason: CloseReason.RateLimited })
    // 2 MB were sent; the budget let through its burst and what refilled meanwhile.
    expect(storedBytes(test)).toBeLessThan(512 * 1024)
  })

  it('lets a socket that only watches send one full frame, and closes it when it keeps sending', async () => {
    const test = registry({
      limits: {
        readerBytesPerSecond: 1024,
        readerByteBurst: 64 * 1024,
        messagesPerSecond: 10_000,
        messageBurst: 10_000,
      },
    })
    const viewer = connect(test, 'viewer')
    const closed = viewer.waitForClose()
    // A valid sync step 1 naming 8,000 clients: about 40 KB, answered as usual once.
    const stateVector = frame(MessageType.Sync, (encoder) => {
      encoding.writeVarUint(encoder, 0)
      const inner = encoding.createEncoder()
      encoding.writeVarUint(inner, 8000)
      for (let client = 1; client <= 8000; client++) {
        encoding.writeVarUint(inner, client * 1000)
        encoding.writeVarUint(inner, 0)
      }
      encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner))
    })
    expect(stateVector.byteLength).toBeGreaterThan(32 * 1024)
    const before = viewer.received.length
    viewer.send(stateVector)
    // Memory sockets deliver in microtasks: one turn of the event loop has them all answered.
    await new Promise((resolve) => setImmediate(resolve))
    expect(viewer.received.length).toBeGreaterThan(before)
    expect(viewer.closeEvent).toBeNull()
    for (let i = 0; i < 10; i++) viewer.send(stateVector)
    expect((await closed).code).toBe(CloseCode.RateLimited)
  })
})

describe('the size cap of a board', () => {
  it('refuses edits with 4414 once the board is full, after compacting first; the board stays readable', async () => {
    const test = registry({ limits: { maxBoardBytes: 128 * 1024 } })
    const writer = connect(test)
    const closed = writer.waitForClose()
    const text = 'y'.repeat(4 * 1024)
    for (let i = 0; i < 60 && writer.closeEvent === null; i++) {
      setEntry(writer.doc, `shape:n${i}`, text)
      await Promise.resolve()
    }
    expect(await closed).toEqual({ code: CloseCode.BoardFull, reason: CloseReason.BoardFull })
    expect(storedBytes(test)).toBeLessThanOrEqual(128 * 1024)
    expect(test.logs.some((line) => line.startsWith(`sync board-full room=${ROOM}`))).toBe(true)

    const reader = connect(test)
    await reader.waitForDoc((doc) => doc.getArray(BOARD_DOC.records).length > 20)
  })

  it('compacts a long log of moves instead of refusing it', async () => {
    const test = registry({ limits: { maxBoardBytes: 96 * 1024, compactAfterUpdates: 1_000_000 } })
    const writer = connect(test)
    const watcher = connect(test)
    const text = 'z'.repeat(1024)
    // 300 moves of one note log about 300 KB; the board itself stays one note.
    for (let i = 0; i < 300; i++) {
      setEntry(writer.doc, 'shape:moved', `${i} ${text}`)
      await Promise.resolve()
    }
    await watcher.waitForDoc((doc) =>
      doc
        .getArray<{ val: { text: string } }>(BOARD_DOC.records)
        .toArray()
        .some((entry) => entry.val.text.startsWith('299 ')),
    )
    expect(writer.closeEvent).toBeNull()
    expect(storedBytes(test)).toBeLessThanOrEqual(96 * 1024)
  })
})

describe('presence', () => {
  it('neither keeps nor relays presence from a projector or a phone', async () => {
    const test = registry()
    const moderator = connect(test)
    const viewer = connect(test, 'viewer')
    const phone = connect(test, 'participant')
    viewer.awareness.setLocalStateField('user', { name: 'Falscher Name' })
    phone.awareness.setLocalStateField('user', { name: 'Auch falsch' })
    const second = connect(test)
    second.awareness.setLocalStateField('user', { name: 'Moderatorin' })
    // Frames reach the room in the order they were sent, so once the second
    // moderator's presence has arrived, the earlier ones would have too.
    await moderator.waitForAwareness((states) => states.has(second.doc.clientID))
    expect(moderator.awareness.getStates().has(viewer.doc.clientID)).toBe(false)
    expect(moderator.awareness.getStates().has(phone.doc.clientID)).toBe(false)
    const names = test.registry
      .roomStats(ROOM)
      .awareness.map((entry) => JSON.stringify(entry.state))
    expect(names.join()).not.toContain('falsch')
  })

  it(`drops a presence state larger than ${PRESENCE_STATE_MAX_BYTES} bytes`, async () => {
    const test = registry()
    const moderator = connect(test)
    const noisy = connect(test)
    const second = connect(test)
    noisy.awareness.setLocalStateField('user', { name: 'x'.repeat(PRESENCE_STATE_MAX_BYTES) })
    second.awareness.setLocalStateField('user', { name: 'Kurz' })
    await moderator.waitForAwareness(
      (states) => states.get(second.doc.clientID)?.user !== undefined,
    )
    expect(moderator.awareness.getStates().get(noisy.doc.clientID)?.user).toBeUndefined()
    expect(test.logs.some((line) => line.startsWith('sync presence-too-large'))).toBe(true)
  })
})

describe('a full board seen from the phone page', () => {
  let server: TestServer | null = null
  afterEach(async () => {
    await server?.close()
    server = null
  })

  it('answers 507 board_full to a phone note, and the board keeps what it had', async () => {
    server = await startTestServer({ MAX_BOARD_BYTES: String(64 * 1024) })
    const created = await api(server, 'POST', '/api/events', { body: winnendenTemplate() })
    const event = created.body
    const table = event.links.tables[0]
    const board = openBoard(
      `${server.wsOrigin}/sync`,
      roomName(event.id, table.id),
      table.tokens.moderator,
    )
    try {
      await synced(board)
      const frame = stationFrameId(winnendenTemplate().stations[0]!.id!, 0)
      const closed = serverClose(board)
      let full = false
      void closed.then(() => (full = true))
      for (let i = 0; i < 200 && !full; i++) {
        const id = `shape:fill-${i}`
        recordsOf(board.doc).set(
          id,
          noteRecord({
            id,
            parentId: frame,
            x: 40,
            y: 40,
            text: `${i} ${'Kinderbetreuungsangebote '.repeat(40)}`,
          }),
        )
        await new Promise((resolve) => setImmediate(resolve))
      }
      expect((await closed).code).toBe(CloseCode.BoardFull)
      const phone = await api(server, 'POST', `/api/events/${event.id}/tables/${table.id}/notes`, {
        token: table.tokens.participant,
        body: { text: 'Noch eine Karte', column: 0 },
      })
      expect(phone.status).toBe(507)
      expect(phone.body.error.code).toBe(ApiErrorCode.BoardFull)
      const results = await api(server, 'GET', `/api/events/${event.id}/results.json`, {
        token: event.organiserToken,
      })
      expect(results.status).toBe(200)
      expect(JSON.stringify(results.body)).toContain('Kinderbetreuungsangebote')
    } finally {
      board.destroy()
    }
  })
})
