import { afterEach, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import type { TLNoteShape, TLRecord } from '@tldraw/tlschema'
import {
  NOTE_SIZE,
  readBoardContents,
  rectsOverlap,
  roomName,
  STATION_GAP,
  stationFrameId,
  winnendenTemplate,
  type CreateEventResponse,
} from '@tablecloth/shared'
import { NOTE_CORPUS } from '@tablecloth/shared/testing'
import { noteSizer } from '../src/board/NoteSizer'
import { docMatches, openBoard, synced, type BoardProvider } from './helpers/boardProvider'
import { noteRecord, recordsOf } from './helpers/eventBoards'
import { api, startTestServer, type TestServer } from './helpers/testServer'

/** A long note an earlier server wrote square and at full size, so its text ran over its neighbours. */
const LONG = NOTE_CORPUS[7]!

let servers: TestServer[] = []
const boards: BoardProvider[] = []
afterEach(async () => {
  boards.splice(0).forEach((board) => board.destroy())
  for (const server of servers.splice(0)) await server.close()
})

async function start(dataDir?: string, logs?: string[]): Promise<TestServer> {
  const server = await startTestServer({}, dataDir, (line) => logs?.push(line))
  servers.push(server)
  return server
}

async function stop(server: TestServer): Promise<void> {
  boards.splice(0).forEach((board) => board.destroy())
  servers = servers.filter((running) => running !== server)
  await server.close()
}

async function open(server: TestServer, event: CreateEventResponse): Promise<BoardProvider> {
  const table = event.links.tables[0]!
  const board = openBoard(
    `${server.wsOrigin}/sync`,
    roomName(event.id, table.id),
    table.tokens.moderator,
  )
  boards.push(board)
  await synced(board)
  return board
}

function records(doc: Y.Doc): TLRecord[] {
  return [...recordsOf(doc).map.values()].map((entry) => entry.val)
}

function note(doc: Y.Doc, id: string): TLNoteShape {
  return records(doc).find((record) => record.id === id) as TLNoteShape
}

function frameOf(doc: Y.Doc): string {
  const frame = records(doc).find(
    (record) => (record.meta as { stationIndex?: unknown }).stationIndex === 0,
  )
  return stationFrameId(String((frame?.meta as { stationId?: unknown } | undefined)?.stationId), 0)
}

/** Writes phone notes as an earlier server stored them: square, full size, in the fixed grid. */
async function writeOldNotes(server: TestServer, event: CreateEventResponse): Promise<void> {
  const board = await open(server, event)
  const frameId = frameOf(board.doc)
  const old = [
    noteRecord({
      id: 'shape:old-1',
      parentId: frameId,
      x: 40,
      y: 40,
      text: LONG,
      meta: { via: 'phone' },
    }),
    noteRecord({
      id: 'shape:old-2',
      parentId: frameId,
      x: 40,
      y: 264,
      text: 'Kita fehlt',
      meta: { via: 'phone' },
    }),
  ]
  board.doc.transact(() => old.forEach((record) => recordsOf(board.doc).set(record.id, record)))
  // The server relays an update only once it stored it.
  const witness = await open(server, event)
  await docMatches(witness, (doc) => note(doc, 'shape:old-2') !== undefined)
}

function expectTidy(doc: Y.Doc): void {
  const rects = readBoardContents(records(doc)).notes.map((n) => n.bounds)
  for (const [i, rect] of rects.entries()) {
    for (const other of rects.slice(i + 1)) expect(rectsOverlap(rect, other)).toBe(false)
  }
}

async function createEvent(server: TestServer): Promise<CreateEventResponse> {
  const created = await api(server, 'POST', '/api/events', { body: winnendenTemplate() })
  expect(created.status).toBe(201)
  return created.body as CreateEventResponse
}

describe('phone notes an earlier version stored unsized', () => {
  it('are sized and their column laid out again when the server loads the board, logged by count', async () => {
    const first = await start()
    const event = await createEvent(first)
    await writeOldNotes(first, event)
    await stop(first)

    const logs: string[] = []
    const again = await start(first.dataDir, logs)
    const board = await open(again, event)
    const mended = note(board.doc, 'shape:old-1')
    expect(mended.props).toMatchObject(noteSizer().fit(LONG, 'de'))
    expect(mended.props.growY).toBeGreaterThan(24)
    // The note it grew over moved out of its way, into the row beside it as the tidy grid has it.
    expect(note(board.doc, 'shape:old-2')).toMatchObject({ x: 40 + NOTE_SIZE + 24, y: 40 })
    expectTidy(board.doc)
    const room = roomName(event.id, event.links.tables[0]!.id)
    expect(logs.filter((line) => line.startsWith('board notes-mended'))).toEqual([
      `board notes-mended room=${room} resized=1 tidied-columns=1`,
    ])

    // Mended once: the next load finds nothing to mend.
    await stop(again)
    logs.length = 0
    const third = await start(first.dataDir, logs)
    await open(third, event)
    expect(logs.filter((line) => line.startsWith('board notes-mended'))).toEqual([])
  })

  it('move the next station down when their column grows for them on loading', async () => {
    const first = await start()
    const event = await createEvent(first)
    const token = event.organiserToken
    expect(
      (
        await api(first, 'POST', `/api/events/${event.id}/stations/next`, {
          token,
          body: { from: 0 },
        })
      ).status,
    ).toBe(200)
    const board = await open(first, event)
    const frameId = frameOf(board.doc)
    // Eighteen long notes an earlier server wrote square into the fixed grid: six rows.
    board.doc.transact(() => {
      for (let i = 0; i < 18; i++) {
        const record = noteRecord({
          id: `shape:old-${i}`,
          parentId: frameId,
          x: 40 + (i % 3) * 224,
          y: 40 + Math.floor(i / 3) * 224,
          text: LONG,
          meta: { via: 'phone' },
        })
        recordsOf(board.doc).set(record.id, record)
      }
    })
    const witness = await open(first, event)
    await docMatches(witness, (doc) => note(doc, 'shape:old-17') !== undefined)
    await stop(first)

    const again = await start(first.dataDir)
    const reopened = await open(again, event)
    const contents = readBoardContents(records(reopened.doc))
    const grown = contents.columns.find(
      (column) => column.stationId === contents.columns[0]!.stationId && column.columnIndex === 0,
    )!
    const next = contents.columns.find((column) => column.bounds.y > grown.bounds.y)!
    expect(grown.bounds.h).toBeGreaterThan(6 * (NOTE_SIZE + 24))
    expect(next.bounds.y).toBeGreaterThanOrEqual(grown.bounds.y + grown.bounds.h + STATION_GAP)
    expectTidy(reopened.doc)
  })

  it('are sized when a snapshot holding them is restored', async () => {
    const server = await start()
    const event = await createEvent(server)
    await writeOldNotes(server, event)
    const token = event.organiserToken
    const saved = await api(server, 'POST', `/api/events/${event.id}/snapshots`, { token })
    expect(saved.status).toBe(201)
    const snapshot = saved.body.snapshots.find(
      (entry: { tableId: string }) => entry.tableId === event.links.tables[0]!.id,
    )

    const board = await open(server, event)
    const restored = await api(
      server,
      'POST',
      `/api/events/${event.id}/snapshots/${snapshot.id}/restore`,
      { token },
    )
    expect(restored.status).toBe(200)
    await docMatches(board, (doc) => note(doc, 'shape:old-1')?.props.growY > 0)
    expect(note(board.doc, 'shape:old-1').props).toMatchObject(noteSizer().fit(LONG, 'de'))
    expectTidy(board.doc)
  })
})
