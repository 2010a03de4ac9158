import { afterAll, describe, expect, it } from 'vitest'
import { DocStore } from '../src/store/docStore'
import type { PostgresDb } from '../src/store/sql/PostgresDb'
import { BoardEditor, describeDocStoreContract, notesOf } from './docStoreContract'
import { createTestSchema, openTestPostgres, testDatabaseUrl } from './helpers/sharedServices'

const baseUrl = testDatabaseUrl()

describe.skipIf(baseUrl === null)('PostgreSQL', () => {
  describeDocStoreContract('PostgreSQL', () => {
    const schema = createTestSchema(baseUrl!)
    let db: PostgresDb | null = null
    return {
      open() {
        db = openTestPostgres(schema.url)
        return new DocStore(db)
      },
      close() {
        db?.close()
        db = null
      },
      dispose() {
        schema.drop()
      },
    }
  })

  describe('two processes on one board', () => {
    const schema = createTestSchema(baseUrl!)
    const first = openTestPostgres(schema.url)
    const second = openTestPostgres(schema.url)
    afterAll(() => {
      first.close()
      second.close()
      schema.drop()
    })

    it('number the board’s updates without a gap or a repeat, whoever writes', () => {
      const [a, b] = [new DocStore(first), new DocStore(second)]
      const board = new BoardEditor()
      const numbers = Array.from({ length: 20 }, (_, index) =>
        (index % 2 === 0 ? a : b).append('evt/t1', board.note(`n${index}`, `Notiz ${index}`)),
      )
      expect(numbers).toEqual(Array.from({ length: 20 }, (_, index) => index + 1))
    })

    it('keep every update when both compact what each has seen', () => {
      const [a, b] = [new DocStore(first), new DocStore(second)]
      const seenByA = new BoardEditor()
      const seenByB = new BoardEditor()
      a.append('evt/t2', seenByA.note('a1', 'Kinderbetreuungsangebote'))
      const last = b.append('evt/t2', seenByB.note('b1', 'Straßenbeleuchtung'))
      // Each compacts with only its own note in its doc: neither may drop the other's.
      b.compact('evt/t2', seenByB.state(), last)
      a.compact('evt/t2', seenByA.state(), 1)
      expect(notesOf(a.load('evt/t2'))).toEqual({
        a1: 'Kinderbetreuungsangebote',
        b1: 'Straßenbeleuchtung',
      })
      expect(a.updateCount('evt/t2')).toBe(0)
    })
  })
})
