import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { BOARD_DOC, roomName } from '@tablecloth/shared'
import { MemoryClient } from './helpers/memoryClient'
import { createTestRegistry, type TestRegistry } from './helpers/testRegistry'

/**
 * Work the server does from timers (compaction of a busy board, unloading an
 * idle one) never ends the process: an error there is reported and the
 * board's log keeps everything (issue 10, "nothing thrown in a timer").
 */

const ROOM = roomName('evt', 't1')

let current: TestRegistry | null = null
afterEach(() => {
  current?.close()
  current = null
})

function recordIds(doc: Y.Doc): string[] {
  return [...new YKeyValue<{ id: string }>(doc.getArray(BOARD_DOC.records)).map.keys()].sort()
}

describe('a board that cannot be compacted', () => {
  it('is reported from the idle timer, unloaded with its log intact, and loads again whole', async () => {
    const unloaded = new Promise<void>((resolve) => {
      current = createTestRegistry({ roomIdleMs: 0 })
      const log = current.logs
      const push = log.push.bind(log)
      log.push = (...lines: string[]) => {
        const count = push(...lines)
        if (lines.some((line) => line.startsWith(`sync room-unloaded room=${ROOM}`))) resolve()
        return count
      }
    })
    const test = current!
    // Encoding the state throws, as a board holding a value too deep to encode did.
    const compact = test.store.compact.bind(test.store)
    test.store.compact = () => {
      throw new RangeError('Maximum call stack size exceeded')
    }
    const client = MemoryClient.connect(test.registry)
    new YKeyValue<{ id: string }>(client.doc.getArray(BOARD_DOC.records)).set('shape:a', {
      id: 'shape:a',
    })
    await new Promise((resolve) => setImmediate(resolve))
    client.disconnect()
    await unloaded
    expect(test.logs).toContain(`sync compaction-failed room=${ROOM} code=RangeError`)

    test.store.compact = compact
    const reader = new Y.Doc()
    Y.applyUpdate(reader, test.registry.encodeState(ROOM))
    expect(recordIds(reader)).toEqual(['shape:a'])
  })

  it('is reported when a busy board passes its compaction limit, and the board goes on', async () => {
    current = createTestRegistry({ limits: { compactAfterUpdates: 3 } })
    const test = current
    test.store.compact = () => {
      throw new TypeError('boom')
    }
    const writer = MemoryClient.connect(test.registry)
    const watcher = MemoryClient.connect(test.registry)
    const records = new YKeyValue<{ id: string }>(writer.doc.getArray(BOARD_DOC.records))
    for (let i = 0; i < 6; i++) {
      records.set(`shape:n${i}`, { id: `shape:n${i}` })
      await new Promise((resolve) => setImmediate(resolve))
    }
    await watcher.waitForDoc((doc) => recordIds(doc).length === 6)
    expect(
      test.logs.some((line) => line === `sync compaction-failed room=${ROOM} code=TypeError`),
    ).toBe(true)
    writer.destroy()
    watcher.destroy()
  })
})
