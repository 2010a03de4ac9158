import fs from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type WebSocket from 'ws'
import type * as Y from 'yjs'
import { CloseCode, CloseReason } from '@tablecloth/shared'
import { notesOf } from './docStoreContract'
import {
  awarenessMatches,
  closedWith,
  docMatches,
  openBoard,
  opened,
  rawSocket,
  serverClose,
  synced,
  type BoardProvider,
} from './helpers/boardProvider'
import { startSyncServer, type SyncTestServer } from './helpers/syncTestServer'

const ROOM = 'evt/t1'

const notes = (board: BoardProvider): Y.Map<string> => board.doc.getMap<string>('notes')
const hasNote = (key: string, value?: string) => (doc: Y.Doc) =>
  value === undefined ? doc.getMap('notes').has(key) : doc.getMap('notes').get(key) === value

describe('sync server with the stock y-websocket provider', () => {
  const servers: SyncTestServer[] = []
  const boards: BoardProvider[] = []
  const sockets: WebSocket[] = []

  async function start(
    options: Parameters<typeof startSyncServer>[0] = {},
  ): Promise<SyncTestServer> {
    const server = await startSyncServer(options)
    servers.push(server)
    dataDirs.add(server.dataDir)
    return server
  }

  function open(
    server: SyncTestServer,
    token: string,
    options: Parameters<typeof openBoard>[3] = {},
  ): BoardProvider {
    const board = openBoard(server.url, ROOM, token, options)
    boards.push(board)
    return board
  }

  function raw(server: SyncTestServer, token: string, options: WebSocket.ClientOptions = {}) {
    const socket = rawSocket(server.url, ROOM, token, options)
    sockets.push(socket)
    return socket
  }

  const dataDirs = new Set<string>()

  afterEach(async () => {
    for (const board of boards.splice(0)) board.destroy()
    for (const socket of sockets.splice(0)) socket.terminate()
    for (const server of servers.splice(0)) await server.close()
    for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true })
    dataDirs.clear()
  })

  it('syncs edits both ways between two board pages', async () => {
    const server = await start()
    const a = open(server, 'moderator-token')
    const b = open(server, 'organiser-token')
    await Promise.all([synced(a), synced(b)])

    notes(a).set('n1', 'Mehr Bänke im Park')
    await docMatches(b, hasNote('n1', 'Mehr Bänke im Park'))
    notes(b).set('n2', 'Spielplatz')
    await docMatches(a, hasNote('n2', 'Spielplatz'))

    expect(notesOf(server.store.load(ROOM))).toEqual({
      n1: 'Mehr Bänke im Park',
      n2: 'Spielplatz',
    })
  })

  it('brings presence to the other pages and removes it when a socket dies', async () => {
    const server = await start()
    const a = open(server, 'moderator-token')
    const b = open(server, 'viewer-token')
    await Promise.all([synced(a), synced(b)])
    const ana = a.doc.clientID

    a.provider.awareness.setLocalStateField('user', { name: 'Ana' })

    await awarenessMatches(
      b,
      (states) => (states.get(ana)?.user as { name?: string } | undefined)?.name === 'Ana',
    )
    expect(server.sync.registry.roomStats(ROOM).awareness).toContainEqual({
      clientId: ana,
      state: { user: { name: 'Ana' } },
    })

    // Cut the socket without a goodbye, as a laptop dropping off the Wi-Fi would.
    a.provider.shouldConnect = false
    ;(a.provider.ws as unknown as WebSocket).terminate()

    await awarenessMatches(b, (states) => !states.has(ana))
  })

  it('keeps a read-only page connected while it only listens', async () => {
    const server = await start()
    const a = open(server, 'moderator-token')
    await synced(a)
    notes(a).set('n1', 'kept')
    notes(a).set('n2', 'removed again')
    notes(a).delete('n2')

    const projector = open(server, 'viewer-token')
    await docMatches(projector, hasNote('n1'))
    let closes = 0
    projector.provider.on('connection-close', () => closes++)
    notes(a).set('n3', 'after the projector joined')
    await docMatches(projector, hasNote('n3'))

    expect(closes).toBe(0)
  })

  it('refuses a viewer edit with 4403 and neither relays nor stores it', async () => {
    const server = await start()
    const a = open(server, 'moderator-token')
    const b = open(server, 'moderator-token')
    const viewer = open(server, 'viewer-token')
    await Promise.all([synced(a), synced(b), synced(viewer)])
    const refused = serverClose(viewer)

    notes(viewer).set('bad', 'written on the projector')

    expect(await refused).toEqual({ code: CloseCode.Forbidden, reason: CloseReason.Forbidden })
    notes(a).set('n1', 'later')
    await docMatches(b, hasNote('n1'))
    expect(notes(b).has('bad')).toBe(false)
    expect(notesOf(server.store.load(ROOM))).toEqual({ n1: 'later' })
  })

  it('closes a socket sending garbage with 4422 while the others keep syncing', async () => {
    const server = await start()
    const a = open(server, 'moderator-token')
    const b = open(server, 'moderator-token')
    await Promise.all([synced(a), synced(b)])
    const bad = raw(server, 'moderator-token')
    await opened(bad)
    const closed = closedWith(bad)

    bad.send(Buffer.from([0xff, 0xfe, 0x00]))

    expect(await closed).toEqual({
      code: CloseCode.InvalidMessage,
      reason: CloseReason.InvalidMessage,
    })
    notes(a).set('n1', 'still syncing')
    await docMatches(b, hasNote('n1', 'still syncing'))
  })

  it('closes a socket sending a text frame with 4422', async () => {
    const server = await start()
    const bad = raw(server, 'moderator-token')
    await opened(bad)
    const closed = closedWith(bad)

    bad.send('{"type":"update"}')

    expect((await closed).code).toBe(CloseCode.InvalidMessage)
  })

  it('closes a socket whose frame exceeds the size limit with 4413', async () => {
    const server = await start({ maxMessageBytes: 4096 })
    const atLimit = raw(server, 'moderator-token')
    const overLimit = raw(server, 'moderator-token')
    await Promise.all([opened(atLimit), opened(overLimit)])

    const closes = Promise.all([closedWith(atLimit), closedWith(overLimit)])

    atLimit.send(Buffer.alloc(4096, 0xff))
    overLimit.send(Buffer.alloc(4097, 0xff))

    // A frame at the limit is read (and refused as garbage); one byte more is not read at all.
    const [atLimitClose, overLimitClose] = await closes
    expect(atLimitClose.code).toBe(CloseCode.InvalidMessage)
    expect(overLimitClose).toEqual({ code: CloseCode.TooLarge, reason: CloseReason.TooLarge })
  })

  it('refuses a page on another protocol version with 4400', async () => {
    const server = await start()
    const old = open(server, 'moderator-token', { protocol: '0' })
    expect(await serverClose(old)).toEqual({
      code: CloseCode.ProtocolMismatch,
      reason: CloseReason.ProtocolMismatch,
    })
  })

  it('refuses an unknown token with the code authorize chose', async () => {
    const server = await start()
    const stranger = open(server, 'guessed-token')
    expect(await serverClose(stranger)).toEqual({
      code: CloseCode.Unauthorized,
      reason: CloseReason.Unauthorized,
    })
    expect(server.logs.join('\n')).not.toContain('guessed-token')
  })

  it('refuses sockets beyond the per-board limit with 4429', async () => {
    const server = await start({ limits: { maxConnectionsPerRoom: 1 } })
    await synced(open(server, 'moderator-token'))
    const second = open(server, 'viewer-token')
    expect((await serverClose(second)).code).toBe(CloseCode.RateLimited)
  })

  it('refuses a flood of new sockets from one address with 4429, before looking at their tokens', async () => {
    const server = await start({
      limits: { connectionBurstPerAddress: 3, connectionsPerMinutePerAddress: 1 },
    })
    const flood = Array.from({ length: 8 }, () => raw(server, 'moderator-token'))
    // A refused socket is closed right after its handshake; one let in stays open.
    const outcomes = await Promise.all(
      flood.map(
        (socket) =>
          new Promise<number | 'open'>((resolve) => {
            socket.once('close', (code) => resolve(code))
            socket.once('open', () => setTimeout(() => resolve('open'), 300))
          }),
      ),
    )
    expect(outcomes.filter((outcome) => outcome === 'open')).toHaveLength(3)
    expect(outcomes.filter((outcome) => outcome === CloseCode.RateLimited)).toHaveLength(5)
    // Until the budget refills, the next one from that address is refused too.
    const board = open(server, 'moderator-token')
    expect((await serverClose(board)).code).toBe(CloseCode.RateLimited)
  })

  it('answers upgrades outside /sync/<event>/<table> with 404', async () => {
    const server = await start()
    const socket = rawSocket(server.url.replace('/sync', '/elsewhere'), 'x', 'moderator-token')
    sockets.push(socket)
    const status = await new Promise<number | undefined>((resolve) => {
      socket.once('unexpected-response', (_req, res) => resolve(res.statusCode))
      socket.once('error', () => resolve(undefined))
    })
    expect(status).toBe(404)
  })

  it('drops a socket that stops answering pings', async () => {
    const server = await start({ limits: { heartbeatMs: 100 } })
    const live = open(server, 'moderator-token')
    await synced(live)
    const dead = raw(server, 'viewer-token', { autoPong: false })
    const closed = closedWith(dead)
    await opened(dead)

    expect((await closed).code).toBe(1006)
    notes(live).set('n1', 'still here')
    await vi.waitFor(() => expect(notesOf(server.store.load(ROOM))).toEqual({ n1: 'still here' }))
  })

  it('keeps a board across a server restart', async () => {
    const first = await start()
    const a = open(first, 'moderator-token')
    const b = open(first, 'viewer-token')
    await Promise.all([synced(a), synced(b)])
    notes(a).set('n1', 'survives')
    await docMatches(b, hasNote('n1'))
    a.destroy()
    b.destroy()
    await first.close()
    servers.splice(servers.indexOf(first), 1)

    const second = await start({ dataDir: first.dataDir })
    const fresh = open(second, 'viewer-token')

    await docMatches(fresh, hasNote('n1', 'survives'))
  })

  it('compacts the log of a busy board without losing content', async () => {
    const server = await start({ limits: { compactAfterUpdates: 10 } })
    const a = open(server, 'moderator-token')
    const b = open(server, 'viewer-token')
    await Promise.all([synced(a), synced(b)])

    for (let i = 0; i < 25; i++) notes(a).set(`n${i}`, `note ${i}`)
    await docMatches(b, hasNote('n24'))

    await vi.waitFor(() => expect(server.store.updateCount(ROOM)).toBeLessThan(10))
    const late = open(server, 'viewer-token')
    await docMatches(late, (doc) => doc.getMap('notes').size === 25)
    expect(Object.keys(notesOf(server.store.load(ROOM)))).toHaveLength(25)
  })

  it('compacts every board when it shuts down', async () => {
    const server = await start()
    const a = open(server, 'moderator-token')
    await synced(a)
    for (let i = 0; i < 5; i++) notes(a).set(`n${i}`, `note ${i}`)
    await vi.waitFor(() => expect(server.store.updateCount(ROOM)).toBe(5))
    const shutdown = serverClose(a)

    await server.sync.close()

    expect((await shutdown).code).toBe(CloseCode.ShuttingDown)
    expect(server.store.updateCount(ROOM)).toBe(0)
    expect(Object.keys(notesOf(server.store.load(ROOM)))).toHaveLength(5)
  })
})
