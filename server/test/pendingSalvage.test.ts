import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { YKeyValue } from 'y-utility/y-keyvalue'
import type { TLRecord } from '@tldraw/tlschema'
import { BOARD_DOC } from '@tablecloth/shared'
import { createBoardSchema } from '../src/board/boardSchema'
import { describePending, salvagePending } from '../src/board/pendingSalvage'
import { noteRecord } from './helpers/eventBoards'

const schema = createBoardSchema()

/** A browser's board: every edit is handed out as the update it sends. */
class Browser {
  readonly doc = new Y.Doc()
  readonly records = new YKeyValue<unknown>(this.doc.getArray(BOARD_DOC.records))

  constructor(clientID: number) {
    this.doc.clientID = clientID
  }

  note(id: string, text = `Notiz ${id}`, y = 0): Uint8Array {
    return this.capture(() => this.records.set(`shape:${id}`, note(id, text, y)))
  }

  remove(id: string): Uint8Array {
    return this.capture(() => this.records.delete(`shape:${id}`))
  }

  capture(edit: () => void): Uint8Array {
    const updates: Uint8Array[] = []
    const listener = (update: Uint8Array) => updates.push(update)
    this.doc.on('update', listener)
    edit()
    this.doc.off('update', listener)
    return Y.mergeUpdates(updates)
  }
}

function note(id: string, text = `Notiz ${id}`, y = 0): TLRecord {
  return noteRecord({ id: `shape:${id}`, parentId: 'page:page', x: 0, y, text })
}

/** The server's doc loaded from `updates` merged, as the store hands them over. */
function loaded(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.mergeUpdates(updates))
  return doc
}

function shownIds(doc: Y.Doc): string[] {
  const shown = new YKeyValue<TLRecord>(doc.getArray(BOARD_DOC.records))
  return [...shown.map.keys()].sort()
}

const ids = (...names: string[]) => names.map((name) => `shape:${name}`).sort()

describe('updates waiting for a missing part', () => {
  it('are none on a complete board', () => {
    const browser = new Browser(7)
    const doc = loaded([browser.note('a'), browser.note('b')])
    expect(salvagePending(doc, { schema })).toBeNull()
    expect(shownIds(doc)).toEqual(ids('a', 'b'))
  })

  it('hide every later note of the same browser; salvage sets them again and says what they wait for', () => {
    const browser = new Browser(7)
    const updates = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => browser.note(id))
    const lostAt = Y.decodeUpdate(updates[2]!).structs[0]!.id.clock
    const doc = loaded(updates.filter((_, index) => index !== 2))
    // What finding 8 saw: everything after the lost row is hidden.
    expect(shownIds(doc)).toEqual(ids('a', 'b'))

    const report = salvagePending(doc, { schema })

    expect(report).toEqual({
      waitingFor: [{ client: 7, clock: lostAt }],
      structs: 3,
      deletes: 0,
      salvaged: ids('d', 'e', 'f'),
      invalid: 0,
    })
    expect(shownIds(doc)).toEqual(ids('a', 'b', 'd', 'e', 'f'))
    expect(describePending(report!)).toBe(`waiting-for=7:${lostAt} structs=3 salvaged=3`)
  })

  it('set a record again as last written, and not one a waiting deletion removed', () => {
    const browser = new Browser(7)
    const updates = [
      browser.note('a'),
      browser.note('lost'),
      browser.note('b', 'first text'),
      browser.note('c'),
      browser.note('b', 'second text', 200),
      browser.remove('c'),
    ]
    const doc = loaded(updates.filter((_, index) => index !== 1))

    const report = salvagePending(doc, { schema })

    expect(report?.salvaged).toEqual(ids('b'))
    expect(report?.deletes).toBeGreaterThan(0)
    const shown = new YKeyValue<TLRecord>(doc.getArray(BOARD_DOC.records))
    expect(shownIds(doc)).toEqual(ids('a', 'b'))
    expect(shown.get('shape:b')).toEqual(note('b', 'second text', 200))
  })

  it('leave a record the board shows as it is', () => {
    const first = new Browser(7)
    const second = new Browser(9)
    const before = first.note('a')
    first.note('lost')
    const waiting = first.note('shared', 'from the first browser')
    // The second browser never saw the first one's notes: its write stands on its own.
    const shown = second.note('shared', 'from the second browser')
    const doc = loaded([before, waiting, shown])

    const report = salvagePending(doc, { schema })

    expect(report?.salvaged).toEqual([])
    const records = new YKeyValue<TLRecord>(doc.getArray(BOARD_DOC.records))
    expect(records.get('shape:shared')).toEqual(note('shared', 'from the second browser'))
  })

  it('leave entries that are no board record out, and what is not in the records array', () => {
    const browser = new Browser(7)
    const array = browser.doc.getArray<unknown>(BOARD_DOC.records)
    const meta = browser.doc.getMap<unknown>(BOARD_DOC.meta)
    const before = browser.note('a')
    browser.note('lost')
    const waiting = browser.capture(() => {
      array.push([
        { key: 'shape:x', val: note('y') },
        { key: 'shape:text', val: 'not a record' },
        { key: 'shape:bad', val: { ...note('bad'), props: { w: 'wide' } } },
        'no entry at all',
      ])
      meta.set('day', { key: 'shape:meta', val: note('meta') })
    })
    const doc = loaded([before, waiting])

    const report = salvagePending(doc, { schema })

    expect(report?.salvaged).toEqual([])
    expect(report?.invalid).toBe(1)
    expect(shownIds(doc)).toEqual(ids('a'))
    expect(doc.getMap(BOARD_DOC.meta).size).toBe(0)
  })

  it('are forgotten once salvaged, so a salvaged note deleted later stays deleted', () => {
    const browser = new Browser(7)
    const updates = ['a', 'lost', 'b', 'c'].map((id) => browser.note(id))
    const doc = loaded(updates.filter((_, index) => index !== 1))
    salvagePending(doc, { schema })
    new YKeyValue<TLRecord>(doc.getArray(BOARD_DOC.records)).delete('shape:b')

    const reloaded = loaded([Y.encodeStateAsUpdate(doc)])

    expect(salvagePending(reloaded, { schema })).toBeNull()
    expect(shownIds(reloaded)).toEqual(ids('a', 'c'))
  })

  it('write through the transaction they are given, as one logged server edit', () => {
    const browser = new Browser(7)
    const updates = ['a', 'lost', 'b', 'c'].map((id) => browser.note(id))
    const stored = updates.filter((_, index) => index !== 1)
    const doc = loaded(stored)
    const logged: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => logged.push(update))
    let edits = 0
    const origin = Symbol('server edit')

    salvagePending(doc, {
      schema,
      transact: (edit) => {
        edits++
        doc.transact(() => edit(doc), origin)
      },
    })

    expect(edits).toBe(1)
    expect(logged).toHaveLength(1)
    // Stored after the parts it was loaded from, the logged edit brings the notes back on every load.
    expect(shownIds(loaded([...stored, ...logged]))).toEqual(ids('a', 'b', 'c'))
  })
})
