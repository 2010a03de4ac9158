import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { TLRecord } from '@tldraw/tlschema'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { BOARD_DOC } from '@tablecloth/shared'
import { createTestRegistry, type TestRegistry } from './helpers/testRegistry'

const ROOM = 'evt/t1'

/** An update adding one record, as a board client would send it. */
function noteUpdate(id: string): Uint8Array {
  const doc = new Y.Doc()
  new YKeyValue<{ id: string }>(doc.getArray(BOARD_DOC.records)).set(id, { id })
  return Y.encodeStateAsUpdate(doc)
}

function recordIds(doc: Y.Doc): string[] {
  return [...new YKeyValue<TLRecord>(doc.getArray(BOARD_DOC.records)).map.keys()].sort()
}

describe('a corrupt row in the store', () => {
  let current: TestRegistry | null = null
  afterEach(() => current?.close())

  it('is reported, and the rest of the board still loads', () => {
    const first = createTestRegistry()
    first.store.append(ROOM, noteUpdate('shape:a'))
    first.store.append(ROOM, noteUpdate('shape:b'))
    // A row damaged on disk: bytes that are no Yjs update.
    first.db.prepare('INSERT INTO doc_updates (room, data) VALUES (?, ?)').run(ROOM, Buffer.from('\xff\x13garbage'))
    first.store.append(ROOM, noteUpdate('shape:c'))
    first.registry.close()
    current = createTestRegistry({ dataDir: first.dataDir })

    const loaded = new Y.Doc()
    Y.applyUpdate(loaded, current.registry.encodeState(ROOM))
    expect(recordIds(loaded)).toEqual([
      'shape:a',
      'shape:b',
      'shape:c',
    ])
    expect(current.logs.filter((line) => line.startsWith('store corrupt-row'))).toEqual([
      `store corrupt-row room=${ROOM} part=update:3`,
    ])
  })
})
