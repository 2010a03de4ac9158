import fs from 'node:fs'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type WebSocket from 'ws'
import { MessageType } from '@tablecloth/shared'
import {
  decodeFrame,
  isRemovedState,
  removedState,
  type AwarenessEntry,
} from '../src/sync/messageCodec'
import { PRESENCE_TICK_MS, PresenceBatch } from '../src/sync/PresenceBatch'
import {
  awarenessMatches,
  openBoard,
  opened,
  rawSocket,
  synced,
  type BoardProvider,
} from './helpers/boardProvider'
import { frame, MemoryClient, type MemoryClientOptions } from './helpers/memoryClient'
import { startSyncServer, type SyncTestServer } from './helpers/syncTestServer'
import { createTestRegistry, type TestRegistry } from './helpers/testRegistry'
import type { RoomSharing } from '../src/sync/RoomRegistry'

const ROOM = 'evt/t1'

/** Fakes only the clocks the batch runs on; microtasks and setImmediate stay real. */
function useFakeClock(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] })
}

const utf8Encoder = new TextEncoder()
const utf8Decoder = new TextDecoder()

/** The entries of an awareness frame; null for any other frame. */
function awarenessEntries(data: Uint8Array): AwarenessEntry[] | null {
  const decoded = decodeFrame(data)
  return decoded.type === 'awareness' ? decoded.entries : null
}

const isAwareness = (data: Uint8Array): boolean => data[0] === MessageType.Awareness

/** An awareness frame as [clientId, clock, state] triples, a removal's state as null. */
function readable(data: Uint8Array): Array<[number, number, unknown]> {
  return (awarenessEntries(data) ?? []).map(({ clientId, clock, state }) => [
    clientId,
    clock,
    isRemovedState(state) ? null : JSON.parse(utf8Decoder.decode(state)),
  ])
}

function entry(clientId: number, clock: number, state: object | null): AwarenessEntry {
  const bytes = state === null ? removedState() : utf8Encoder.encode(JSON.stringify(state))
  return { clientId, clock, state: bytes }
}

/** Everything the macrotask queue holds now has run, with every microtask it set off. */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

class FakePeer {
  readonly frames: Uint8Array[] = []
  send(data: Uint8Array): void {
    this.frames.push(data)
  }
}

describe('PresenceBatch', () => {
  beforeEach(() => {
    useFakeClock()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('sends news on a quiet board at once, then one frame per tick with each client’s latest', () => {
    const [ana, ben, watcher] = [new FakePeer(), new FakePeer(), new FakePeer()]
    const batch = new PresenceBatch(() => [ana, ben, watcher])

    batch.add(ana, [entry(1, 1, { x: 1 })])
    expect(watcher.frames.map(readable)).toEqual([[[1, 1, { x: 1 }]]])
    expect(ben.frames).toHaveLength(1)
    expect(ana.frames).toEqual([])

    for (let clock = 2; clock <= 10; clock++) {
      batch.add(ana, [entry(1, clock, { x: clock })])
      batch.add(ben, [entry(2, clock, { x: -clock })])
    }
    expect(watcher.frames).toHaveLength(1)

    vi.advanceTimersByTime(PRESENCE_TICK_MS)
    expect(watcher.frames.map(readable).at(-1)).toEqual([
      [1, 10, { x: 10 }],
      [2, 10, { x: -10 }],
    ])
    // Each sender gets the others' entries, never its own.
    expect(ana.frames.map(readable)).toEqual([[[2, 10, { x: -10 }]]])
    expect(ben.frames.map(readable).at(-1)).toEqual([[1, 10, { x: 10 }]])
  })

  it('lets its timer lapse after a tick without news, so the next news goes out at once', () => {
    const [ana, watcher] = [new FakePeer(), new FakePeer()]
    const batch = new PresenceBatch(() => [ana, watcher])

    batch.add(ana, [entry(1, 1, { x: 1 })])
    vi.advanceTimersByTime(PRESENCE_TICK_MS)
    expect(vi.getTimerCount()).toBe(0)

    batch.add(ana, [entry(1, 2, { x: 2 })])
    expect(watcher.frames.map(readable)).toEqual([[[1, 1, { x: 1 }]], [[1, 2, { x: 2 }]]])
  })

  it('encodes one frame for every receiver that sent nothing in the tick', () => {
    const [ana, ben, projector, phone] = [1, 2, 3, 4].map(() => new FakePeer())
    const batch = new PresenceBatch(() => [ana!, ben!, projector!, phone!])

    batch.add(ana!, [entry(1, 1, {})])
    batch.add(ana!, [entry(1, 2, {})])
    batch.add(ben!, [entry(2, 1, {})])
    vi.advanceTimersByTime(PRESENCE_TICK_MS)

    expect(projector!.frames).toHaveLength(2)
    expect(projector!.frames[0]).toBe(phone!.frames[0])
    expect(projector!.frames[1]).toBe(phone!.frames[1])
    // Ben sent nothing in the first tick and something in the second.
    expect(ben!.frames[0]).toBe(projector!.frames[0])
    expect(ben!.frames.map(readable)[1]).toEqual([[1, 2, {}]])
  })

  it('keeps a removal, ahead of the state the client announces after it', () => {
    const [ana, watcher] = [new FakePeer(), new FakePeer()]
    const batch = new PresenceBatch(() => [ana, watcher])
    batch.add(ana, [entry(1, 1, { x: 1 })])

    batch.add(ana, [entry(1, 2, { x: 2 })])
    batch.add(ana, [entry(1, 2, null)])
    batch.add(ana, [entry(1, 3, { x: 3 })])
    batch.add(ana, [entry(1, 4, { x: 4 })])
    vi.advanceTimersByTime(PRESENCE_TICK_MS)

    expect(watcher.frames.map(readable).at(-1)).toEqual([
      [1, 2, null],
      [1, 4, { x: 4 }],
    ])
  })

  it('lets a removal outdate whatever the client said before it in the tick', () => {
    const [ana, watcher] = [new FakePeer(), new FakePeer()]
    const batch = new PresenceBatch(() => [ana, watcher])
    batch.add(ana, [entry(1, 1, { x: 1 })])

    batch.add(ana, [entry(1, 2, { x: 2 })])
    batch.add(ana, [entry(1, 2, null)])
    batch.add(ana, [entry(1, 3, { x: 3 })])
    batch.add(ana, [entry(1, 3, null)])
    vi.advanceTimersByTime(PRESENCE_TICK_MS)

    expect(watcher.frames.map(readable).at(-1)).toEqual([[1, 3, null]])
  })

  it('stops: drops what is queued and leaves no timer running', () => {
    const [ana, watcher] = [new FakePeer(), new FakePeer()]
    const batch = new PresenceBatch(() => [ana, watcher])
    batch.add(ana, [entry(1, 1, {})])
    batch.add(ana, [entry(1, 2, {})])

    batch.stop()

    expect(vi.getTimerCount()).toBe(0)
    vi.advanceTimersByTime(10 * PRESENCE_TICK_MS)
    expect(watcher.frames).toHaveLength(1)
  })

  it('does not keep the process alive with its timer', () => {
    vi.useRealTimers()
    const setTimer = vi.spyOn(globalThis, 'setTimeout')
    const batch = new PresenceBatch(() => [new FakePeer()])
    try {
      batch.add(new FakePeer(), [entry(1, 1, {})])
      const timer = setTimer.mock.results.at(-1)?.value as NodeJS.Timeout
      expect(timer.hasRef()).toBe(false)
    } finally {
      batch.stop()
      setTimer.mockRestore()
    }
  })
})

describe('a board’s presence, batched per tick', () => {
  let board: TestRegistry
  const clients: MemoryClient[] = []

  function connect(options: MemoryClientOptions = {}): MemoryClient {
    const client = MemoryClient.connect(board.registry, options)
    clients.push(client)
    return client
  }

  /** A moderator's board, present under a name (a fresh awareness's clock 0 is not news). */
  function moderator(name: string): MemoryClient {
    const client = connect()
    client.awareness.setLocalStateField('user', { name })
    return client
  }

  /** Runs the fake clock a step at a time until `done` holds; a second of board time at most. */
  async function until(done: () => boolean): Promise<void> {
    for (let step = 0; step < 100 && !done(); step++) await vi.advanceTimersByTimeAsync(10)
    expect(done()).toBe(true)
  }

  const cursorOf = (client: MemoryClient, of: MemoryClient) =>
    (client.awareness.getStates().get(of.doc.clientID) as { cursor?: { x: number } } | undefined)
      ?.cursor

  beforeEach(() => {
    useFakeClock()
    board = createTestRegistry()
  })

  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy()
    board.close()
    vi.useRealTimers()
  })

  it('sends each receiver at most one presence frame per tick while four cursors move at 100 Hz', async () => {
    const movers = ['Ana', 'Ben', 'Cem', 'Dora'].map(moderator)
    const projector = connect({ role: 'viewer' })
    await until(() =>
      movers.every((mover) => projector.awareness.getStates().has(mover.doc.clientID)),
    )
    const before = [...movers, projector].map((client) => client.received.length)

    const STEPS = 50
    const STEP_MS = 10
    for (let step = 1; step <= STEPS; step++) {
      for (const [index, mover] of movers.entries()) {
        mover.awareness.setLocalStateField('cursor', { x: step, y: index })
      }
      await vi.advanceTimersByTimeAsync(STEP_MS)
    }
    await vi.advanceTimersByTimeAsync(PRESENCE_TICK_MS)

    // 200 cursor moves over 550 ms of board time: one frame per tick, and the first at once.
    const ticks = (STEPS * STEP_MS + PRESENCE_TICK_MS) / PRESENCE_TICK_MS
    const framesOf = (client: MemoryClient, index: number) =>
      client.received.slice(before[index]).filter(isAwareness)
    for (const [index, client] of [...movers, projector].entries()) {
      expect(framesOf(client, index).length).toBeLessThanOrEqual(ticks + 1)
    }
    for (const mover of movers) {
      expect(cursorOf(projector, mover)).toEqual({ x: STEPS, y: movers.indexOf(mover) })
      for (const other of movers) {
        if (other !== mover) expect(cursorOf(other, mover)?.x).toBe(STEPS)
      }
    }
    for (const [index, mover] of movers.entries()) {
      const echoed = framesOf(mover, index)
        .flatMap((data) => awarenessEntries(data) ?? [])
        .filter((sent) => sent.clientId === mover.doc.clientID)
      expect(echoed).toEqual([])
    }
  })

  it('tells the others a socket left, also when its last move is still waiting for the tick', async () => {
    const ana = moderator('Ana')
    const projector = connect({ role: 'viewer' })
    await until(() => projector.awareness.getStates().has(ana.doc.clientID))
    await vi.advanceTimersByTimeAsync(2 * PRESENCE_TICK_MS)

    ana.awareness.setLocalStateField('cursor', { x: 1 })
    await turn()
    ana.awareness.setLocalStateField('cursor', { x: 2 })
    await turn()
    ana.disconnect()

    await until(() => !projector.awareness.getStates().has(ana.doc.clientID))
  })

  it('shows a client that left and came back within a tick leaving, then back', async () => {
    const ana = moderator('Ana')
    const projector = connect({ role: 'viewer' })
    await until(() => projector.awareness.getStates().has(ana.doc.clientID))
    const removed: number[] = []
    projector.awareness.on('change', (change: { removed: number[] }) => {
      removed.push(...change.removed)
    })

    ana.awareness.setLocalStateField('cursor', { x: 1 })
    await turn()
    ana.awareness.setLocalState(null)
    ana.awareness.setLocalState({ cursor: { x: 2 } })

    await until(() => cursorOf(projector, ana)?.x === 2)
    expect(removed).toEqual([ana.doc.clientID])
  })

  it('answers a socket that joins, and an awareness query, at once rather than at the tick', async () => {
    const ana = moderator('Ana')
    const ben = moderator('Ben')
    await until(() => ben.awareness.getStates().has(ana.doc.clientID))
    ana.awareness.setLocalStateField('cursor', { x: 1 })
    await turn()
    // A tick is running: this move waits for it, but it is already what the board knows.
    ana.awareness.setLocalStateField('cursor', { x: 2 })
    await turn()

    const late = connect({ role: 'viewer' })
    await turn()
    expect(cursorOf(late, ana)).toEqual({ x: 2 })

    const before = ben.received.length
    ben.send(frame(MessageType.QueryAwareness, () => {}))
    await turn()
    const answer = ben.received.slice(before).filter(isAwareness)
    expect(answer).toHaveLength(1)
    const anaInAnswer = readable(answer[0]!).find(([clientId]) => clientId === ana.doc.clientID)
    expect(anaInAnswer?.[2]).toMatchObject({ cursor: { x: 2 } })
  })

  it('leaves no presence timer behind when the last socket leaves', async () => {
    const ana = moderator('Ana')
    const ben = moderator('Ben')
    await until(() => ben.awareness.getStates().has(ana.doc.clientID))
    ana.awareness.setLocalStateField('cursor', { x: 1 })
    await turn()
    ana.awareness.setLocalStateField('cursor', { x: 2 })
    await turn()

    for (const client of clients.splice(0)) client.destroy()

    // What is left is the board's own unload, a minute away.
    expect(vi.getTimerCount()).toBe(1)
    expect(board.registry.roomStats(ROOM).connections).toBe(0)
  })
})

describe('presence across two processes', () => {
  const clients: MemoryClient[] = []
  const registries: TestRegistry[] = []

  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy()
    for (const registry of registries.splice(0)) registry.close()
    vi.useRealTimers()
  })

  it('reaches the other process’s sockets in the same one frame per tick, never back to its sender', async () => {
    useFakeClock()
    // Two processes' registries, each relaying presence to the other as Redis would.
    const sent: Array<{ to: 0 | 1; frame: Uint8Array }> = []
    const share = (self: 0 | 1): RoomSharing => ({
      opened: () => {},
      closed: () => {},
      logged: () => {},
      presence: (room, frame) => {
        sent.push({ to: self === 0 ? 1 : 0, frame })
        registries[self === 0 ? 1 : 0]!.registry.receivePeerPresence(room, frame)
      },
      available: true,
    })
    registries.push(
      createTestRegistry({ share: share(0) }),
      createTestRegistry({ share: share(1) }),
    )
    const on = (index: 0 | 1, role?: MemoryClientOptions['role']) => {
      const client = MemoryClient.connect(registries[index]!.registry, role ? { role } : {})
      clients.push(client)
      return client
    }
    const movers = ['Ana', 'Ben'].map((name) => {
      const client = on(0)
      client.awareness.setLocalStateField('user', { name })
      return client
    })
    const here = on(1)
    here.awareness.setLocalStateField('user', { name: 'Cem' })
    const projector = on(1, 'viewer')
    for (
      let step = 0;
      step < 100 && !movers.every((m) => projector.awareness.getStates().has(m.doc.clientID));
      step++
    ) {
      await vi.advanceTimersByTimeAsync(10)
    }
    const before = projector.received.length

    const STEPS = 40
    for (let step = 1; step <= STEPS; step++) {
      for (const [index, mover] of movers.entries()) {
        mover.awareness.setLocalStateField('cursor', { x: step, y: index })
      }
      here.awareness.setLocalStateField('cursor', { x: step, y: 9 })
      await vi.advanceTimersByTimeAsync(10)
    }
    await vi.advanceTimersByTimeAsync(PRESENCE_TICK_MS * 2)

    // Cursors from both processes, one frame per tick on the projector.
    const ticks = (STEPS * 10 + PRESENCE_TICK_MS * 2) / PRESENCE_TICK_MS
    expect(projector.received.slice(before).filter(isAwareness).length).toBeLessThanOrEqual(
      ticks + 1,
    )
    for (const mover of movers) {
      expect(
        (projector.awareness.getStates().get(mover.doc.clientID) as { cursor?: { x: number } })
          ?.cursor?.x,
      ).toBe(STEPS)
    }
    // What a process sends the other holds only its own sockets' entries.
    const ownersOf = (to: 0 | 1) =>
      new Set(
        sent
          .filter((message) => message.to === to)
          .flatMap((message) => awarenessEntries(message.frame) ?? [])
          .map((entry) => entry.clientId),
      )
    expect(ownersOf(0).has(movers[0]!.doc.clientID)).toBe(false)
    expect(ownersOf(1).has(here.doc.clientID)).toBe(false)
  })
})

describe('batched presence with the stock y-websocket provider', () => {
  const servers: SyncTestServer[] = []
  const boards: BoardProvider[] = []
  const sockets: WebSocket[] = []

  afterEach(async () => {
    for (const board of boards.splice(0)) board.destroy()
    for (const socket of sockets.splice(0)) socket.terminate()
    for (const server of servers.splice(0)) {
      await server.close()
      fs.rmSync(server.dataDir, { recursive: true, force: true })
    }
  })

  function open(server: SyncTestServer, token: string): BoardProvider {
    const board = openBoard(server.url, ROOM, token)
    boards.push(board)
    return board
  }

  /** Every awareness entry the provider's socket receives from now on. */
  function entriesReceivedBy(board: BoardProvider): AwarenessEntry[] {
    const received: AwarenessEntry[] = []
    const socket = board.provider.ws as unknown as WebSocket
    socket.addEventListener('message', (event) => {
      const data = event.data
      if (data instanceof ArrayBuffer)
        received.push(...(awarenessEntries(new Uint8Array(data)) ?? []))
    })
    return received
  }

  const cursorIn = (states: Map<number, Record<string, unknown>>, clientId: number) =>
    (states.get(clientId)?.cursor as { x?: number } | undefined)?.x

  it('shows the others’ latest cursors and their leaving, at most one presence frame per tick', async () => {
    const server = await startSyncServer()
    servers.push(server)
    const ana = open(server, 'moderator-token')
    const ben = open(server, 'organiser-token')
    const cora = open(server, 'moderator-token')
    await Promise.all([synced(ana), synced(ben), synced(cora)])
    const toAna = entriesReceivedBy(ana)
    const toBen = entriesReceivedBy(ben)

    // A projector's socket counts the frames; nothing can reach it before it opens.
    const startedAt = performance.now()
    const projector = rawSocket(server.url, ROOM, 'viewer-token')
    sockets.push(projector)
    const frames: AwarenessEntry[][] = []
    projector.on('message', (data: Buffer) => {
      const entries = awarenessEntries(new Uint8Array(data))
      if (entries !== null) frames.push(entries)
    })
    await opened(projector)

    const ROUNDS = 10
    const MOVES = 10
    for (let round = 0; round < ROUNDS; round++) {
      for (let move = 1; move <= MOVES; move++) {
        const x = round * MOVES + move
        ana.provider.awareness.setLocalStateField('cursor', { x })
        ben.provider.awareness.setLocalStateField('cursor', { x })
      }
      await turn()
    }
    const last = ROUNDS * MOVES
    const anaId = ana.doc.clientID
    const benId = ben.doc.clientID
    await awarenessMatches(
      cora,
      (states) => cursorIn(states, anaId) === last && cursorIn(states, benId) === last,
    )
    await awarenessMatches(ana, (states) => cursorIn(states, benId) === last)
    await awarenessMatches(ben, (states) => cursorIn(states, anaId) === last)
    const latest = (clientId: number) =>
      frames
        .flat()
        .filter((sent) => sent.clientId === clientId)
        .at(-1)
    await vi.waitFor(
      () => {
        for (const clientId of [anaId, benId]) {
          expect(JSON.parse(utf8Decoder.decode(latest(clientId)?.state))).toMatchObject({
            cursor: { x: last },
          })
        }
      },
      { timeout: 30_000, interval: 20 },
    )

    // Sends to one socket lie at least a tick apart, all after it opened; one more for
    // the reply to its joining. However long a busy machine made this take, no more.
    const ticks = Math.ceil((performance.now() - startedAt) / PRESENCE_TICK_MS)
    expect(frames.length).toBeLessThanOrEqual(ticks + 2)
    expect(toAna.filter((sent) => sent.clientId === anaId)).toEqual([])
    expect(toBen.filter((sent) => sent.clientId === benId)).toEqual([])

    // Ana's laptop drops off the Wi-Fi without a goodbye.
    ana.provider.shouldConnect = false
    ;(ana.provider.ws as unknown as WebSocket).terminate()

    await awarenessMatches(cora, (states) => !states.has(anaId))
    await awarenessMatches(ben, (states) => !states.has(anaId))
    await vi.waitFor(() => expect(isRemovedState(latest(anaId)!.state)).toBe(true), {
      timeout: 30_000,
      interval: 20,
    })
  })
})
