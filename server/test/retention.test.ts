import Database from 'better-sqlite3'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { winnendenTemplate, type CreateEventResponse } from '@tablecloth/shared'
import { api, startTestServer, type TestServer } from './helpers/testServer'

describe('retention', () => {
  let server: TestServer | null = null
  afterEach(async () => {
    await server?.close()
    server = null
  })

  async function create(on: TestServer, date: string): Promise<CreateEventResponse> {
    const { status, body } = await api(on, 'POST', '/api/events', {
      body: { ...winnendenTemplate(), date },
    })
    expect(status).toBe(201)
    return body as CreateEventResponse
  }

  it('deletes events whose retention ran out when the server starts, and keeps the rest', async () => {
    server = await startTestServer()
    const dataDir = server.dataDir
    const old = await create(server, '2019-07-02')
    const recent = await create(server, '2019-07-03')
    await server.close()
    // The first event was set up long ago; the second only now, after its day.
    const db = new Database(path.join(dataDir, 'tablecloth.db'))
    db.prepare('UPDATE events SET created_at = ? WHERE id = ?').run(
      '2019-06-01T08:00:00.000Z',
      old.id,
    )
    db.close()

    server = await startTestServer({ RETENTION_DAYS: '30' }, dataDir)
    const status = async (event: CreateEventResponse) =>
      (await api(server!, 'GET', `/api/events/${event.id}`, { token: event.organiserToken })).status
    expect(await status(old)).toBe(404)
    expect(await status(recent)).toBe(200)
  })

  it('keeps every event when no retention is set', async () => {
    server = await startTestServer()
    const dataDir = server.dataDir
    const old = await create(server, '2019-07-02')
    await server.close()
    const db = new Database(path.join(dataDir, 'tablecloth.db'))
    db.prepare('UPDATE events SET created_at = ? WHERE id = ?').run(
      '2019-06-01T08:00:00.000Z',
      old.id,
    )
    db.close()
    server = await startTestServer({}, dataDir)
    expect(
      (await api(server, 'GET', `/api/events/${old.id}`, { token: old.organiserToken })).status,
    ).toBe(200)
  })
})
