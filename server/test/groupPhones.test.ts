import type * as Y from 'yjs'
import { YKeyValue } from 'y-utility/y-keyvalue'
import type { TLRecord } from '@tldraw/tlschema'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  BOARD_DOC,
  generateRotationPlan,
  type CreateEventResponse,
  type EventConfigInput,
  type RotationConfig,
} from '@tablecloth/shared'
import { docMatches } from './helpers/boardProvider'
import { useEventBoards } from './helpers/eventBoards'
import { createTestSchema, type TestSchema, testDatabaseUrl } from './helpers/sharedServices'

/** Three tables, three stations, three groups, seated as `rotation` says. */
function cafe(rotation: RotationConfig = { mode: 'generated' }): EventConfigInput {
  return {
    title: 'Gruppen-Café',
    date: '2026-03-01',
    tables: [{ topic: 'Sprache' }, { topic: 'Arbeitsmarktintegration' }, { topic: 'Wohnen' }],
    stations: [
      { title: 'Ankommen', columns: ['Was läuft gut?', 'Was fehlt?'], durationMinutes: 20 },
      { title: 'Vertiefen', columns: ['Was braucht es?'], durationMinutes: 20 },
      { title: 'Ernten', columns: ['Was nehmen wir mit?'], durationMinutes: 20 },
    ],
    groups: [
      { name: 'Gelb', colour: 'yellow' },
      { name: 'Blau', colour: 'blue' },
      { name: 'Grün', colour: 'green' },
    ],
    rotation,
  }
}

/** Where the generated plan seats group `g2` in each station. */
const PLAN = generateRotationPlan(['g1', 'g2', 'g3'], ['t1', 't2', 't3'], 3)

function groupToken(event: CreateEventResponse, groupId: string): string {
  return event.links.groups.find((group) => group.id === groupId)!.tokens.participant
}

type StoredNote = TLRecord & { meta: Record<string, unknown>; props: { color: string } }

function noteRecord(doc: Y.Doc, id: string): StoredNote | undefined {
  const store = new YKeyValue<TLRecord>(doc.getArray(BOARD_DOC.records))
  return store.get(id) as StoredNote | undefined
}

/**
 * The group-link suite, run on SQLite and, when the shared services run
 * (`. scripts/sharedServices.sh`), on PostgreSQL: the token's `group_id`
 * column comes from a migration both engines run.
 */
function groupPhoneSuite(env: () => Record<string, string>): void {
  const { createEvent, openTable, api } = useEventBoards(env)

  function sendNote(event: CreateEventResponse, tableId: string, token: string, body: object = {}) {
    return api('POST', `/api/events/${event.id}/tables/${tableId}/notes`, {
      token,
      body: { text: 'Mehr Sprachkurse am Abend', column: 0, ...body },
    })
  }

  it('gives every group a phone link when the event is created and when the control room lists links', async () => {
    const event = await createEvent(cafe())
    expect(event.links.groups.map(({ id, name }) => ({ id, name }))).toEqual([
      { id: 'g1', name: 'Gelb' },
      { id: 'g2', name: 'Blau' },
      { id: 'g3', name: 'Grün' },
    ])
    for (const group of event.links.groups) {
      expect(group.participant).toMatch(
        new RegExp(`/p/${event.id}/g/${group.id}#token=${group.tokens.participant}$`),
      )
    }
    const links = await api('GET', `/api/events/${event.id}/links`, { token: event.organiserToken })
    expect(links.status).toBe(200)
    expect(links.body.groups).toEqual(event.links.groups)
  })

  it('gives groups phone links in free rotation too, and none to an event without groups', async () => {
    const free = await createEvent(cafe({ mode: 'free' }))
    expect(free.links.groups).toHaveLength(3)
    const none = await createEvent({ ...cafe({ mode: 'free' }), groups: [] })
    expect(none.links.groups).toEqual([])
  })

  it("tells a group's phone where its group sits now, and moves it at every station change", async () => {
    const event = await createEvent(cafe())
    const token = groupToken(event, 'g2')
    for (let station = 0; station < 3; station++) {
      const view = await api('GET', `/api/events/${event.id}`, { token })
      expect(view.status).toBe(200)
      const tableId = PLAN[station]!.g2!
      const number = Number(tableId.slice(1))
      const title = cafe().tables[number - 1]!.topic
      expect(view.body.seat).toEqual({ tableId, title, number })
      if (station < 2) {
        const next = await api('POST', `/api/events/${event.id}/stations/next`, {
          token: event.organiserToken,
          body: { from: station },
        })
        expect(next.status).toBe(200)
      }
    }
  })

  it('answers seat null in free rotation, and no seat at all to other links', async () => {
    const free = await createEvent(cafe({ mode: 'free' }))
    const view = await api('GET', `/api/events/${free.id}`, { token: groupToken(free, 'g1') })
    expect(view.status).toBe(200)
    expect(view.body.seat).toBeNull()
    const table = await api('GET', `/api/events/${free.id}`, {
      token: free.links.tables[0]!.tokens.participant,
    })
    expect(table.status).toBe(200)
    expect(table.body).not.toHaveProperty('seat')
  })

  it("writes a group's note onto its seat's board with the group's stamp and colour", async () => {
    const event = await createEvent(cafe())
    const seat = PLAN[0]!.g2!
    const board = await openTable(event, Number(seat.slice(1)) - 1)
    const sent = await sendNote(event, seat, groupToken(event, 'g2'), { stationId: 's1' })
    expect(sent.status).toBe(201)
    await docMatches(board, (doc) => noteRecord(doc, sent.body.id) !== undefined)
    const note = noteRecord(board.doc, sent.body.id)!
    expect(note.meta).toMatchObject({ via: 'phone', stationId: 's1', groupId: 'g2' })
    expect(note.props.color).toBe('blue')
  })

  it("refuses a group's note at another table with 403, and at another event's table", async () => {
    const event = await createEvent(cafe())
    const other = await createEvent(cafe())
    const token = groupToken(event, 'g2')
    const elsewhere = ['t1', 't2', 't3'].find((tableId) => tableId !== PLAN[0]!.g2)!
    const refused = await sendNote(event, elsewhere, token)
    expect(refused.status).toBe(403)
    expect(refused.body.error).toMatchObject({ code: 'forbidden' })
    expect(typeof refused.body.error.message).toBe('string')
    const foreign = await api('POST', `/api/events/${other.id}/tables/${PLAN[0]!.g2}/notes`, {
      token,
      body: { text: 'Falsches Café', column: 0 },
    })
    expect(foreign.status).toBe(403)
  })

  it('refuses a note at the old seat once the station has moved the group on', async () => {
    const event = await createEvent(cafe())
    const token = groupToken(event, 'g2')
    const first = PLAN[0]!.g2!
    await api('POST', `/api/events/${event.id}/stations/next`, {
      token: event.organiserToken,
      body: { from: 0 },
    })
    expect((await sendNote(event, first, token)).status).toBe(403)
    expect((await sendNote(event, PLAN[1]!.g2!, token)).status).toBe(201)
  })

  it('lets a group in free rotation write at any table of its event', async () => {
    const event = await createEvent(cafe({ mode: 'free' }))
    const token = groupToken(event, 'g1')
    for (const tableId of ['t1', 't2', 't3']) {
      expect((await sendNote(event, tableId, token, { text: `Notiz an ${tableId}` })).status).toBe(
        201,
      )
    }
  })

  it("rotates a group's link: the old token stops working, the new one follows the group", async () => {
    const event = await createEvent(cafe())
    const old = groupToken(event, 'g3')
    const rotated = await api('POST', `/api/events/${event.id}/links/rotate`, {
      token: event.organiserToken,
      body: { role: 'participant', groupId: 'g3' },
    })
    expect(rotated.status).toBe(200)
    const fresh = rotated.body.links.groups.find((group: { id: string }) => group.id === 'g3')
    expect(fresh.tokens.participant).not.toBe(old)
    expect((await api('GET', `/api/events/${event.id}`, { token: old })).status).toBe(401)
    const view = await api('GET', `/api/events/${event.id}`, { token: fresh.tokens.participant })
    expect(view.body.seat.tableId).toBe(PLAN[0]!.g3)
    // The other groups' links and the tables' links stay as they were.
    expect(groupToken(rotated.body, 'g1')).toBe(groupToken(event, 'g1'))
    expect(rotated.body.links.tables).toEqual(event.links.tables)
  })

  it('refuses to rotate an unknown group (404) or a group link under another role (400)', async () => {
    const event = await createEvent(cafe())
    const rotate = (body: object) =>
      api('POST', `/api/events/${event.id}/links/rotate`, { token: event.organiserToken, body })
    const unknown = await rotate({ role: 'participant', groupId: 'g9' })
    expect(unknown.status).toBe(404)
    expect(unknown.body.error).toMatchObject({ code: 'not_found', field: 'groupId' })
    const wrongRole = await rotate({ role: 'moderator', groupId: 'g1' })
    expect(wrongRole.status).toBe(400)
    expect(wrongRole.body.error).toMatchObject({ field: 'groupId' })
  })

  it("answers 404 to a deleted event's group links", async () => {
    const event = await createEvent(cafe())
    const token = groupToken(event, 'g1')
    const deleted = await api('DELETE', `/api/events/${event.id}`, { token: event.organiserToken })
    expect(deleted.status).toBe(204)
    expect((await api('GET', `/api/events/${event.id}`, { token })).status).toBe(404)
    expect((await sendNote(event, 't1', token)).status).toBe(404)
  })
}

describe('group phone links on SQLite', () => {
  groupPhoneSuite(() => ({}))
})

const baseUrl = testDatabaseUrl()

describe.skipIf(baseUrl === null)('group phone links on PostgreSQL', () => {
  let schema: TestSchema
  beforeAll(() => {
    schema = createTestSchema(baseUrl!)
  })
  afterAll(() => schema.drop())
  groupPhoneSuite(() => ({ DATABASE_URL: schema.url }))
})
