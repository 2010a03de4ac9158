import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import {
  BOARD_DOC,
  BOARD_META,
  boardRecordsArray,
  MessageType,
  noteRecordJson,
} from '@tablecloth/shared'
import { readOnlyRecords } from '../canvas/boardRecords'
import { FakeSyncSocket } from '../test/FakeSyncSocket'
import { GalleryBoard } from './GalleryBoard'

const TOKEN = 'Abc_defGhijklmnopqrstuvwxyz-0123456789ABCDE'

const boards: GalleryBoard[] = []
afterEach(() => {
  while (boards.length > 0) boards.pop()?.close()
  FakeSyncSocket.opened = []
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

function note(id: string, text: string) {
  return noteRecordJson({ id, parentId: 'page:page', x: 0, y: 0, index: 'a1', text })
}

function opened(): { board: GalleryBoard; socket: FakeSyncSocket } {
  vi.stubGlobal('WebSocket', FakeSyncSocket.polyfill)
  const board = new GalleryBoard('ev1', 't1', TOKEN)
  boards.push(board)
  board.open()
  return { board, socket: FakeSyncSocket.opened.at(-1)! }
}

describe('GalleryBoard', () => {
  it('holds the board once synced, follows its day, and sends nothing but its first sync', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const server = new Y.Doc()
    boardRecordsArray(server).push([
      { key: 'shape:one', val: note('shape:one', 'Eins') },
      null,
      { key: 'shape:two', val: note('shape:two', 'Zwei') },
    ])
    server.getMap(BOARD_DOC.meta).set(BOARD_META.day, { stationIndex: 1, timer: null })

    const { board, socket } = opened()
    expect(socket.url).not.toContain(TOKEN)
    expect(socket.protocols).toContain(`tablecloth.token.${TOKEN}`)
    expect(board.getState()).toMatchObject({ status: 'connecting', ready: false })
    socket.accept()
    socket.sendBoard(server)

    expect(board.getState()).toMatchObject({ status: 'live', ready: true })
    expect(board.getState().day?.stationIndex).toBe(1)
    const records = readOnlyRecords(board.doc)
    expect(
      records
        .entries()
        .map(([id]) => id)
        .sort(),
    ).toEqual(['shape:one', 'shape:two'])
    records.dispose()
    // The gallery only watches: its first sync message, and no presence, no edits.
    expect(socket.sentTypes()).toEqual([MessageType.Sync])
  })

  it('says when the server refuses the link', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { board, socket } = opened()
    socket.accept()
    socket.closeFromServer(4401, 'invalid or revoked token')
    expect(board.getState()).toMatchObject({ status: 'refused', refusedWith: 4401 })
  })
})
