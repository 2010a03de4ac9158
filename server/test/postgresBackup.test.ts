import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type CreateEventResponse, winnendenTemplate } from '@tablecloth/shared'
import { afterEach, describe, expect, it } from 'vitest'
import { dumpPostgres, restorePostgres } from '../src/store/postgresBackup'
import { createTestDatabase, testDatabaseUrl } from './helpers/sharedServices'
import { api, startTestServer } from './helpers/testServer'

const baseUrl = testDatabaseUrl()
const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

describe.skipIf(baseUrl === null)('backup and restore on PostgreSQL', () => {
  it('brings back an event deleted after the backup, from a file only its owner can read', async () => {
    const database = createTestDatabase(baseUrl!)
    cleanups.push(() => database.drop())
    const env = { DATABASE_URL: database.url }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tablecloth-pgdump-'))
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }))

    let server = await startTestServer(env)
    const created = await api(server, 'POST', '/api/events', { body: winnendenTemplate() })
    expect(created.status).toBe(201)
    const event = created.body as CreateEventResponse
    const read = () =>
      api(server, 'GET', `/api/events/${event.id}`, { token: event.organiserToken })

    const archive = path.join(dir, 'tablecloth.pgdump')
    const dump = dumpPostgres(database.url, archive)
    expect(dump.bytes).toBeGreaterThan(0)
    expect(fs.statSync(archive).mode & 0o777).toBe(0o600)

    expect(
      (await api(server, 'DELETE', `/api/events/${event.id}`, { token: event.organiserToken }))
        .status,
    ).toBeLessThan(300)
    expect((await read()).status).toBe(404)
    await server.close()

    restorePostgres(database.url, archive)
    server = await startTestServer(env)
    cleanups.push(() => server.close())
    expect((await read()).status).toBe(200)
  })
})
