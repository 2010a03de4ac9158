import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { TLRecord } from '@tldraw/tlschema'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { BOARD_DOC } from '@tablecloth/shared'
import { createBoardSchema } from '../src/board/boardSchema'
import { recordsOf } from '../src/board/boardWriter'
import { repairLoadedBoard } from '../src/board/repairLoadedBoard'
import type { EventStore } from '../src/store/eventStore'
import { noteRecord } from './helpers/eventBoards'
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
    // A row damaged on disk: bytes that are no Yjs update, numbered as the board's third.
    first.db
      .prepare('INSERT INTO doc_updates (room, board_seq, data) VALUES (?, 3, ?)')
      .run(ROOM, Buffer.from('\xff\x13garbage'))
    first.db.prepare('UPDATE doc_heads SET seq = 3 WHERE room = ?').run(ROOM)
    first.store.append(ROOM, noteUpdate('shape:c'))
    first.registry.close()
    first.db.close()
    current = createTestRegistry({ dataDir: first.dataDir })

    const loaded = new Y.Doc()
    Y.applyUpdate(loaded, current.registry.encodeState(ROOM))
    expect(recordIds(loaded)).toEqual(['shape:a', 'shape:b', 'shape:c'])
    expect(current.logs.filter((line) => line.startsWith('store corrupt-row'))).toEqual([
      `store corrupt-row room=${ROOM} part=update:3`,
    ])
  })

  it('hides no later note: one flipped byte costs only the notes in its row (finding 8)', () => {
    const first = createTestRegistry()
    // One browser writes 83 notes, one update each, as a moderator's board does:
    // each note's entry is inserted after the one before, so each builds on it.
    const browser = new Y.Doc()
    browser.clientID = 4242
    const records = new YKeyValue<TLRecord>(browser.getArray(BOARD_DOC.records))
    const seqs: number[] = []
    browser.on('update', (update: Uint8Array) => seqs.push(first.store.append(ROOM, update)))
    const ids = Array.from({ length: 83 }, (_, index) => `shape:n${index}`)
    ids.forEach((id, index) =>
      records.set(
        id,
        noteRecord({ id, parentId: 'page:page', x: 0, y: index * 10, text: `Notiz ${index}` }),
      ),
    )
    expect(seqs).toHaveLength(83)
    // Flip one bit of the clock in the 4th note's row: the bytes still decode,
    // only with other ids, so decoding alone cannot tell.
    const damaged = seqs[3]!
    const row = first.db
      .prepare('SELECT data FROM doc_updates WHERE board_seq = ?')
      .pluck()
      .get(damaged) as Buffer
    const flipped = Buffer.from(row)
    // A V1 update starts: 1 client, 1 struct run, client 4242 (2 bytes), then the clock.
    flipped[4] = flipped[4]! ^ 0x01
    expect(() => Y.decodeUpdate(flipped)).not.toThrow()
    first.db.prepare('UPDATE doc_updates SET data = ? WHERE board_seq = ?').run(flipped, damaged)
    first.registry.close()
    first.db.close()

    // Loading repairs the board as the app does (no event: only the board's own content).
    const schema = createBoardSchema()
    const withRepair = (dataDir: string) => {
      const events = { get: () => null } as unknown as EventStore
      const logs: string[] = []
      const registry = createTestRegistry({
        dataDir,
        onLoaded: (room, doc, transact) =>
          repairLoadedBoard({
            room,
            doc,
            transact,
            schema,
            events,
            log: (line) => logs.push(line),
          }),
      })
      return { ...registry, logs: registry.logs, repairLogs: logs }
    }
    const repaired = withRepair(first.dataDir)
    current = repaired
    current.registry.transact(ROOM, () => {})

    const loaded = new Y.Doc()
    Y.applyUpdate(loaded, current.registry.encodeState(ROOM))
    expect(recordIds(loaded)).toEqual(ids.filter((id) => id !== 'shape:n3').sort())
    expect(current.logs.filter((line) => line.startsWith('store corrupt-row'))).toEqual([
      `store corrupt-row room=${ROOM} part=update:${damaged}`,
    ])
    expect(repaired.repairLogs).toEqual([
      expect.stringMatching(
        new RegExp(
          `^store pending-updates room=${ROOM} waiting-for=4242:\\d+ structs=\\d+ salvaged=79$`,
        ),
      ),
    ])

    // Salvaged notes are stored again: they are back after a restart as well.
    current.registry.close()
    current.db.close()
    current = createTestRegistry({ dataDir: first.dataDir })
    const reloaded = new Y.Doc()
    Y.applyUpdate(reloaded, current.registry.encodeState(ROOM))
    expect(recordIds(reloaded)).toEqual(ids.filter((id) => id !== 'shape:n3').sort())
    expect(recordsOf(reloaded).get('shape:n82')).toMatchObject({ id: 'shape:n82' })
  })
})
