import { type CreateEventResponse, roomName } from '@tablecloth/shared'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DocStore } from '../src/store/docStore'
import { type BoardProvider, docMatches, synced } from './helpers/boardProvider'
import { noteRecord, recordsOf } from './helpers/eventBoards'
import {
  createTestSchema,
  openTestPostgres,
  testDatabaseUrl,
  testRedisUrl,
} from './helpers/sharedServices'
import {
  api,
  createReferenceEvent,
  openFirstTable,
  startTestServer,
  type TestServer,
} from './helpers/testServer'

const baseUrl = testDatabaseUrl()
const redisUrl = testRedisUrl()

const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** Two server processes' worth of app on one PostgreSQL schema and one Redis. */
async function twoProcesses(): Promise<{ a: TestServer; b: TestServer; schemaUrl: string }> {
  const schema = createTestSchema(baseUrl!)
  cleanups.push(() => schema.drop())
  const env = { DATABASE_URL: schema.url, REDIS_URL: redisUrl! }
  const a = await startTestServer(env)
  cleanups.push(() => a.close())
  const b = await startTestServer(env)
  cleanups.push(() => b.close())
  for (const server of [a, b]) {
    await expect
      .poll(async () => (await api(server, 'GET', '/healthz')).status, { timeout: 30_000 })
      .toBe(200)
  }
  return { a, b, schemaUrl: schema.url }
}

const createEvent = createReferenceEvent

function board(server: TestServer, event: CreateEventResponse): BoardProvider {
  return openFirstTable(server, event, (opened) => cleanups.push(() => opened.destroy()))
}

function note(id: string, text: string) {
  return noteRecord({ id: `shape:${id}`, parentId: 'page:page', x: 0, y: 0, text })
}

const hasNote = (id: string) => (doc: Y.Doc) => recordsOf(doc).has(`shape:${id}`)

describe.skipIf(baseUrl === null || redisUrl === null)('the relay between processes', () => {
  it('reads the board again from the store when a message was missed, and shows what it held', async () => {
    const { a, b, schemaUrl } = await twoProcesses()
    const event = await createEvent(a)
    const onA = board(a, event)
    const onB = board(b, event)
    await Promise.all([synced(onA), synced(onB)])

    // An update stored by a process whose message never arrived: in the
    // store, numbered, and published to no one.
    const lost = new Y.Doc()
    Y.applyUpdate(lost, Y.encodeStateAsUpdate(onA.doc))
    const before = Y.encodeStateVector(lost)
    recordsOf(lost).set('shape:lost', note('lost', 'Gehwege für Kinderwagen') as never)
    const store = openTestPostgres(schemaUrl)
    cleanups.push(() => store.close())
    new DocStore(store).append(
      roomName(event.id, event.links.tables[0]!.id),
      Y.encodeStateAsUpdate(lost, before),
    )

    // The next update A relays carries a number beyond the one B missed.
    recordsOf(onA.doc).set('shape:next', note('next', 'Bürgerbus am Sonntag'))
    await docMatches(onB, hasNote('next'))
    await docMatches(onB, hasNote('lost'))
    // A, whose own update came after the lost one, reads it too.
    await docMatches(onA, hasNote('lost'))
  })

  it('counts who is on a board in the control room of any process', async () => {
    const { a, b } = await twoProcesses()
    const event = await createEvent(a)
    const overview = async () => {
      const { body } = await api(a, 'GET', `/api/events/${event.id}/overview`, {
        token: event.organiserToken,
      })
      return (body as { tables: Array<{ presence: { moderators: number } }> }).tables[0]!.presence
        .moderators
    }
    const onB = board(b, event)
    await synced(onB)
    await expect.poll(overview, { timeout: 30_000 }).toBe(1)
    onB.destroy()
    await expect.poll(overview, { timeout: 30_000 }).toBe(0)
  })
})
