import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import * as syncProtocol from 'y-protocols/sync'
import type { TLRecord } from '@tldraw/tlschema'
import { YKeyValue } from 'y-utility/y-keyvalue'
import {
  BOARD_DOC,
  MessageType,
  roomName,
  stationFrameId,
  winnendenTemplate,
  type CreateEventResponse,
} from '@tablecloth/shared'
import { openBoard, rawSocket, synced, until, type BoardProvider } from './helpers/boardProvider'
import { noteRecord } from './helpers/eventBoards'
import { frame } from './helpers/memoryClient'
import { api, startTestServer, type TestServer } from './helpers/testServer'

/**
 * Random and mutated frames from a moderator's socket, which may write, at
 * a running server: it stays up, honest clients keep syncing, and every
 * board it stored still loads on a fresh start.
 */

const MAX_FRAME = 64 * 1024

let server: TestServer
const boards: Array<{ event: CreateEventResponse; frame: string; notes: string[] }> = []
const open: BoardProvider[] = []

beforeAll(async () => {
  server = await startTestServer({ MAX_MESSAGE_BYTES: String(MAX_FRAME), EVENTS_PER_HOUR: '0' })
})

afterAll(async () => {
  open.forEach((board) => board.destroy())
  await server.close()
})

/** A real board update frame: one tldraw note, as a board page sends it. */
function noteFrame(parentId: string): Uint8Array {
  const doc = new Y.Doc()
  new YKeyValue<TLRecord>(doc.getArray(BOARD_DOC.records)).set(
    'shape:sample',
    noteRecord({ id: 'shape:sample', parentId, x: 40, y: 40, text: 'Mehr Bänke „bitte“ 🪑' }),
  )
  return frame(MessageType.Sync, (e) => syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(doc)))
}

const attack = fc.oneof(
  fc.record({
    kind: fc.constant('garbage' as const),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 200 }),
  }),
  fc.record({
    kind: fc.constant('mutated' as const),
    flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), {
      minLength: 1,
      maxLength: 4,
    }),
  }),
  fc.record({ kind: fc.constant('truncated' as const), keep: fc.nat() }),
  fc.record({
    kind: fc.constant('typed' as const),
    type: fc.constantFrom(0, 1, 2, 3, 4, 200),
    body: fc.uint8Array({ maxLength: 100 }),
  }),
  fc.record({ kind: fc.constant('oversized' as const) }),
)
type Attack = typeof attack extends fc.Arbitrary<infer T> ? T : never

function bytesOf(step: Attack, sample: Uint8Array): Uint8Array {
  switch (step.kind) {
    case 'garbage':
      return step.bytes
    case 'mutated': {
      const copy = sample.slice()
      for (const [at, value] of step.flips) copy[at % copy.length] = value
      return copy
    }
    case 'truncated':
      return sample.subarray(0, step.keep % sample.length)
    case 'typed':
      return Uint8Array.of(step.type, ...step.body)
    case 'oversized':
      return new Uint8Array(MAX_FRAME + 1024).fill(7)
  }
}

async function newBoard(): Promise<(typeof boards)[number]> {
  const created = await api(server, 'POST', '/api/events', { body: winnendenTemplate() })
  const event = created.body as CreateEventResponse
  const view = await api(server, 'GET', `/api/events/${event.id}`, { token: event.organiserToken })
  const board = {
    event,
    frame: stationFrameId(view.body.config.stations[0].id as string, 0),
    notes: [],
  }
  boards.push(board)
  return board
}

function provider(board: (typeof boards)[number]): BoardProvider {
  const table = board.event.links.tables[0]!
  const opened = openBoard(
    `${server.wsOrigin}/sync`,
    roomName(board.event.id, table.id),
    table.tokens.moderator,
  )
  open.push(opened)
  return opened
}

it('survives random and mutated frames from a socket that may write', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(attack, { minLength: 1, maxLength: 12 }), async (steps) => {
      const board = await newBoard()
      const writer = provider(board)
      const watcher = provider(board)
      await Promise.all([synced(writer), synced(watcher)])
      const sample = noteFrame(board.frame)
      const table = board.event.links.tables[0]!
      const room = roomName(board.event.id, table.id)
      let attacker: WebSocket | null = null

      for (const [index, step] of steps.entries()) {
        if (attacker === null || attacker.readyState !== WebSocket.OPEN) {
          attacker?.terminate()
          attacker = rawSocket(`${server.wsOrigin}/sync`, room, table.tokens.moderator)
          await new Promise((resolve) => {
            attacker!.once('open', resolve)
            attacker!.once('close', resolve)
          })
        }
        if (attacker.readyState === WebSocket.OPEN) attacker.send(bytesOf(step, sample))
        // An honest note between attacks, which the watcher must receive.
        const id = `shape:honest-${index}`
        new YKeyValue<TLRecord>(writer.doc.getArray(BOARD_DOC.records)).set(
          id,
          noteRecord({
            id,
            parentId: board.frame,
            x: 40 + 224 * (index % 3),
            y: 40,
            text: `Ehrlich ${index}`,
          }),
        )
        board.notes.push(id)
      }
      attacker?.terminate()
      const watched = () => new YKeyValue<TLRecord>(watcher.doc.getArray(BOARD_DOC.records))
      await until(watcher.doc, () => board.notes.every((id) => watched().has(id)))
      expect((await fetch(`${server.origin}/healthz`)).status).toBe(200)
    }),
    { numRuns: 25 },
  )

  // Every board stored during the run loads on a fresh start, with the honest notes.
  open.forEach((board) => board.destroy())
  open.length = 0
  await server.close()
  server = await startTestServer({}, server.dataDir)
  for (const board of boards) {
    const reader = provider(board)
    await synced(reader)
    const stored = new YKeyValue<TLRecord>(reader.doc.getArray(BOARD_DOC.records))
    for (const id of board.notes) expect(stored.has(id), id).toBe(true)
  }
}, 120_000)
