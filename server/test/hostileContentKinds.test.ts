import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import {
  BOARD_DOC,
  BOARD_META,
  CONTENT_REJECTED_REASON,
  CloseCode,
  MessageType,
  RECORD_REJECTED_REASON,
  RESULTS_FORMATS,
  roomName,
  stationFrameId,
  winnendenTemplate,
  type CreateEventResponse,
  type Results,
} from '@tablecloth/shared'
import { createBoardSchema } from '../src/board/boardSchema'
import { boardUpdateProblem } from '../src/board/boardUpdateGate'
import { entryProblem } from '../src/board/recordCheck'
import {
  awarenessMatches,
  openBoard,
  rawSocket,
  synced,
  until,
  type BoardProvider,
} from './helpers/boardProvider'
import { ContentRef, craftUpdate, updateFrame } from './helpers/craftedUpdate'
import { noteRecord, recordsOf } from './helpers/eventBoards'
import { buildAttack, type HostileSpec, type NamedParent } from './helpers/hostileUpdates'
import { api, startTestServer, type TestServer } from './helpers/testServer'

/**
 * One named case per kind of Yjs content a moderator's socket may send (issue
 * 10), for the kinds hostileContent.test.ts does not name: the refusal, and
 * that the board goes on (honest notes sync, every export answers, the board
 * compacts and loads again with nothing to repair). The property test
 * (hostileContentFuzz.test.ts) mixes them; these say which one broke.
 *
 * A collected range (GC struct) at clocks the board does not hold is
 * refused, so it can no longer borrow a device's client id. Borrowing one
 * with a valid note at its next clock is a known hole left out of scope (a
 * moderator link may delete any note anyway): it, and the open hole of a
 * known struct naming a root of its own, run only with
 * HOSTILE_FUZZ_KNOWN_HOLES=1 (the last describe here, and in the property).
 */

/** Boards unload, compacted, as soon as their last socket leaves: each test sees its board stored and loaded. */
const ENV = { EVENTS_PER_HOUR: '0', ROOM_IDLE_MS: '0' }

/** Log lines that mean something went wrong inside the server, not just that it refused a client. */
const FAULTS =
  /frame-failed|apply-failed|repair-failed|storage-failed|compaction-failed|room-dropped|internal error|bad-entry|board repaired/

const schema = createBoardSchema()
let server: TestServer
const logs: string[] = []
const logWaiters: Array<() => void> = []
const open: BoardProvider[] = []

beforeAll(async () => {
  server = await startTestServer(ENV, undefined, (line) => {
    logs.push(line)
    logWaiters.splice(0).forEach((wake) => wake())
  })
})

afterEach(() => {
  open.splice(0).forEach((board) => board.destroy())
})

afterAll(async () => {
  await server.close()
})

describe('content a moderator socket sends that the gate refuses', () => {
  const refusals: Array<[string, HostileSpec]> = [
    [
      'a format mark (ContentFormat) in records',
      crafted({ kind: 'format', key: 'bold', json: { json: 'value', value: true } }),
    ],
    [
      'a nested Y.XmlHook (ContentType 5) in records',
      crafted({ kind: 'type', typeRef: 5, children: [] }),
    ],
    [
      'a nested Y.Array holding a board record, sent with its content in one update',
      crafted({
        kind: 'type',
        typeRef: 0,
        children: [{ kind: 'any', values: [{ value: 'entry' }] }],
      }),
    ],
    [
      'an entry holding binary',
      crafted({ kind: 'any', values: [{ value: 'not-json', what: 'binary' }] }),
    ],
    [
      'an entry holding a bigint',
      crafted({ kind: 'any', values: [{ value: 'not-json', what: 'bigint' }] }),
    ],
    [
      'an entry holding undefined',
      crafted({ kind: 'any', values: [{ value: 'not-json', what: 'undefined' }] }),
    ],
    [
      'an entry holding NaN',
      crafted({ kind: 'any', values: [{ value: 'not-json', what: 'nan' }] }),
    ],
    [
      'a valid note beside a deletion of the server’s meta',
      crafted({ kind: 'any', values: [{ value: 'entry' }] }, { of: 'meta', pick: 0, extend: 0 }),
    ],
    [
      'a deletion of items nobody has',
      { via: 'deletion', deletion: { of: 'unknown-client', clock: 0, len: 3 } },
    ],
    [
      'a note of 300,000 characters, beyond the record size limit',
      { via: 'doc', edit: { edit: 'huge-text', chars: 300_000 } },
    ],
    ['a nested Y.Array pushed into records by a real Y.Doc', nested('array')],
    ['a nested Y.Text pushed into records by a real Y.Doc', nested('text')],
    ['a nested Y.XmlFragment pushed into records by a real Y.Doc', nested('xml-fragment')],
    ['a nested Y.XmlElement pushed into records by a real Y.Doc', nested('xml-element')],
    ['a nested Y.XmlText pushed into records by a real Y.Doc', nested('xml-text')],
    [
      'a Y.Text with formatting and an embed in a root of its own',
      { via: 'doc', edit: { edit: 'formatted-text' } },
    ],
  ]

  for (const [name, spec] of refusals) {
    it(`refuses ${name}: 4422, nothing stored, exports 200, the board compacts and the server keeps running`, async () => {
      const table = await openTable()
      const [attack] = buildAttack(spec, table.view(), 1)
      const outcome = await send(table, attack!.update)
      expectRefused(outcome)
      await expectBoardGoesOn(table, attack!.names)
    })
  }

  it('refuses content sent as a sync step 2 just as it refuses a live update', async () => {
    const table = await openTable()
    const [attack] = buildAttack(nested('map'), table.view(), 1)
    expectRefused(await send(table, attack!.update, 'step2'))
    await expectBoardGoesOn(table, attack!.names)
  })

  it('takes a deleted range (ContentDeleted) in records: nothing shows, nothing breaks', async () => {
    const table = await openTable()
    const deleted = craftUpdate(0x7e00_0001, [
      { clock: 0, parent: BOARD_DOC.records, content: { ref: ContentRef.Deleted, length: 3 } },
    ])
    expect(await send(table, deleted)).toEqual({ kind: 'kept' })
    await expectBoardGoesOn(table, [])
  })

  it('refuses a collected range (GC struct) of a new client, which no board client sends', async () => {
    const table = await openTable()
    const collected = craftUpdate(0x7e00_0002, [
      { clock: 0, content: { ref: ContentRef.GC, length: 5 } },
    ])
    expectRefused(await send(table, collected))
    await expectBoardGoesOn(table, [])
  })
})

describe('items placed by what the board holds', () => {
  // The first three continue a client whose first clocks the board holds (or
  // would hold): Yjs integrates only the item's unknown tail, after the
  // client's own last clock, but keeps the parent the item names for
  // itself. Where the two disagree it corrupts the array or throws (so the
  // board is dropped and every device on it disconnected); after a
  // collected head it throws.
  const continuing = (prelude: 'entries' | 'collected', named: NamedParent): HostileSpec => ({
    via: 'crafted',
    content: { kind: 'any', values: [{ value: 'entry' }, { value: 'entry' }] },
    place: { at: 'continue-own', prelude, length: 2, back: 1, named },
    deletion: null,
  })

  it('refuses a collected head an item could continue, and the gate refuses the item should a board hold one', async () => {
    // The prelude is a GC struct of 2 clocks; the attack an item of two entries from clock 1.
    const table = await openTable()
    const attack = buildAttack(continuing('collected', 'records'), table.view(), 1)
    // No socket can give the board a collected head: the prelude is refused.
    expectRefused(await send(table, attack[0]!.update))
    // A board holding one anyway (no client can write it now): the gate
    // still refuses the item continuing it, which Yjs could not place.
    const board = new Y.Doc()
    Y.applyUpdate(board, Y.encodeStateAsUpdate(table.watcher.doc))
    Y.applyUpdate(board, attack[0]!.update)
    expect(boardUpdateProblem(schema, board, Y.decodeUpdate(attack[1]!.update))).toBe(
      'place=after-collected',
    )
    board.destroy()
    await expectBoardGoesOn(table, attack[1]!.names)
  })

  it('refuses an item continuing a client while naming a key of records', async () => {
    const table = await openTable()
    const attack = buildAttack(continuing('entries', 'records-key'), table.view(), 1)
    expect(await send(table, attack[0]!.update)).toEqual({ kind: 'kept' })
    expectRefused(await send(table, attack[1]!.update))
    await expectBoardGoesOn(table, [])
  })

  it('refuses an item continuing a client while naming a root of its own, which every device would get', async () => {
    const table = await openTable()
    const attack = buildAttack(continuing('entries', 'root'), table.view(), 1)
    expect(await send(table, attack[0]!.update)).toEqual({ kind: 'kept' })
    expectRefused(await send(table, attack[1]!.update))
    await expectBoardGoesOn(table, [])
  })

  it('refuses an entry whose right neighbour nobody has, which would wait for good', async () => {
    const table = await openTable()
    const [attack] = buildAttack(
      {
        via: 'crafted',
        content: { kind: 'any', values: [{ value: 'entry' }] },
        place: { at: 'right-unknown' },
        deletion: null,
      },
      table.view(),
      1,
    )
    expectRefused(await send(table, attack!.update))
    await expectBoardGoesOn(table, attack!.names)
  })
})

describe('client ids', () => {
  it('keeps the notes a device wrote offline when another socket tried to take its client id meanwhile', async () => {
    const table = await openTable()
    const { writer, watcher } = table
    writer.provider.disconnect()
    // A moderator socket sends one collected clock (a GC struct) under the
    // writer's client id, at its next clock. Taken, it would make the server
    // drop the note the writer then writes offline at that clock as known,
    // and every later note Yjs places after it (next to a collected item)
    // too, while the writer's screen shows them. The gate refuses it.
    const spoof = craftUpdate(writer.doc.clientID, [
      {
        clock: Y.getState(writer.doc.store, writer.doc.clientID),
        content: { ref: ContentRef.GC, length: 1 },
      },
    ])
    expectRefused(await send(table, spoof))

    const offline = noteRecord({
      id: 'shape:offline',
      parentId: table.frame,
      x: 240,
      y: 60,
      text: 'Offline geschrieben',
    })
    recordsOf(writer.doc).set('shape:offline', offline)
    writer.provider.connect()
    await synced(writer)
    // Presence travels after the writer's sync step 2 on the same socket: once
    // the watcher sees it, the server has handled the offline note.
    writer.provider.awareness.setLocalStateField('probe', 'after-sync')
    await awarenessMatches(watcher, (states) =>
      [...states.values()].some((state) => state.probe === 'after-sync'),
    )
    expect(recordsOf(watcher.doc).has('shape:offline')).toBe(true)
  })
})

/**
 * Holes the gate leaves open today (`KnownHole` in hostileUpdates.ts): each
 * case states what should hold and fails while the hole is open, so it runs
 * only with HOSTILE_FUZZ_KNOWN_HOLES=1, like the property's share of them.
 */
describe.runIf(process.env.HOSTILE_FUZZ_KNOWN_HOLES === '1')(
  'known holes (HOSTILE_FUZZ_KNOWN_HOLES=1)',
  () => {
    it('keeps the notes a device wrote offline when another socket wrote a note under its client id (out of scope)', async () => {
      const table = await openTable()
      const { writer, watcher } = table
      writer.provider.disconnect()
      const id = writer.doc.clientID
      const stranger = noteRecord({
        id: 'shape:spoof',
        parentId: table.frame,
        x: 20,
        y: 260,
        text: 'Fremd',
      })
      const spoof = craftUpdate(id, [
        {
          clock: Y.getState(writer.doc.store, id),
          parent: BOARD_DOC.records,
          content: { ref: ContentRef.Any, values: [{ key: 'shape:spoof', val: stranger }] },
        },
      ])
      // A valid note in records: the gate takes it, whoever's client id it carries.
      expect(await send(table, spoof)).toEqual({ kind: 'kept' })
      const offline = noteRecord({
        id: 'shape:offline',
        parentId: table.frame,
        x: 240,
        y: 60,
        text: 'Offline geschrieben',
      })
      recordsOf(writer.doc).set('shape:offline', offline)
      writer.provider.connect()
      await synced(writer)
      writer.provider.awareness.setLocalStateField('probe', 'after-sync')
      await awarenessMatches(watcher, (states) =>
        [...states.values()].some((state) => state.probe === 'after-sync'),
      )
      expect(recordsOf(watcher.doc).has('shape:offline')).toBe(true)
    })
  },
)

describe('a struct the board holds, sent again naming a root of its own', () => {
  it('adds no root to the board when an entry it holds is sent again naming a root of its own, beside a deletion', async () => {
    const table = await openTable()
    const client = 0x7e00_0003
    const entry = {
      key: 'shape:again',
      val: noteRecord({
        id: 'shape:again',
        parentId: table.frame,
        x: 240,
        y: 260,
        text: 'Nochmal',
      }),
    }
    const first = craftUpdate(client, [
      { clock: 0, parent: BOARD_DOC.records, content: { ref: ContentRef.Any, values: [entry] } },
    ])
    expect(await send(table, first)).toEqual({ kind: 'kept' })
    // The same struct, known to the board, now naming the root `elsewhere`;
    // the deletion of that entry makes the update change the board, so it is
    // applied and relayed, and Yjs looks up `elsewhere` while decoding it.
    const again = craftUpdate(
      client,
      [{ clock: 0, parent: 'elsewhere', content: { ref: ContentRef.Any, values: [entry] } }],
      [{ client, clock: 0, len: 1 }],
    )
    expectRefused(await send(table, again))
    await expectBoardGoesOn(table, [])
  })
})

// ---------------------------------------------------------------------------

interface Table {
  event: CreateEventResponse
  room: string
  token: string
  frame: string
  stationIds: string[]
  writer: BoardProvider
  watcher: BoardProvider
  view(): { doc: Y.Doc; stationIds: string[]; honestClients: number[] }
}

type CraftedSpec = Extract<HostileSpec, { via: 'crafted' }>

/** Crafted content appended after the last entry of records. */
function crafted(
  content: CraftedSpec['content'],
  deletion: CraftedSpec['deletion'] = null,
): HostileSpec {
  return { via: 'crafted', content, place: { at: 'after-last' }, deletion }
}

function nested(
  type: 'array' | 'map' | 'text' | 'xml-fragment' | 'xml-element' | 'xml-text',
): HostileSpec {
  return { via: 'doc', edit: { edit: 'nested', type, filled: true } }
}

/** A new event's first table, with an honest writer and a watcher synced, and one honest note on it. */
async function openTable(): Promise<Table> {
  const created = await api(server, 'POST', '/api/events', { body: winnendenTemplate() })
  expect(created.status).toBe(201)
  const event = created.body as CreateEventResponse
  const view = await api(server, 'GET', `/api/events/${event.id}`, { token: event.organiserToken })
  const stationIds = (view.body.config.stations as Array<{ id: string }>).map(
    (station) => station.id,
  )
  const tableRow = event.links.tables[0]!
  const room = roomName(event.id, tableRow.id)
  const writer = provider(room, tableRow.tokens.moderator)
  const watcher = provider(room, tableRow.tokens.moderator)
  await Promise.all([synced(writer), synced(watcher)])
  const frame = stationFrameId(stationIds[0]!, 0)
  const table: Table = {
    event,
    room,
    token: tableRow.tokens.moderator,
    frame,
    stationIds,
    writer,
    watcher,
    view: () => ({ doc: watcher.doc, stationIds, honestClients: [writer.doc.clientID] }),
  }
  await writeHonest(table, 'shape:before', 'Vorher')
  return table
}

function provider(room: string, token: string): BoardProvider {
  const board = openBoard(`${server.wsOrigin}/sync`, room, token)
  open.push(board)
  return board
}

async function writeHonest(table: Table, id: string, text: string): Promise<void> {
  recordsOf(table.writer.doc).set(id, noteRecord({ id, parentId: table.frame, x: 20, y: 60, text }))
  await until(table.watcher.doc, () => recordsOf(table.watcher.doc).has(id))
}

type Outcome = { kind: 'kept' } | { kind: 'closed'; code: number; reason: string }

/**
 * Sends one update from a fresh moderator socket, then a sync step 1: the
 * server handles a socket's frames in order, so its step 2 answer means the
 * update was taken (or ignored), and a refusal closes the socket first.
 */
async function send(
  table: Table,
  update: Uint8Array,
  frame: 'update' | 'step2' = 'update',
): Promise<Outcome> {
  const socket = rawSocket(`${server.wsOrigin}/sync`, table.room, table.token)
  const outcome = new Promise<Outcome>((resolve) => {
    socket.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data))
      if (decoding.readVarUint(decoder) !== MessageType.Sync) return
      if (decoding.readVarUint(decoder) === syncProtocol.messageYjsSyncStep2)
        resolve({ kind: 'kept' })
    })
    socket.once('close', (code, reason) =>
      resolve({ kind: 'closed', code, reason: reason.toString() }),
    )
  })
  await new Promise((resolve) => socket.once('open', resolve))
  socket.send(frame === 'update' ? updateFrame(update) : step2Frame(update))
  const probe = encoding.createEncoder()
  encoding.writeVarUint(probe, MessageType.Sync)
  syncProtocol.writeSyncStep1(probe, table.watcher.doc)
  socket.send(encoding.toUint8Array(probe))
  try {
    return await outcome
  } finally {
    if (socket.readyState !== WebSocket.CLOSED) socket.terminate()
  }
}

function step2Frame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Sync)
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

function expectRefused(outcome: Outcome): void {
  expect(outcome).toMatchObject({ kind: 'closed', code: CloseCode.InvalidMessage })
  expect([CONTENT_REJECTED_REASON, RECORD_REJECTED_REASON]).toContain(
    (outcome as { reason: string }).reason,
  )
}

/**
 * The board after an attack: a later honest note still reaches the watcher;
 * every client holds board content only (none of `refusedIds`); every export
 * answers with both honest notes; and once every socket has left, the board
 * is compacted and loads again with the notes and nothing to repair.
 */
async function expectBoardGoesOn(table: Table, refusedIds: readonly string[]): Promise<void> {
  await writeHonest(table, 'shape:after', 'Nachher')
  expectOnlyBoardContent(table.watcher.doc, refusedIds)
  expect((await fetch(`${server.origin}/healthz`)).status).toBe(200)
  for (const format of RESULTS_FORMATS) {
    const response = await fetch(
      `${server.origin}/api/events/${table.event.id}/results.${format}`,
      {
        headers: { authorization: `Bearer ${table.event.organiserToken}` },
      },
    )
    expect(response.status, format).toBe(200)
    if (format === 'json') {
      const texts = noteTexts((await response.json()) as Results)
      expect(texts).toEqual(expect.arrayContaining(['Vorher', 'Nachher']))
    }
  }

  const unloaded = nextLog(`sync room-unloaded room=${table.room}`)
  open.splice(0).forEach((board) => board.destroy())
  await unloaded
  const again = provider(table.room, table.token)
  await synced(again)
  expect(recordsOf(again.doc).has('shape:before')).toBe(true)
  expect(recordsOf(again.doc).has('shape:after')).toBe(true)
  expectOnlyBoardContent(again.doc, refusedIds)
  expect(logs.filter((line) => line.includes(table.room) && FAULTS.test(line))).toEqual([])
}

function expectOnlyBoardContent(doc: Y.Doc, refusedIds: readonly string[]): void {
  expect(
    [...doc.share.keys()].filter((name) => name !== BOARD_DOC.records && name !== BOARD_DOC.meta),
  ).toEqual([])
  const records = doc.getArray<unknown>(BOARD_DOC.records)
  expect(records._map.size).toBe(0)
  expect(records.length).toBe(records.toArray().length)
  expect(records.toArray().flatMap((entry) => entryProblem(schema, entry) ?? [])).toEqual([])
  expect([...doc.getMap(BOARD_DOC.meta).keys()].sort()).toEqual(Object.values(BOARD_META).sort())
  const keys = new Set(records.toArray().map((entry) => (entry as { key: string }).key))
  expect(refusedIds.filter((id) => keys.has(id))).toEqual([])
}

function noteTexts(results: Results): string[] {
  return results.tables.flatMap((table) =>
    table.stations.flatMap((station) =>
      [...station.columns.flatMap((column) => column.notes), ...station.unsorted].map(
        (note) => note.text,
      ),
    ),
  )
}

/** Resolves once the server logs a line starting with `prefix` (from now on). */
function nextLog(prefix: string): Promise<void> {
  const from = logs.length
  return new Promise((resolve) => {
    const check = () => {
      if (logs.slice(from).some((line) => line.startsWith(prefix))) resolve()
      else logWaiters.push(check)
    }
    check()
  })
}
