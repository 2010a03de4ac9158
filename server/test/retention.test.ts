import Database from 'better-sqlite3'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { winnendenTemplate, type CreateEventResponse } from '@tablecloth/shared'
import { createTestSchema, openTestPostgres, testDatabaseUrl } from './helpers/sharedServices'
import { api, startTestServer, type TestServer } from './helpers/testServer'

/** A store for the server to start on again and again, and a way to edit it between starts. */
interface StoreUnderTest {
  env: Record<string, string>
  dataDir: string
  /** Runs one statement on the stopped server's store, as an administrator would. */
  run(sql: string, ...params: unknown[]): void
  dispose(): void
}

const databaseUrl = testDatabaseUrl()

const ENGINES: Array<[string, () => StoreUnderTest]> = [
  [
    'SQLite',
    () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tablecloth-retention-'))
      return {
        env: {},
        dataDir,
        run(sql, ...params) {
          const db = new Database(path.join(dataDir, 'tablecloth.db'))
          db.prepare(sql).run(...params)
          db.close()
        },
        dispose: () => fs.rmSync(dataDir, { recursive: true, force: true }),
      }
    },
  ],
  ...(databaseUrl === null
    ? []
    : ([
        [
          'PostgreSQL',
          () => {
            const schema = createTestSchema(databaseUrl)
            return {
              env: { DATABASE_URL: schema.url },
              dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'tablecloth-retention-')),
              run(sql, ...params) {
                const db = openTestPostgres(schema.url)
                db.prepare(sql).run(...params)
                db.close()
              },
              dispose: () => schema.drop(),
            }
          },
        ],
      ] as Array<[string, () => StoreUnderTest]>)),
]

describe.each(ENGINES)('retention on %s', (_, open) => {
  let server: TestServer | null = null
  let store: StoreUnderTest | null = null
  afterEach(async () => {
    await server?.close()
    server = null
    store?.dispose()
    store = null
  })

  const start = async (env: Record<string, string> = {}) => {
    store ??= open()
    server = await startTestServer({ ...store.env, ...env }, store.dataDir)
    return server
  }

  async function create(on: TestServer, date: string): Promise<CreateEventResponse> {
    const { status, body } = await api(on, 'POST', '/api/events', {
      body: { ...winnendenTemplate(), date },
    })
    expect(status).toBe(201)
    return body as CreateEventResponse
  }

  it('deletes events whose retention ran out when the server starts, and keeps the rest', async () => {
    const first = await start()
    const old = await create(first, '2019-07-02')
    const recent = await create(first, '2019-07-03')
    await first.close()
    // The first event was set up long ago; the second only now, after its day.
    store!.run('UPDATE events SET created_at = ? WHERE id = ?', '2019-06-01T08:00:00.000Z', old.id)

    const again = await start({ RETENTION_DAYS: '30' })
    const status = async (event: CreateEventResponse) =>
      (await api(again, 'GET', `/api/events/${event.id}`, { token: event.organiserToken })).status
    expect(await status(old)).toBe(404)
    expect(await status(recent)).toBe(200)
  })

  it('keeps every event when no retention is set', async () => {
    const first = await start()
    const old = await create(first, '2019-07-02')
    await first.close()
    store!.run('UPDATE events SET created_at = ? WHERE id = ?', '2019-06-01T08:00:00.000Z', old.id)
    const again = await start()
    expect(
      (await api(again, 'GET', `/api/events/${old.id}`, { token: old.organiserToken })).status,
    ).toBe(200)
  })
})
