import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { TLRecord } from '@tldraw/tlschema'
import {
  BOARD_DOC,
  BOARD_META,
  CONTENT_REJECTED_REASON,
  CloseCode,
  RECORD_REJECTED_REASON,
  roomName,
  stationFrameId,
  winnendenTemplate,
  type CreateEventResponse,
  type Results,
} from '@tablecloth/shared'
import { createBoardSchema } from '../src/board/boardSchema'
import { openBoard, serverClose, synced, until, type BoardProvider } from './helpers/boardProvider'
import {
  ContentRef,
  craftUpdate,
  deepJsonText,
  lastRecordsItem,
  updateFrame,
  type CraftedContent,
} from './helpers/craftedUpdate'
import { noteRecord, recordsOf } from './helpers/eventBoards'
import { rawSocket, closedWith, opened } from './helpers/boardProvider'
import { api, startTestServer, type TestServer } from './helpers/testServer'

/**
 * Content a moderator's socket may send that decodes as Yjs but is no board
 * record (issue 10, findings 1–3). Live, the gate refuses it before it is
 * stored or relayed. Stored by an older server, it is repaired when the board
 * loads, so no reader (exports, overview, timer, station change, restore,
 * phone notes, every device's board) fails for it.
 */

let server: TestServer | null = null
const boards: BoardProvider[] = []

afterEach(async () => {
  boards.splice(0).forEach((board) => board.destroy())
  await server?.close()
  server = null
})

async function start(dataDir?: string): Promise<TestServer> {
  server = await startTestServer({}, dataDir)
  return server
}

async function createEvent(): Promise<CreateEventResponse> {
  const { status, body } = await api(server!, 'POST', '/api/events', { body: winnendenTemplate() })
  expect(status).toBe(201)
  return body as CreateEventResponse
}

async function openTable(event: CreateEventResponse, tableIndex = 0): Promise<BoardProvider> {
  const table = event.links.tables[tableIndex]!
  const board = openBoard(
    `${server!.wsOrigin}/sync`,
    roomName(event.id, table.id),
    table.tokens.moderator,
  )
  boards.push(board)
  await synced(board)
  return board
}

function firstColumn(_event: CreateEventResponse): string {
  return stationFrameId(winnendenTemplate().stations[0]!.id!, 0)
}

/** An honest note written through a synced board, resolved once the server echoed nothing wrong. */
function writeNote(board: BoardProvider, frame: string, id: string, text: string): void {
  recordsOf(board.doc).set(id, noteRecord({ id, parentId: frame, x: 40, y: 40, text }))
}

async function resultsJson(event: CreateEventResponse): Promise<Results> {
  const { status, body } = await api(server!, 'GET', `/api/events/${event.id}/results.json`, {
    token: event.organiserToken,
  })
  expect(status).toBe(200)
  return body as Results
}

function noteTexts(results: Results): string[] {
  return results.tables.flatMap((table) =>
    table.stations.flatMap((station) => [
      ...station.columns.flatMap((column) =>
        column.notes.flatMap((note) => ('notes' in note ? [] : [note.text])),
      ),
      ...station.unsorted.map((note) => note.text),
    ]),
  )
}

/** Sends one crafted update from a raw moderator socket and resolves with the close it gets. */
async function sendCrafted(event: CreateEventResponse, update: Uint8Array) {
  const table = event.links.tables[0]!
  const socket = rawSocket(
    `${server!.wsOrigin}/sync`,
    roomName(event.id, table.id),
    table.tokens.moderator,
  )
  await opened(socket)
  const closed = closedWith(socket)
  socket.send(updateFrame(update))
  return closed
}

describe('content the gate refuses from a moderator socket', () => {
  const craftedCases: Array<[string, (doc: Y.Doc) => Uint8Array]> = [
    [
      'an entry in ContentJSON nested 100,000 deep',
      (doc) => craftRecordsItem(doc, { ref: ContentRef.Json, texts: [deepJsonText(100_000)] }),
    ],
    [
      'a valid-looking note in ContentJSON',
      (doc) =>
        craftRecordsItem(doc, {
          ref: ContentRef.Json,
          texts: [JSON.stringify({ key: 'shape:json', val: { id: 'shape:json' } })],
        }),
    ],
    [
      'a string in records',
      (doc) => craftRecordsItem(doc, { ref: ContentRef.String, text: 'Hallo' }),
    ],
    [
      'binary in records',
      (doc) => craftRecordsItem(doc, { ref: ContentRef.Binary, bytes: new Uint8Array(8) }),
    ],
    [
      'a nested Y.Map in records',
      (doc) => craftRecordsItem(doc, { ref: ContentRef.Type, typeRef: 1 }),
    ],
    [
      'a subdocument in records',
      (doc) => craftRecordsItem(doc, { ref: ContentRef.Doc, guid: 'sub' }),
    ],
    [
      'an embed in records',
      (doc) => craftRecordsItem(doc, { ref: ContentRef.Embed, value: { x: 1 } }),
    ],
    [
      'null, text and a number as entries',
      (doc) => craftRecordsItem(doc, { ref: ContentRef.Any, values: [null, 'text', 42] }),
    ],
    [
      'an entry in a root of its own',
      () =>
        craftUpdate(7777, [
          { clock: 0, parent: 'evil', content: { ref: ContentRef.Any, values: [1] } },
        ]),
    ],
    [
      'a map-style entry on records',
      () =>
        craftUpdate(7777, [
          {
            clock: 0,
            parent: 'records',
            parentSub: 'x',
            content: { ref: ContentRef.Any, values: [1] },
          },
        ]),
    ],
    [
      'an entry after an item nobody has',
      () =>
        craftUpdate(7777, [
          {
            clock: 0,
            origin: { client: 424242, clock: 9 },
            content: { ref: ContentRef.Any, values: [1] },
          },
        ]),
    ],
  ]

  for (const [name, craft] of craftedCases) {
    it(`refuses ${name}: 4422, nothing stored or relayed, the board and its exports go on`, async () => {
      await start()
      const event = await createEvent()
      const watcher = await openTable(event)
      const writer = await openTable(event)
      const frame = firstColumn(event)
      writeNote(writer, frame, 'shape:before', 'Vorher')
      await until(watcher.doc, () => recordsOf(watcher.doc).has('shape:before'))

      const closed = await sendCrafted(event, craft(watcher.doc))
      expect(closed.code).toBe(CloseCode.InvalidMessage)
      expect([CONTENT_REJECTED_REASON, RECORD_REJECTED_REASON]).toContain(closed.reason)

      writeNote(writer, frame, 'shape:after', 'Nachher')
      await until(watcher.doc, () => recordsOf(watcher.doc).has('shape:after'))
      expect(
        watcher.doc
          .getArray(BOARD_DOC.records)
          .toArray()
          .every((entry) => isEntry(entry)),
      ).toBe(true)
      expect(noteTexts(await resultsJson(event)).sort()).toEqual(['Nachher', 'Vorher'])
    })
  }

  it('refuses a rewrite of the server-owned meta map, so no device calls the board incompatible', async () => {
    await start()
    const event = await createEvent()
    const watcher = await openTable(event)
    const writer = await openTable(event)
    const closed = serverClose(writer)
    writer.doc.getMap(BOARD_DOC.meta).set(BOARD_META.schema, 'garbage')
    expect(await closed).toEqual({
      code: CloseCode.InvalidMessage,
      reason: CONTENT_REJECTED_REASON,
    })
    writer.provider.disconnect()

    const next = await openTable(event)
    expect(next.doc.getMap(BOARD_DOC.meta).get(BOARD_META.schema)).toEqual(
      createBoardSchema().serialize(),
    )
    expect(watcher.doc.getMap(BOARD_DOC.meta).get(BOARD_META.schema)).not.toBe('garbage')
  })

  it('refuses deleting the day from meta', async () => {
    await start()
    const event = await createEvent()
    const writer = await openTable(event)
    const closed = serverClose(writer)
    writer.doc.getMap(BOARD_DOC.meta).delete(BOARD_META.day)
    expect((await closed).code).toBe(CloseCode.InvalidMessage)
    const next = await openTable(event)
    expect(next.doc.getMap(BOARD_DOC.meta).get(BOARD_META.day)).toMatchObject({ stationIndex: 0 })
  })

  it('refuses a note whose meta nests deeper than the record limit', async () => {
    await start()
    const event = await createEvent()
    const writer = await openTable(event)
    let deep: Record<string, unknown> = {}
    for (let i = 0; i < 64; i++) deep = { deeper: deep }
    const closed = serverClose(writer)
    const note = noteRecord({
      id: 'shape:deep',
      parentId: firstColumn(event),
      x: 0,
      y: 0,
      text: 'x',
    })
    recordsOf(writer.doc).set('shape:deep', { ...note, meta: deep } as TLRecord)
    expect(await closed).toEqual({ code: CloseCode.InvalidMessage, reason: RECORD_REJECTED_REASON })
  })
})

describe('a board stored with content the gate refuses today', () => {
  it('is repaired on load, and every reader of the event works with the honest notes', async () => {
    const first = await start()
    const event = await createEvent()
    const board = await openTable(event)
    const frame = firstColumn(event)
    writeNote(board, frame, 'shape:honest-1', 'Kinderbetreuungsangebote fehlen')
    writeNote(board, frame, 'shape:honest-2', 'Mehr „Sprachkurse“ 🗣️')
    const other = await openTable(event)
    await until(other.doc, () => recordsOf(other.doc).has('shape:honest-2'))

    // What an older server accepted: entries that are no records, a nested
    // type, a foreign root, garbage in meta, and JSON nested too deep to encode.
    const updates: Uint8Array[] = []
    const local = new Y.Doc()
    Y.applyUpdate(local, Y.encodeStateAsUpdate(other.doc))
    local.on('update', (update: Uint8Array) => updates.push(update))
    local.getArray(BOARD_DOC.records).push([null, 'text', 42, { key: 'shape:x', val: null }])
    local.getArray(BOARD_DOC.records).push([new Y.Map()])
    local.getArray('evil').push([{ hello: 'world' }])
    local.getMap(BOARD_DOC.meta).set(BOARD_META.schema, 'garbage')
    local
      .getMap(BOARD_DOC.meta)
      .set(BOARD_META.day, { stationIndex: 99, stationId: 'nope', timer: null })
    local.getMap(BOARD_DOC.meta).set('extra', 1)
    updates.push(craftRecordsItem(local, { ref: ContentRef.Json, texts: [deepJsonText(100_000)] }))
    boards.splice(0).forEach((open) => open.destroy())
    await first.close()
    server = null
    const room = roomName(event.id, event.links.tables[0]!.id)
    const db = new Database(path.join(first.dataDir, 'tablecloth.db'))
    const insert = db.prepare('INSERT INTO doc_updates (room, data) VALUES (?, ?)')
    for (const update of updates) insert.run(room, Buffer.from(update))
    db.close()

    const logs: string[] = []
    server = await startTestServer({}, first.dataDir, (line) => logs.push(line))
    const reopened = await openTable(event)
    const records = reopened.doc.getArray(BOARD_DOC.records).toArray()
    expect(records.every(isEntry)).toBe(true)
    expect(reopened.doc.getArray('evil').length).toBe(0)
    expect(reopened.doc.getMap(BOARD_DOC.meta).get(BOARD_META.schema)).toEqual(
      createBoardSchema().serialize(),
    )
    expect(reopened.doc.getMap(BOARD_DOC.meta).get(BOARD_META.day)).toMatchObject({
      stationIndex: 0,
    })
    expect([...reopened.doc.getMap(BOARD_DOC.meta).keys()].sort()).toEqual([
      'day',
      'protocol',
      'schema',
    ])
    expect(logs.some((line) => line.startsWith(`board repaired room=${room}`))).toBe(true)

    const token = event.organiserToken
    for (const format of ['json', 'csv', 'md', 'html', 'pdf', 'docx']) {
      const response = await fetch(`${server.origin}/api/events/${event.id}/results.${format}`, {
        headers: { authorization: `Bearer ${token}` },
      })
      expect(response.status, format).toBe(200)
    }
    expect(noteTexts(await resultsJson(event)).sort()).toEqual([
      'Kinderbetreuungsangebote fehlen',
      'Mehr „Sprachkurse“ 🗣️',
    ])
    expect((await api(server, 'GET', `/api/events/${event.id}/overview`, { token })).status).toBe(
      200,
    )
    expect(
      (
        await api(server, 'POST', `/api/events/${event.id}/timer`, {
          token,
          body: { action: 'start' },
        })
      ).status,
    ).toBe(200)
    const phone = await api(
      server,
      'POST',
      `/api/events/${event.id}/tables/${event.links.tables[0]!.id}/notes`,
      {
        token: event.links.tables[0]!.tokens.participant,
        body: { text: 'Vom Handy', column: 0 },
      },
    )
    expect(phone.status).toBe(201)
    const next = await api(server, 'POST', `/api/events/${event.id}/stations/next`, {
      token,
      body: { from: 0 },
    })
    expect(next.status).toBe(200)
    await until(
      reopened.doc,
      () =>
        (reopened.doc.getMap(BOARD_DOC.meta).get(BOARD_META.day) as { stationIndex: number })
          .stationIndex === 1,
    )
    const snapshot = next.body.snapshots.find(
      (entry: { tableId: string }) => entry.tableId === event.links.tables[0]!.id,
    )
    const restore = await api(
      server,
      'POST',
      `/api/events/${event.id}/snapshots/${snapshot.id}/restore`,
      { token },
    )
    expect(restore.status).toBe(200)

    // The repair is stored: after a restart the board loads clean, with nothing left to repair.
    boards.splice(0).forEach((open) => open.destroy())
    await server.close()
    logs.length = 0
    server = await startTestServer({}, first.dataDir, (line) => logs.push(line))
    const again = await openTable(event)
    expect(recordsOf(again.doc).has('shape:honest-1')).toBe(true)
    expect(logs.filter((line) => line.startsWith('board repaired'))).toEqual([])
  })
})

/** An item appended to the end of `records`, by a client of its own, with the given content. */
function craftRecordsItem(doc: Y.Doc, content: CraftedContent): Uint8Array {
  const origin = lastRecordsItem(doc)
  return craftUpdate(9999, [
    { clock: 0, ...(origin ? { origin } : { parent: 'records' }), content },
  ])
}

function isEntry(entry: unknown): boolean {
  return (
    typeof entry === 'object' &&
    entry !== null &&
    typeof (entry as { key?: unknown }).key === 'string' &&
    typeof (entry as { val?: unknown }).val === 'object' &&
    (entry as { val: { id?: unknown } }).val?.id === (entry as { key: string }).key
  )
}
