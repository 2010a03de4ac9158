import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import type { TLRecord } from '@tldraw/tlschema'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { BOARD_DOC, CloseCode, RECORD_REJECTED_REASON, stationFrameId } from '@tablecloth/shared'
import { serverClose, until } from './helpers/boardProvider'
import { noteRecord, useEventBoards } from './helpers/eventBoards'

function records(doc: Y.Doc): YKeyValue<TLRecord> {
  return new YKeyValue<TLRecord>(doc.getArray(BOARD_DOC.records))
}

describe('records tldraw would reject', () => {
  const boards = useEventBoards()

  async function setUp() {
    const event = await boards.createEvent()
    const view = await boards.api('GET', `/api/events/${event.id}`, { token: event.organiserToken })
    const frame = stationFrameId(view.body.config.stations[0].id as string, 0)
    const writer = await boards.openTable(event, 0)
    const watcher = await boards.openTable(event, 0)
    return { event, frame, writer, watcher }
  }

  const invalid: Array<[string, (frame: string) => unknown]> = [
    [
      'a note whose width is text',
      (frame) => ({
        ...noteRecord({ id: 'shape:bad', parentId: frame, x: 0, y: 0, text: 'x' }),
        x: 'links',
      }),
    ],
    [
      'a shape of a type tldraw does not know',
      (frame) => ({
        ...noteRecord({ id: 'shape:bad', parentId: frame, x: 0, y: 0, text: 'x' }),
        type: 'virus',
      }),
    ],
    [
      'a record stored under another id',
      (frame) => noteRecord({ id: 'shape:other', parentId: frame, x: 0, y: 0, text: 'x' }),
    ],
    ['a value that is no record', () => 42],
  ]

  for (const [name, make] of invalid) {
    it(`refuses ${name}: the socket closes with 4422, nothing is stored or relayed`, async () => {
      const { event, frame, writer, watcher } = await setUp()
      const closed = serverClose(writer)
      writer.doc.transact(() => {
        writer.doc.getArray(BOARD_DOC.records).push([{ key: 'shape:bad', val: make(frame) }])
      })
      expect(await closed).toEqual({
        code: CloseCode.InvalidMessage,
        reason: RECORD_REJECTED_REASON,
      })
      writer.provider.disconnect()

      // The board goes on: a valid note still reaches the other client, the bad one never did.
      const next = await boards.openTable(event, 0)
      records(next.doc).set(
        'shape:good',
        noteRecord({ id: 'shape:good', parentId: frame, x: 40, y: 40, text: 'gut' }),
      )
      await until(watcher.doc, () => records(watcher.doc).has('shape:good'))
      expect(records(watcher.doc).has('shape:bad')).toBe(false)
      // A client that joins afterwards gets the stored board: without it.
      expect(JSON.stringify(next.doc.getArray(BOARD_DOC.records).toJSON())).not.toContain(
        'shape:bad',
      )
    })
  }
})
