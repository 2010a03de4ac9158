import { type CreateEventResponse, CloseCode } from '@tablecloth/shared'
import { afterEach, describe, expect, it } from 'vitest'
import { type BoardProvider, docMatches, serverClose, synced } from './helpers/boardProvider'
import { noteRecord, recordsOf } from './helpers/eventBoards'
import { CuttableLink, ScratchRedis } from './helpers/outages'
import { createTestSchema, testDatabaseUrl, testRedisUrl } from './helpers/sharedServices'
import {
  api,
  createReferenceEvent,
  openFirstTable,
  startTestServer,
  type TestServer,
} from './helpers/testServer'

const baseUrl = testDatabaseUrl()
const redisAvailable = testRedisUrl() !== null

/** What a test started, undone in reverse order whatever happened. */
const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

const createEvent = createReferenceEvent

function moderatorBoard(server: TestServer, event: CreateEventResponse): BoardProvider {
  return openFirstTable(server, event, (opened) => cleanups.push(() => opened.destroy()))
}

function writeNote(board: BoardProvider, id: string, text: string): void {
  recordsOf(board.doc).set(
    `shape:${id}`,
    noteRecord({ id: `shape:${id}`, parentId: 'page:page', x: 0, y: 0, text }),
  )
}

const hasNote = (id: string) => (doc: import('yjs').Doc) => recordsOf(doc).has(`shape:${id}`)

async function health(server: TestServer): Promise<{ status: number; body: unknown }> {
  return api(server, 'GET', '/healthz')
}

function phoneNote(server: TestServer, event: CreateEventResponse, text: string) {
  const table = event.links.tables[0]!
  return api(server, 'POST', `/api/events/${event.id}/tables/${table.id}/notes`, {
    token: table.tokens.participant,
    body: { text, column: 0 },
  })
}

describe.skipIf(baseUrl === null || !redisAvailable)('when a shared service goes away', () => {
  it('Redis: edits are refused with 4507 and /healthz says 503; once it is back the boards heal and nothing typed is lost', async () => {
    const redis = await ScratchRedis.start()
    cleanups.push(() => redis.down())
    const schema = createTestSchema(baseUrl!)
    cleanups.push(() => schema.drop())
    const server = await startTestServer({ DATABASE_URL: schema.url, REDIS_URL: redis.url })
    cleanups.push(() => server.close())
    await expect.poll(async () => (await health(server)).status, { timeout: 30_000 }).toBe(200)

    const event = await createEvent(server)
    const moderator = moderatorBoard(server, event)
    const watcher = moderatorBoard(server, event)
    await Promise.all([synced(moderator), synced(watcher)])
    writeNote(moderator, 'before', 'Kinderbetreuungsangebote')
    await docMatches(watcher, hasNote('before'))

    const refused = serverClose(moderator)
    await redis.down()
    expect((await refused).code).toBe(CloseCode.StorageFailure)
    await expect
      .poll(async () => (await health(server)).body, { timeout: 30_000 })
      .toMatchObject({ ok: false, store: { ok: true }, relay: { ok: false } })
    const sent = await phoneNote(server, event, 'Während Redis fehlt')
    expect(sent.status).toBe(503)
    expect(sent.body).toMatchObject({ error: { code: 'storage_failure' } })
    // Typed on the moderator's laptop while the server refuses: kept there.
    writeNote(moderator, 'during', 'Straßenbeleuchtung im Park')

    await redis.up()
    await expect.poll(async () => (await health(server)).status, { timeout: 30_000 }).toBe(200)
    // The stock provider reconnects by itself and sends what it kept.
    await docMatches(watcher, hasNote('during'))
    expect((await phoneNote(server, event, 'Wieder da')).status).toBe(201)
  })
})

describe.skipIf(baseUrl === null)('when PostgreSQL goes away', () => {
  it('edits are refused with 4507, phone notes with 503, /healthz says 503; once it is back the board heals and nothing typed is lost', async () => {
    const schema = createTestSchema(baseUrl!)
    cleanups.push(() => schema.drop())
    const postgres = new URL(baseUrl!)
    const link = await CuttableLink.open({
      host: postgres.hostname,
      port: Number(postgres.port || 5432),
    })
    cleanups.push(() => link.close())
    const server = await startTestServer({ DATABASE_URL: link.through(schema.url) })
    cleanups.push(() => server.close())

    const event = await createEvent(server)
    const moderator = moderatorBoard(server, event)
    const watcher = moderatorBoard(server, event)
    await Promise.all([synced(moderator), synced(watcher)])
    writeNote(moderator, 'before', 'Mehr Bänke im Stadtgarten')
    await docMatches(watcher, hasNote('before'))

    await link.cut()
    const refused = serverClose(moderator)
    writeNote(moderator, 'during', 'Sprachgebrauch im Ehrenamt')
    expect((await refused).code).toBe(CloseCode.StorageFailure)
    expect((await health(server)).body).toMatchObject({ ok: false, store: { ok: false } })
    expect((await phoneNote(server, event, 'Während die Datenbank fehlt')).status).toBe(503)

    await link.mend()
    await expect.poll(async () => (await health(server)).status, { timeout: 30_000 }).toBe(200)
    await docMatches(watcher, hasNote('during'))
    expect((await phoneNote(server, event, 'Wieder da')).status).toBe(201)
  })
})
