import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { BOARD_DOC, BOARD_META, type BoardDayState } from './boardDoc'
import {
  boardMetaMap,
  boardRecordsArray,
  currentRecords,
  isBoardRecordEntry,
  latestRecords,
  observeBoardMeta,
  readBoardDay,
  readSchemaStamp,
  writeBoardStamp,
} from './boardDocument'

const page = { id: 'page:page', typeName: 'page', name: 'Page 1' }
const note = (text: string) => ({ id: 'shape:a', typeName: 'shape', type: 'note', text })
const day: BoardDayState = {
  stationIndex: 1,
  stationId: 's2',
  timer: { status: 'idle', durationSeconds: 600 } as unknown as BoardDayState['timer'],
}

describe('board document layout', () => {
  it('keeps the records and the meta under the names stored boards use', () => {
    const doc = new Y.Doc()
    boardRecordsArray(doc).push([{ key: page.id, val: page }])
    boardMetaMap(doc).set(BOARD_META.protocol, 1)
    // Stored boards name these types by string; a renamed accessor must not move them.
    expect(doc.share.has(BOARD_DOC.records)).toBe(true)
    expect(doc.share.has(BOARD_DOC.meta)).toBe(true)
    expect(doc.getArray(BOARD_DOC.records).toArray()).toEqual([{ key: page.id, val: page }])
    expect(doc.getMap(BOARD_DOC.meta).get(BOARD_META.protocol)).toBe(1)
  })

  it('writes the same bytes as the layout written by hand', () => {
    const byHand = new Y.Doc()
    byHand.clientID = 7
    byHand.transact(() => {
      byHand.getArray('records').push([{ key: page.id, val: page }])
      const meta = byHand.getMap('meta')
      meta.set('schema', { schemaVersion: 2, sequences: {} })
      meta.set('protocol', 1)
      meta.set('day', day)
    })
    const throughModule = new Y.Doc()
    throughModule.clientID = 7
    throughModule.transact(() => {
      boardRecordsArray(throughModule).push([{ key: page.id, val: page }])
      writeBoardStamp(throughModule, {
        schema: { schemaVersion: 2, sequences: {} },
        protocol: 1,
        day,
      })
    })
    expect(Y.encodeStateAsUpdate(throughModule)).toEqual(Y.encodeStateAsUpdate(byHand))
  })
})

describe('honest entries', () => {
  it('accepts a record stored under its own id only', () => {
    expect(isBoardRecordEntry({ key: page.id, val: page })).toBe(true)
    expect(isBoardRecordEntry({ key: 'page:other', val: page })).toBe(false)
    expect(isBoardRecordEntry({ key: page.id, val: { id: page.id } })).toBe(false)
    expect(isBoardRecordEntry({ key: page.id, val: new Y.Map() })).toBe(false)
    expect(isBoardRecordEntry('page:page')).toBe(false)
    expect(isBoardRecordEntry(null)).toBe(false)
  })

  it('lets the rightmost honest entry of a key win and skips the rest', () => {
    const skipped: unknown[] = []
    const latest = latestRecords(
      [
        { key: 'shape:a', val: note('first') },
        { key: page.id, val: page },
        'rubbish',
        { key: 'shape:a', val: note('second') },
        { key: 'shape:a', val: { id: 'shape:b', typeName: 'shape' } },
      ],
      (value) => skipped.push(value),
    )
    expect(latest.get('shape:a')).toEqual(note('second'))
    expect([...latest.keys()]).toEqual(['shape:a', page.id])
    expect(skipped).toHaveLength(2)
  })

  it('sees writes made earlier in the running transaction', () => {
    const doc = new Y.Doc()
    doc.transact(() => {
      boardRecordsArray(doc).push([{ key: 'shape:a', val: note('one') }])
      boardRecordsArray(doc).push([{ key: 'shape:a', val: note('two') }])
      expect(currentRecords(doc).get('shape:a')).toEqual(note('two'))
    })
  })
})

describe('the board meta', () => {
  it('reads the day only once one was written, and ignores a foreign value', () => {
    const doc = new Y.Doc()
    expect(readBoardDay(doc)).toBeNull()
    boardMetaMap(doc).set(BOARD_META.day, { stationIndex: 'two' })
    expect(readBoardDay(doc)).toBeNull()
    boardMetaMap(doc).set(BOARD_META.day, day)
    expect(readBoardDay(doc)).toEqual(day)
  })

  it('reads the schema stamp, undefined on a fresh board', () => {
    const doc = new Y.Doc()
    expect(readSchemaStamp(doc)).toBeUndefined()
    writeBoardStamp(doc, { schema: { schemaVersion: 2, sequences: {} }, protocol: 1, day })
    expect(readSchemaStamp(doc)).toEqual({ schemaVersion: 2, sequences: {} })
  })

  it('writes nothing when the stamp did not change', () => {
    const doc = new Y.Doc()
    const stamp = { schema: { schemaVersion: 2, sequences: {} }, protocol: 1, day }
    writeBoardStamp(doc, stamp)
    let updates = 0
    doc.on('update', () => updates++)
    // An equal stamp built anew, as a caller would after reading the event again.
    writeBoardStamp(doc, JSON.parse(JSON.stringify(stamp)) as typeof stamp)
    expect(updates).toBe(0)
    writeBoardStamp(doc, { ...stamp, day: { ...day, stationIndex: 2 } })
    expect(updates).toBe(1)
  })

  it('tells a listener about the keys it follows only', () => {
    const doc = new Y.Doc()
    let calls = 0
    const stop = observeBoardMeta(doc, () => calls++, [BOARD_META.day])
    boardMetaMap(doc).set(BOARD_META.protocol, 1)
    expect(calls).toBe(0)
    boardMetaMap(doc).set(BOARD_META.day, day)
    expect(calls).toBe(1)
    stop()
    boardMetaMap(doc).set(BOARD_META.day, { ...day, stationIndex: 0 })
    expect(calls).toBe(1)
  })
})
