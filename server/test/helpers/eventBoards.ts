import { afterEach, beforeEach, expect } from 'vitest'
import type * as Y from 'yjs'
import type { TLRecord } from '@tldraw/tlschema'
import { YKeyValue } from 'y-utility/y-keyvalue'
import {
  BOARD_DOC,
  noteRecordJson,
  roomName,
  winnendenTemplate,
  type CreateEventResponse,
  type EventConfigInput,
} from '@tablecloth/shared'
import { openBoard, synced, type BoardProvider } from './boardProvider'
import { api, startTestServer, type TestServer } from './testServer'

type ApiArgs = Parameters<typeof api> extends [TestServer, ...infer Rest] ? Rest : never

export interface EventBoards {
  /** The server of the running test. */
  server(): TestServer
  /** The JSON API of the running test's server. */
  api(...args: ApiArgs): ReturnType<typeof api>
  /** Creates an event (the reference template unless given) and expects 201. */
  createEvent(config?: EventConfigInput): Promise<CreateEventResponse>
  /** Opens a table's board as its moderator with a stock y-websocket client, synced. */
  openTable(event: CreateEventResponse, tableIndex: number): Promise<BoardProvider>
  /** Downloads `file` under the event's API (e.g. `results.pdf?lang=en`) as the organiser. */
  download(
    event: CreateEventResponse,
    file: string,
  ): Promise<{ status: number; headers: Headers; bytes: Uint8Array }>
}

/**
 * A real server per test with the boards it opened closed afterwards: the
 * setup every event-level integration test shares.
 */
export function useEventBoards(env: () => Record<string, string> = () => ({})): EventBoards {
  let server: TestServer | null = null
  let boards: BoardProvider[] = []
  beforeEach(async () => {
    server = await startTestServer(env())
  })
  afterEach(async () => {
    boards.forEach((board) => board.destroy())
    boards = []
    await server?.close()
  })
  const current = () => {
    if (!server) throw new Error('no test server is running')
    return server
  }
  return {
    server: current,
    api: (...args) => api(current(), ...args),
    async createEvent(config = winnendenTemplate()) {
      const { status, body } = await api(current(), 'POST', '/api/events', { body: config })
      expect(status).toBe(201)
      return body as CreateEventResponse
    },
    async download(event, file) {
      const response = await fetch(`${current().origin}/api/events/${event.id}/${file}`, {
        headers: { authorization: `Bearer ${event.organiserToken}` },
      })
      const bytes = new Uint8Array(await response.arrayBuffer())
      return { status: response.status, headers: response.headers, bytes }
    },
    async openTable(event, tableIndex) {
      const table = event.links.tables[tableIndex]!
      const board = openBoard(
        `${current().wsOrigin}/sync`,
        roomName(event.id, table.id),
        table.tokens.moderator,
      )
      boards.push(board)
      await synced(board)
      return board
    },
  }
}

/** A tldraw note record as a board writes it, with the given text, place and meta. */
export function noteRecord(note: {
  id: string
  parentId: string
  x: number
  y: number
  text: string
  meta?: Record<string, unknown>
}): TLRecord {
  return noteRecordJson({ ...note, index: 'a1' }) as unknown as TLRecord
}

/** The board's tldraw records, as the board keeps them. */
export function recordsOf(doc: Y.Doc): YKeyValue<TLRecord> {
  return new YKeyValue<TLRecord>(doc.getArray(BOARD_DOC.records))
}

/** The id of the frame the server wrote for one question of one station, if the board holds it. */
export function columnFrameId(
  doc: Y.Doc,
  stationIndex: number,
  columnIndex: number,
): string | undefined {
  return [...recordsOf(doc).map.values()]
    .map((entry) => entry.val as TLRecord & { meta: Record<string, unknown> })
    .find(
      (record) =>
        record.meta.tablecloth === 'column' &&
        record.meta.stationIndex === stationIndex &&
        record.meta.columnIndex === columnIndex,
    )?.id
}
