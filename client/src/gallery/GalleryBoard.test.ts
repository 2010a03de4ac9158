import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import type { TLNoteShape } from 'tldraw'
import { MessageType, noteRecordJson } from '@tablecloth/shared'
import { recordsArray } from '../board/boardRecords'
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

function noteTexts(board: GalleryBoard): string[] {
  return board.store
    .allRecords()
    .filter((record): record is TLNoteShape => record.typeName === 'shape' && record.type === 'note')
    .map((shape) => JSON.stringify(shape.props.richText).match(/"text":"([^"]*)"/)?.[1] ?? '')
    .sort()
}

describe('GalleryBoard', () => {
  it('shows the honest notes of a board holding unreadable entries, and sends nothing', () => {
    vi.stubGlobal('WebSocket', FakeSyncSocket.polyfill)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const server = new Y.Doc()
    recordsArray(server).push([
      { key: 'shape:one', val: note('shape:one', 'Eins') },
      null,
      'shape:two',
      { key: 5 },
      { key: 'shape:three', val: null },
      { key: 'shape:four', val: note('shape:other', 'Verschoben') },
      { key: 'shape:two', val: note('shape:two', 'Zwei') },
    ])
    recordsArray(server).push([new Y.Map()])

    const board = new GalleryBoard('ev1', 't1', TOKEN)
    boards.push(board)
    board.open()
    const socket = FakeSyncSocket.opened.at(-1)!
    expect(socket.url).not.toContain(TOKEN)
    expect(socket.protocols).toContain(`tablecloth.token.${TOKEN}`)
    socket.accept()
    socket.sendBoard(server)

    expect(board.getState()).toMatchObject({ status: 'live', ready: true })
    expect(noteTexts(board)).toEqual(['Eins', 'Zwei'])
    expect(warn).toHaveBeenCalledOnce()
    // The gallery only watches: its first sync message, and no presence, no edits.
    expect(socket.sentTypes()).toEqual([MessageType.Sync])
  })
})
