import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import type { TLRecord } from 'tldraw'
import { boardRecordsArray } from '@tablecloth/shared'
import { isRecordEntry, readOnlyRecords, writableRecords, type RecordChange } from './boardRecords'

afterEach(() => {
  vi.restoreAllMocks()
})

/** A stand-in record: the view keys records, the store's schema validates them. */
function record(id: string, x = 0): TLRecord {
  return { id, typeName: 'shape', x } as unknown as TLRecord
}

function keys(doc: Y.Doc): unknown[] {
  return boardRecordsArray(doc)
    .toArray()
    .map((value) => (isRecordEntry(value) ? value.key : value))
}

describe('isRecordEntry', () => {
  it('accepts a record under its own id and nothing else', () => {
    expect(isRecordEntry({ key: 'shape:a', val: record('shape:a') })).toBe(true)
    for (const value of [
      null,
      undefined,
      'shape:a',
      7,
      [],
      { key: 5, val: record('shape:a') },
      { key: 'shape:a' },
      { key: 'shape:a', val: null },
      { key: 'shape:a', val: [] },
      { key: 'shape:a', val: record('shape:b') },
      { key: 'shape:a', val: { id: 'shape:a' } },
      new Y.Map(),
    ]) {
      expect(isRecordEntry(value), JSON.stringify(value)).toBe(false)
    }
  })
})

describe('records views', () => {
  it('let the rightmost entry of a key win; a writer deletes the ones it supersedes', () => {
    const doc = new Y.Doc()
    boardRecordsArray(doc).push([
      { key: 'shape:a', val: record('shape:a', 1) },
      { key: 'shape:b', val: record('shape:b') },
      { key: 'shape:a', val: record('shape:a', 2) },
    ])
    const reader = readOnlyRecords(doc)
    expect(reader.get('shape:a')).toMatchObject({ x: 2 })
    expect(keys(doc)).toEqual(['shape:a', 'shape:b', 'shape:a'])

    const writer = writableRecords(doc)
    expect(writer.get('shape:a')).toMatchObject({ x: 2 })
    expect(keys(doc)).toEqual(['shape:b', 'shape:a'])
    reader.dispose()
    writer.dispose()
  })

  it('report sets and deletions like YKeyValue, and refuse writes when read-only', () => {
    const doc = new Y.Doc()
    const writer = writableRecords(doc)
    const reader = readOnlyRecords(doc)
    const seen: Array<Map<string, RecordChange>> = []
    reader.observe((changes) => seen.push(changes))

    writer.set('shape:a', record('shape:a', 1))
    writer.set('shape:a', record('shape:a', 2))
    writer.delete('shape:a')

    expect(seen.map((changes) => changes.get('shape:a')?.action)).toEqual([
      'add',
      'update',
      'delete',
    ])
    expect(keys(doc)).toEqual([])
    expect(() => reader.set('shape:b', record('shape:b'))).toThrow('read-only')
    writer.dispose()
    reader.dispose()
  })

  it('skip unreadable values, count them and warn once, without their content', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const doc = new Y.Doc()
    boardRecordsArray(doc).push([
      null,
      { key: 'shape:a', val: record('shape:a') },
      { key: 'shape:b', val: 'vertraulich' },
    ])
    const writer = writableRecords(doc)
    expect(writer.entries().map(([id]) => id)).toEqual(['shape:a'])
    expect(writer.skipped()).toBe(2)

    boardRecordsArray(doc).push([42])
    expect(writer.skipped()).toBe(3)
    expect(warn).toHaveBeenCalledOnce()
    expect(warn.mock.calls.flat().join(' ')).not.toContain('vertraulich')

    // Setting a key leaves unreadable entries alone.
    writer.set('shape:b', record('shape:b'))
    expect(keys(doc)).toEqual([
      null,
      'shape:a',
      { key: 'shape:b', val: 'vertraulich' },
      42,
      'shape:b',
    ])
    writer.dispose()
  })
})
