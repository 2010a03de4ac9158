import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { TLRecord } from '@tldraw/tlschema'
import { YKeyValue } from 'y-utility/y-keyvalue'
import {
  BOARD_DOC,
  BOARD_META,
  boardDay,
  parseEventConfig,
  winnendenTemplate,
} from '@tablecloth/shared'
import { createBoardSchema } from '../src/board/boardSchema'
import { boardUpdateProblem } from '../src/board/boardUpdateGate'
import { writeBoardDay } from '../src/board/boardWriter'
import { ContentRef, craftUpdate } from './helpers/craftedUpdate'
import { noteRecord } from './helpers/eventBoards'

/**
 * The gate judged against what honest clients really send: a sync step 2
 * repeats the sender's whole delete set and may overlap what the board has,
 * a YKeyValue write deletes the entry it replaces, an offline session sends
 * one long chain. None of that may be refused, or a moderator is locked out.
 */

const schema = createBoardSchema()
const parsed = parseEventConfig(winnendenTemplate())
if (!parsed.ok) throw new Error('the template is a valid event')
const config = parsed.config

/** A board as the server holds it after two day writes (so `meta` has deleted items). */
function serverBoard(): Y.Doc {
  const doc = new Y.Doc()
  const timer = { durationSeconds: 1200, runningSince: null, elapsedBeforeSeconds: 0 }
  writeBoardDay(doc, schema, config, boardDay(config.stations, 0, timer))
  writeBoardDay(doc, schema, config, boardDay(config.stations, 0, { ...timer, runningSince: 1 }))
  return doc
}

function clientOf(server: Y.Doc): Y.Doc {
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  return client
}

function records(doc: Y.Doc): YKeyValue<TLRecord> {
  return new YKeyValue<TLRecord>(doc.getArray(BOARD_DOC.records))
}

function note(id: string, text = 'Mehr Bänke'): TLRecord {
  return noteRecord({ id, parentId: 'page:page', x: 0, y: 0, text })
}

function problemOf(server: Y.Doc, update: Uint8Array): string | null {
  return boardUpdateProblem(schema, server, Y.decodeUpdate(update))
}

describe('what honest clients send', () => {
  it('accepts a full sync step 2 that repeats every deletion, meta ones included', () => {
    const server = serverBoard()
    const client = clientOf(server)
    records(client).set('shape:a', note('shape:a'))
    expect(problemOf(server, Y.encodeStateAsUpdate(client))).toBeNull()
  })

  it('accepts replacing a note, which deletes its old entry', () => {
    const server = serverBoard()
    const client = clientOf(server)
    records(client).set('shape:a', note('shape:a'))
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)))
    const before = Y.encodeStateVector(client)
    records(client).set('shape:a', note('shape:a', 'Noch mehr Bänke'))
    records(client).delete('shape:a')
    expect(problemOf(server, Y.encodeStateAsUpdate(client, before))).toBeNull()
  })

  it('accepts an offline session of many notes in one update, and one that overlaps what the board has', () => {
    const server = serverBoard()
    const client = clientOf(server)
    for (let i = 0; i < 50; i++)
      records(client).set(`shape:n${i}`, note(`shape:n${i}`, `Karte ${i}`))
    const half = clientOf(server)
    Y.applyUpdate(half, Y.encodeStateAsUpdate(client))
    expect(problemOf(server, Y.encodeStateAsUpdate(client))).toBeNull()
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client))
    records(client).set('shape:late', note('shape:late'))
    // The client's whole state again: everything but the last note is known already.
    expect(problemOf(server, Y.encodeStateAsUpdate(client))).toBeNull()
  })
})

describe('what the gate refuses', () => {
  it('refuses a client writing meta, even by continuing its chain of items', () => {
    const server = serverBoard()
    const client = clientOf(server)
    const before = Y.encodeStateVector(client)
    client.getMap(BOARD_DOC.meta).set(BOARD_META.day, { stationIndex: 99 })
    expect(problemOf(server, Y.encodeStateAsUpdate(client, before))).toBe('place=outside-records')
  })

  it('refuses deleting the server’s live meta entries', () => {
    const server = serverBoard()
    const client = clientOf(server)
    const before = Y.encodeStateVector(client)
    client.getMap(BOARD_DOC.meta).delete(BOARD_META.schema)
    expect(problemOf(server, Y.encodeStateAsUpdate(client, before))).toBe('delete=outside-records')
  })

  it('refuses an item that claims a root by name but follows an item of meta', () => {
    const server = serverBoard()
    let metaItem: Y.Item | null = null
    for (const item of server.getMap(BOARD_DOC.meta)._map.values()) metaItem = item
    const update = craftUpdate(4242, [
      {
        clock: 0,
        origin: { client: metaItem!.id.client, clock: metaItem!.id.clock },
        content: { ref: ContentRef.Any, values: [{ key: 'shape:x', val: note('shape:x') }] },
      },
    ])
    expect(problemOf(server, update)).toBe('place=outside-records')
  })

  it('judges an item that straddles the board’s state by the parent it names and the item it continues', () => {
    const server = serverBoard()
    const client = clientOf(server)
    client.getArray(BOARD_DOC.records).push([
      { key: 'shape:a', val: note('shape:a') },
      { key: 'shape:b', val: note('shape:b') },
    ])
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)))
    const id = client.clientID
    const clock = Y.getState(server.store, id)
    const entries = [
      { key: 'shape:a', val: note('shape:a') },
      { key: 'shape:b', val: note('shape:b') },
      { key: 'shape:c', val: note('shape:c') },
    ]
    // Yjs integrates only the third entry, after the second, but into the
    // parent the struct names: naming meta would put an entry of records there.
    const intoMeta = craftUpdate(id, [
      { clock: clock - 2, parent: 'meta', content: { ref: ContentRef.Any, values: entries } },
    ])
    expect(problemOf(server, intoMeta)).toBe('place=outside-records')
    const honest = craftUpdate(id, [
      { clock: clock - 2, parent: 'records', content: { ref: ContentRef.Any, values: entries } },
    ])
    expect(problemOf(server, honest)).toBeNull()
    Y.applyUpdate(server, honest)
    expect(records(server).has('shape:c')).toBe(true)
  })

  it('refuses a chain of items that refer to each other in a circle', () => {
    const server = serverBoard()
    const update = craftUpdate(5151, [
      {
        clock: 0,
        origin: { client: 5151, clock: 1 },
        content: { ref: ContentRef.Any, values: [{ key: 'shape:a', val: note('shape:a') }] },
      },
      {
        clock: 1,
        origin: { client: 5151, clock: 0 },
        content: { ref: ContentRef.Any, values: [{ key: 'shape:b', val: note('shape:b') }] },
      },
    ])
    expect(problemOf(server, update)).toBe('place=unknown-neighbour')
  })

  it('refuses a record type that belongs to one device, such as a camera', () => {
    const server = serverBoard()
    const update = craftUpdate(6161, [
      {
        clock: 0,
        parent: 'records',
        content: {
          ref: ContentRef.Any,
          values: [{ key: 'camera:page:page', val: { id: 'camera:page:page' } }],
        },
      },
    ])
    expect(problemOf(server, update)).toBe('entry=not-a-document-record')
  })
})
