import fc from 'fast-check'
import { expect, it } from 'vitest'
import * as Y from 'yjs'
import { MessageType } from '@tablecloth/shared'
import * as syncProtocol from 'y-protocols/sync'
import { notesOf } from './docStoreContract'
import { frame, MemoryClient } from './helpers/memoryClient'
import { createTestRegistry } from './helpers/testRegistry'

const ROOM = 'evt/t1'

/** A real update frame a board page could send, for mutation. */
function sampleUpdateFrame(): Uint8Array {
  const doc = new Y.Doc()
  const notes = doc.getMap<string>('notes')
  notes.set('n1', 'Mehr Bänke')
  notes.delete('n1')
  notes.set('n2', 'Spielplatz')
  return frame(MessageType.Sync, (e) => syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(doc)))
}

const SAMPLE = sampleUpdateFrame()

const step = fc.oneof(
  fc.record({
    kind: fc.constant('edit' as const),
    key: fc.constantFrom('a', 'b', 'c'),
    text: fc.string(),
  }),
  fc.record({ kind: fc.constant('garbage' as const), bytes: fc.uint8Array({ maxLength: 64 }) }),
  fc.record({
    kind: fc.constant('mutation' as const),
    flips: fc.array(fc.tuple(fc.nat(SAMPLE.length - 1), fc.integer({ min: 0, max: 255 })), {
      minLength: 1,
      maxLength: 3,
    }),
  }),
)

it('lets no frame from a read-only socket change the board or stop the others', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(step, { maxLength: 20 }), async (steps) => {
      const board = createTestRegistry()
      const clients: MemoryClient[] = []
      const connect = (role: 'moderator' | 'viewer'): MemoryClient => {
        const client = MemoryClient.connect(board.registry, { role })
        clients.push(client)
        return client
      }
      try {
        const moderator = connect('moderator')
        const projector = connect('viewer')
        let attacker = connect('viewer')
        const expected: Record<string, string> = {}

        for (const next of steps) {
          if (attacker.closeEvent !== null) attacker = connect('viewer')
          if (next.kind === 'edit') {
            moderator.doc.getMap('notes').set(next.key, next.text)
            expected[next.key] = next.text
          } else if (next.kind === 'garbage') {
            attacker.send(next.bytes)
          } else {
            const bytes = SAMPLE.slice()
            for (const [at, value] of next.flips) bytes[at] = value
            attacker.send(bytes)
          }
        }
        moderator.doc.getMap('notes').set('done', 'yes')
        await projector.waitForDoc((doc) => doc.getMap('notes').get('done') === 'yes')

        expected.done = 'yes'
        expect(moderator.doc.getMap('notes').toJSON()).toEqual(expected)
        expect(projector.doc.getMap('notes').toJSON()).toEqual(expected)
        expect(notesOf(board.registry.encodeState(ROOM))).toEqual(expected)
        expect(notesOf(board.store.load(ROOM))).toEqual(expected)
        expect(moderator.closeEvent).toBeNull()
        expect(projector.closeEvent).toBeNull()
      } finally {
        for (const client of clients) client.destroy()
        board.close()
      }
    }),
    { numRuns: 60 },
  )
})
