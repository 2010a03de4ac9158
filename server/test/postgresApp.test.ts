import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PostgresDb } from '../src/store/sql/PostgresDb'
import { useEventBoards } from './helpers/eventBoards'
import { SEEDED_NOTES, seedResultsDay } from './helpers/resultsSeed'
import {
  createTestSchema,
  openTestPostgres,
  type TestSchema,
  testDatabaseUrl,
} from './helpers/sharedServices'

const baseUrl = testDatabaseUrl()

/** Every row of every table in the schema, as text, to search for what must be gone. */
function everyRow(db: PostgresDb, schema: string): string[] {
  const tables = db
    .prepare('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ?')
    .all(schema) as Array<{ name: string }>
  return tables.flatMap(({ name }) =>
    (db.prepare(`SELECT * FROM "${name}"`).all() as Array<Record<string, unknown>>).map(
      (row) =>
        `${name}: ${Object.values(row)
          .map((value) =>
            value instanceof Uint8Array ? Buffer.from(value).toString('latin1') : String(value),
          )
          .join(' | ')}`,
    ),
  )
}

describe.skipIf(baseUrl === null)('the app on PostgreSQL (DATABASE_URL)', () => {
  let schema: TestSchema
  beforeAll(() => {
    schema = createTestSchema(baseUrl!)
  })
  afterAll(() => schema.drop())
  const boards = useEventBoards(() => ({ DATABASE_URL: schema.url }))

  it('runs the café day into the results; deleting the event leaves no row of it behind', async () => {
    const health = await boards.api('GET', '/healthz')
    expect(health.body).toEqual({ ok: true, store: { engine: 'postgres', ok: true } })
    const event = await seedResultsDay(boards)

    const results = await boards.download(event, 'results.json')
    expect(results.status).toBe(200)
    const json = Buffer.from(results.bytes).toString('utf8')
    for (const note of SEEDED_NOTES) expect(json).toContain(JSON.stringify(note.text).slice(1, -1))
    const snapshots = await boards.api('GET', `/api/events/${event.id}/snapshots`, {
      token: event.organiserToken,
    })
    expect(snapshots.status).toBe(200)
    // One per table at the station change the seed made.
    expect((snapshots.body as { snapshots: unknown[] }).snapshots).toHaveLength(
      event.links.tables.length,
    )

    const db = openTestPostgres(schema.url)
    try {
      expect(everyRow(db, schema.name).some((row) => row.includes(event.id))).toBe(true)
      const deleted = await boards.api('DELETE', `/api/events/${event.id}`, {
        token: event.organiserToken,
      })
      expect(deleted.status).toBeLessThan(300)
      const left = everyRow(db, schema.name).filter(
        (row) =>
          row.includes(event.id) ||
          SEEDED_NOTES.some((note) => row.includes(note.text.slice(0, 12))),
      )
      expect(left).toEqual([])
    } finally {
      db.close()
    }
  })
})
