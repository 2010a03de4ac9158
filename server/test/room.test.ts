import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { CloseCode, CloseReason, MessageType, type Role } from '@tablecloth/shared'
import { StorageError } from '../src/store/docStore'
import { roleMay } from '../src/access/accessPolicy'
import { encodeAwareness } from '../src/sync/messageCodec'
import { notesOf } from './docStoreContract'
import { frame, MemoryClient, type MemoryClientOptions } from './helpers/memoryClient'
import { createTestRegistry, type TestRegistry } from './helpers/testRegistry'

const ROOM = 'evt/t1'

/** A relayed doc update (sync message, update step), as opposed to the handshake. */
const isDocUpdate = (data: Uint8Array): boolean => data[0] === MessageType.Sync && data[1] === 2

const notes = (client: MemoryClient): Y.Map<string> => client.doc.getMap<string>('notes')
const hasNote = (key: string, value?: string) => (doc: Y.Doc) =>
  value === undefined ? doc.getMap('notes').has(key) : doc.getMap('notes').get(key) === value

describe('board room', () => {
  let board: TestRegistry
  const clients: MemoryClient[] = []

  function setUp(options: Parameters<typeof createTestRegistry>[0] = {}): TestRegistry {
    board = createTestRegistry(options)
    return board
  }

  function connect(options: MemoryClientOptions = {}): MemoryClient {
    const client = MemoryClient.connect(board.registry, options)
    clients.push(client)
    return client
  }

  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy()
    board.close()
  })

  describe('doc sync', () => {
    it('syncs edits both ways between moderators', async () => {
      setUp()
      const a = connect()
      const b = connect()

      notes(a).set('n1', 'Mehr Bänke')
      await b.waitForDoc(hasNote('n1', 'Mehr Bänke'))
      notes(b).set('n2', 'Spielplatz')
      await a.waitForDoc(hasNote('n2', 'Spielplatz'))
    })

    it('relays an edit only after it is stored', async () => {
      setUp()
      const a = connect()
      const storedAtRelay: Array<Record<string, string>> = []
      const b = connect({
        role: 'viewer',
        onServerSend: (data) => {
          if (isDocUpdate(data)) storedAtRelay.push(notesOf(board.store.load(ROOM)))
        },
      })

      notes(a).set('n1', 'Mehr Bänke')
      await b.waitForDoc(hasNote('n1'))

      expect(storedAtRelay).toEqual([{ n1: 'Mehr Bänke' }])
    })

    it('sends a client that joins later everything so far', async () => {
      setUp()
      const a = connect()
      notes(a).set('n1', 'first')
      notes(a).delete('n1')
      notes(a).set('n2', 'second')
      await connect().waitForDoc(hasNote('n2'))

      const late = connect({ role: 'viewer' })
      await late.waitForDoc(hasNote('n2', 'second'))
      expect(notes(late).has('n1')).toBe(false)
    })

    it('loads a board once for sockets that arrive together', () => {
      setUp()
      const load = vi.spyOn(board.store, 'read')
      connect()
      connect()
      connect({ role: 'viewer' })
      expect(load).toHaveBeenCalledTimes(1)
    })

    it('logs what an observer on the board writes in reaction to a client', async () => {
      setUp()
      board.registry.transact(ROOM, (doc) => {
        const map = doc.getMap<string>('notes')
        map.observe((event) => {
          if (event.keysChanged.has('ping') && !map.has('pong')) map.set('pong', 'answered')
        })
      })
      const a = connect()
      const b = connect()

      notes(a).set('ping', 'x')

      await b.waitForDoc(hasNote('pong', 'answered'))
      await a.waitForDoc(hasNote('pong', 'answered'))
      expect(notesOf(board.store.load(ROOM))).toEqual({ ping: 'x', pong: 'answered' })
    })
  })

  describe('read-only roles', () => {
    it.each<[Role, boolean]>([
      ['organiser', true],
      ['moderator', true],
      ['participant', false],
      ['viewer', false],
    ])('%s may edit: %s', (role, may) => {
      expect(roleMay(role, 'board.edit')).toBe(may)
    })

    it('ignores a viewer answering the sync with nothing new', async () => {
      setUp()
      const a = connect()
      notes(a).set('n1', 'kept')
      notes(a).set('gone', 'deleted again')
      notes(a).delete('gone')
      await connect().waitForDoc(hasNote('n1'))
      // A projector reconnecting with the board it already had: its answer
      // repeats the whole delete set, which the server already holds.
      const previous = new Y.Doc()
      Y.applyUpdate(previous, board.registry.encodeState(ROOM))

      const projector = connect({ role: 'viewer', doc: previous })
      notes(a).set('n2', 'after the projector joined')
      await projector.waitForDoc(hasNote('n2'))

      expect(projector.closeEvent).toBeNull()
    })

    it.each<Role>(['viewer', 'participant'])(
      'refuses a %s edit with 4403 and never relays or stores it',
      async (role) => {
        setUp()
        const a = connect()
        const b = connect()
        const reader = connect({ role })
        notes(a).set('n1', 'from the moderator')
        await reader.waitForDoc(hasNote('n1'))

        notes(reader).set('bad', 'from the screen')

        expect(await reader.waitForClose()).toEqual({
          code: CloseCode.Forbidden,
          reason: CloseReason.Forbidden,
        })
        notes(a).set('n2', 'later')
        await b.waitForDoc(hasNote('n2'))
        expect(notes(b).has('bad')).toBe(false)
        expect(notesOf(board.store.load(ROOM))).toEqual({ n1: 'from the moderator', n2: 'later' })
        expect(board.logs.join('\n')).not.toContain('from the screen')
      },
    )

    it('refuses a viewer deleting a note', async () => {
      setUp()
      const a = connect()
      const b = connect()
      const reader = connect({ role: 'viewer' })
      notes(a).set('n1', 'keep me')
      await reader.waitForDoc(hasNote('n1'))

      notes(reader).delete('n1')

      expect((await reader.waitForClose()).code).toBe(CloseCode.Forbidden)
      notes(a).set('n2', 'later')
      await b.waitForDoc(hasNote('n2'))
      expect(notes(b).get('n1')).toBe('keep me')
      expect(notesOf(board.store.load(ROOM))).toEqual({ n1: 'keep me', n2: 'later' })
    })
  })

  describe('storage failures', () => {
    const refuseInserts = (): void => {
      board.db.exec(`CREATE TRIGGER refuse BEFORE INSERT ON doc_updates
                     BEGIN SELECT RAISE(ABORT, 'disk full'); END`)
    }
    const allowInserts = (): void => {
      board.db.exec('DROP TRIGGER refuse')
    }

    it('closes with 4507 and relays nothing when an edit cannot be stored', async () => {
      setUp()
      const a = connect()
      const b = connect()
      notes(a).set('n1', 'stored')
      await b.waitForDoc(hasNote('n1'))
      refuseInserts()

      notes(a).set('n2', 'lost disk')

      expect(await a.waitForClose()).toEqual({
        code: CloseCode.StorageFailure,
        reason: CloseReason.StorageFailure,
      })
      allowInserts()
      const c = connect()
      notes(c).set('n3', 'after the disk recovered')
      await b.waitForDoc(hasNote('n3'))
      expect(notes(b).has('n2')).toBe(false)
      expect(notesOf(board.registry.encodeState(ROOM))).toEqual({
        n1: 'stored',
        n3: 'after the disk recovered',
      })
      expect(board.logs.some((line) => line.includes('code=SQLITE_CONSTRAINT_TRIGGER'))).toBe(true)
    })

    it('relays a server edit only after it is stored', async () => {
      setUp()
      const storedAtRelay: Array<Record<string, string>> = []
      const a = connect({
        role: 'viewer',
        onServerSend: (data) => {
          if (isDocUpdate(data)) storedAtRelay.push(notesOf(board.store.load(ROOM)))
        },
      })

      board.registry.transact(ROOM, (doc) => doc.getMap('notes').set('s1', 'station 2'))

      await a.waitForDoc(hasNote('s1'))
      expect(storedAtRelay).toEqual([{ s1: 'station 2' }])
    })

    it('throws on a server edit it cannot store and reloads the board from storage', async () => {
      setUp()
      const a = connect()
      notes(a).set('n1', 'stored')
      await connect().waitForDoc(hasNote('n1'))
      refuseInserts()

      expect(() =>
        board.registry.transact(ROOM, (doc) => doc.getMap('notes').set('s1', 'unstored')),
      ).toThrow(StorageError)

      expect((await a.waitForClose()).code).toBe(CloseCode.StorageFailure)
      expect(board.registry.isLoaded(ROOM)).toBe(false)
      allowInserts()
      await connect().waitForDoc(hasNote('n1'))
      expect(notesOf(board.registry.encodeState(ROOM))).toEqual({ n1: 'stored' })
    })

    it('un-logs an update the board cannot apply and reloads the board', async () => {
      setUp()
      board.registry.transact(ROOM, (doc) => {
        doc.getMap('notes').observe((event) => {
          if (event.keysChanged.has('boom')) throw new Error('observer failed')
        })
      })
      const a = connect()
      const b = connect()
      notes(a).set('n1', 'fine')
      await b.waitForDoc(hasNote('n1'))

      notes(a).set('boom', 'x')

      expect((await a.waitForClose()).code).toBe(CloseCode.InvalidMessage)
      expect((await b.waitForClose()).code).toBe(CloseCode.ShuttingDown)
      expect(notesOf(board.store.load(ROOM))).toEqual({ n1: 'fine' })
      await connect().waitForDoc(hasNote('n1'))
    })
  })

  describe('awareness', () => {
    const presenceOf = (states: Map<number, Record<string, unknown>>, clientId: number) =>
      states.get(clientId) as { user?: { name?: string } } | undefined

    it('relays presence and removes it when the socket closes', async () => {
      setUp()
      const a = connect()
      const b = connect()

      a.awareness.setLocalStateField('user', { name: 'Ana' })

      await b.waitForAwareness((states) => presenceOf(states, a.doc.clientID)?.user?.name === 'Ana')
      expect(board.registry.roomStats(ROOM)).toEqual({
        connections: 2,
        awareness: [{ clientId: a.doc.clientID, state: { user: { name: 'Ana' } } }],
      })

      a.disconnect()

      await b.waitForAwareness((states) => !states.has(a.doc.clientID))
      expect(board.registry.roomStats(ROOM)).toEqual({ connections: 1, awareness: [] })
    })

    it('sends a client that joins later who is present', async () => {
      setUp()
      const a = connect()
      a.awareness.setLocalStateField('user', { name: 'Ana' })
      await connect().waitForAwareness((states) => states.has(a.doc.clientID))

      const late = connect({ role: 'viewer' })

      await late.waitForAwareness(
        (states) => presenceOf(states, a.doc.clientID)?.user?.name === 'Ana',
      )
    })

    it('drops presence a socket sends for a client id other than its own', async () => {
      setUp()
      const mallory = connect()
      const ben = connect()
      const watcher = connect({ role: 'viewer' })
      ben.awareness.setLocalStateField('user', { name: 'Ben' })
      await watcher.waitForAwareness(
        (states) => presenceOf(states, ben.doc.clientID)?.user?.name === 'Ben',
      )

      const forged = new TextEncoder().encode('{"user":{"name":"Mallory"}}')
      mallory.send(encodeAwareness([{ clientId: ben.doc.clientID, clock: 99, state: forged }]))
      mallory.send(encodeAwareness([{ clientId: 12345, clock: 1, state: forged }]))
      mallory.awareness.setLocalStateField('user', { name: 'Mallory' })

      await watcher.waitForAwareness((states) => states.has(mallory.doc.clientID))
      expect(presenceOf(watcher.awareness.getStates(), ben.doc.clientID)?.user?.name).toBe('Ben')
      expect(watcher.awareness.getStates().has(12345)).toBe(false)
    })

    it('answers an awareness query with everyone present', async () => {
      setUp()
      const a = connect()
      a.awareness.setLocalStateField('user', { name: 'Ana' })
      const b = connect()
      await b.waitForAwareness((states) => states.has(a.doc.clientID))
      const before = b.received.length

      b.send(frame(MessageType.QueryAwareness, () => {}))

      await vi.waitFor(() => expect(b.received.length).toBeGreaterThan(before))
      expect(b.received.at(-1)![0]).toBe(MessageType.Awareness)
    })
  })

  describe('limits and bad frames', () => {
    it.each([
      ['garbage', new Uint8Array([0xff, 0x01])],
      ['an unknown message type', new Uint8Array([42])],
      ['an update Yjs cannot parse', new Uint8Array([MessageType.Sync, 2, 3, 0xff, 0xff, 0xff])],
    ])('closes a socket that sends %s with 4422, the board goes on', async (_label, bytes) => {
      setUp()
      const bad = connect()
      const a = connect()
      const b = connect()

      bad.send(bytes)

      expect(await bad.waitForClose()).toEqual({
        code: CloseCode.InvalidMessage,
        reason: CloseReason.InvalidMessage,
      })
      notes(a).set('n1', 'still syncing')
      await b.waitForDoc(hasNote('n1'))
    })

    it('closes a socket whose frame exceeds the size limit with 4413', async () => {
      setUp({ limits: { maxMessageBytes: 1024 } })
      const a = connect()
      notes(a).set('n1', 'x'.repeat(2000))
      expect(await a.waitForClose()).toEqual({
        code: CloseCode.TooLarge,
        reason: CloseReason.TooLarge,
      })
      expect(board.store.load(ROOM)).toBeNull()
    })

    it('closes a socket that floods frames with 4429', async () => {
      setUp({ limits: { messagesPerSecond: 10, messageBurst: 20 } })
      const a = connect()
      for (let i = 0; i < 40; i++) a.send(frame(MessageType.QueryAwareness, () => {}))
      expect(await a.waitForClose()).toEqual({
        code: CloseCode.RateLimited,
        reason: CloseReason.RateLimited,
      })
    })

    it('refuses a socket beyond the per-board connection limit', () => {
      setUp({ limits: { maxConnectionsPerRoom: 2 } })
      connect()
      connect()
      expect(() => connect()).toThrow('room is full')
      expect(() => connect({ tableId: 't2' })).not.toThrow()
    })
  })

  describe('lifecycle', () => {
    it('writes a fresh board initial content once, stored before anyone sees it', async () => {
      const initialiseDoc = vi.fn((eventId: string, tableId: string, doc: Y.Doc) => {
        doc.getMap('notes').set('layout', `${eventId}:${tableId}`)
      })
      setUp({ initialiseDoc, roomIdleMs: 0 })

      const a = connect()
      await a.waitForDoc(hasNote('layout', 'evt:t1'))
      expect(notesOf(board.store.load(ROOM))).toEqual({ layout: 'evt:t1' })
      a.disconnect()
      await vi.waitFor(() => expect(board.registry.isLoaded(ROOM)).toBe(false))
      await connect().waitForDoc(hasNote('layout'))

      expect(initialiseDoc).toHaveBeenCalledTimes(1)
    })

    it('compacts a busy board once its log passes the limit', async () => {
      setUp({ limits: { compactAfterUpdates: 5 } })
      const a = connect()
      const b = connect()

      for (let i = 0; i < 12; i++) notes(a).set(`n${i}`, `note ${i}`)
      await b.waitForDoc(hasNote('n11'))

      await vi.waitFor(() => expect(board.store.updateCount(ROOM)).toBeLessThan(5))
      expect(Object.keys(notesOf(board.store.load(ROOM)))).toHaveLength(12)
    })

    it('compacts and unloads a board nobody is on', async () => {
      const onRoomChange = vi.fn()
      setUp({ roomIdleMs: 10, onRoomChange })
      const a = connect()
      notes(a).set('n1', 'kept')
      notes(a).set('n2', 'kept too')
      await connect({ role: 'viewer' }).waitForDoc(hasNote('n2'))
      expect(onRoomChange).toHaveBeenCalledWith(ROOM)

      for (const client of clients) client.disconnect()

      await vi.waitFor(() => expect(board.registry.isLoaded(ROOM)).toBe(false))
      expect(board.store.updateCount(ROOM)).toBe(0)
      expect(notesOf(board.store.load(ROOM))).toEqual({ n1: 'kept', n2: 'kept too' })
    })

    it('encodes an unloaded board from storage without loading it', async () => {
      setUp()
      const a = connect()
      notes(a).set('n1', 'snapshot me')
      await connect().waitForDoc(hasNote('n1'))
      board.registry.closeRoom(ROOM, CloseCode.ShuttingDown, CloseReason.ShuttingDown)

      const state = board.registry.encodeState(ROOM)

      expect(board.registry.isLoaded(ROOM)).toBe(false)
      expect(notesOf(state)).toEqual({ n1: 'snapshot me' })
    })

    it('closes only the sockets a revocation selects', async () => {
      setUp()
      const revoked = connect({ subject: 'grant-a' })
      const kept = connect({ subject: 'grant-b' })
      const other = connect({ subject: 'grant-a', tableId: 't2' })

      const closed = board.registry.closeConnectionsWhere(
        (info) => info.subject === 'grant-a' && info.tableId === 't1',
        CloseCode.Unauthorized,
        CloseReason.Unauthorized,
      )

      expect(closed).toBe(1)
      expect((await revoked.waitForClose()).code).toBe(CloseCode.Unauthorized)
      notes(other).set('n1', 'still here')
      notes(kept).set('n1', 'still here')
      await connect().waitForDoc(hasNote('n1'))
      expect(kept.closeEvent).toBeNull()
      expect(other.closeEvent).toBeNull()
    })

    it('deletes a board: sockets closed with 4404, nothing left in storage', async () => {
      setUp()
      const a = connect()
      notes(a).set('n1', 'to be deleted')
      await connect().waitForDoc(hasNote('n1'))

      board.registry.deleteRoom(ROOM, CloseCode.NotFound, CloseReason.NotFound)

      expect((await a.waitForClose()).code).toBe(CloseCode.NotFound)
      expect(board.registry.isLoaded(ROOM)).toBe(false)
      expect(board.store.load(ROOM)).toBeNull()
    })
  })
})
