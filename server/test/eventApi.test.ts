import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { winnendenTemplate, type CreateEventResponse } from '@tablecloth/shared'
import { api, startTestServer, type TestServer } from './helpers/testServer'

let server: TestServer
beforeEach(async () => {
  server = await startTestServer()
})
afterEach(async () => {
  await server.close()
})

async function createEvent(): Promise<CreateEventResponse> {
  const { status, body } = await api(server, 'POST', '/api/events', { body: winnendenTemplate() })
  expect(status).toBe(201)
  return body as CreateEventResponse
}

describe('POST /api/events', () => {
  it('creates the reference day with one link set per table, in config order', async () => {
    const created = await createEvent()
    const template = winnendenTemplate()
    expect(created.id).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(created.organiserToken).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(created.links.tables.map((table) => table.title)).toEqual(
      template.tables.map((table) => table.topic),
    )
    for (const table of created.links.tables) {
      expect(table.board).toBe(
        `${server.origin}/e/${created.id}/t/${table.id}#token=${table.tokens.moderator}`,
      )
      expect(table.projector).toContain(`#token=${table.tokens.viewer}`)
      expect(table.participant).toContain(`#token=${table.tokens.participant}`)
      expect(new Set(Object.values(table.tokens)).size).toBe(3)
    }
  })

  it('names the field and reason when the config is invalid', async () => {
    const config = winnendenTemplate()
    config.stations[1]!.columns = []
    const { status, body } = await api(server, 'POST', '/api/events', { body: config })
    expect(status).toBe(400)
    expect(body.error.code).toBe('validation_failed')
    expect(body.error.field).toBe('stations.1.columns')
    expect(body.error.message).toContain('stations.1.columns')
  })

  it('answers bad JSON, wrong content type and wrong types with a JSON 4xx', async () => {
    const badJson = await api(server, 'POST', '/api/events', { rawBody: '{"title": ' })
    expect(badJson).toMatchObject({ status: 400, body: { error: { code: 'invalid_json' } } })
    const wrongType = await api(server, 'POST', '/api/events', {
      rawBody: 'title=x',
      contentType: 'application/x-www-form-urlencoded',
    })
    expect(wrongType).toMatchObject({
      status: 415,
      body: { error: { code: 'unsupported_media_type' } },
    })
    const notAnObject = await api(server, 'POST', '/api/events', { body: [1, 2, 3] })
    expect(notAnObject).toMatchObject({
      status: 400,
      body: { error: { code: 'validation_failed' } },
    })
    const wrongField = await api(server, 'POST', '/api/events', {
      body: { ...winnendenTemplate(), tables: 'Sprache' },
    })
    expect(wrongField.body.error.field).toBe('tables')
  })

  it('refuses bodies larger than the message limit with 413', async () => {
    const huge = { ...winnendenTemplate(), venue: 'x'.repeat(server.config.maxMessageBytes + 10) }
    const { status, body } = await api(server, 'POST', '/api/events', { body: huge })
    expect(status).toBe(413)
    expect(body.error.code).toBe('payload_too_large')
  })
})

describe('GET /api/events/:id', () => {
  it('returns the event with its current station to any link of the event', async () => {
    const created = await createEvent()
    const moderator = created.links.tables[0]!.tokens.moderator
    const { status, body } = await api(server, 'GET', `/api/events/${created.id}`, {
      token: moderator,
    })
    expect(status).toBe(200)
    expect(body.currentStation).toBe(0)
    expect(body.config.stations[0].columns).toEqual(['Was läuft gut?', 'Wo hakt es?'])
    expect(typeof body.serverTime).toBe('number')
  })

  it('answers 401 without a token and 403 with another event’s token', async () => {
    const first = await createEvent()
    const second = await createEvent()
    expect((await api(server, 'GET', `/api/events/${first.id}`)).status).toBe(401)
    const foreign = await api(server, 'GET', `/api/events/${first.id}`, {
      token: second.organiserToken,
    })
    expect(foreign.status).toBe(403)
    expect(foreign.body.error.code).toBe('forbidden')
  })

  it('answers unknown API routes and methods with JSON', async () => {
    expect((await api(server, 'GET', '/api/nothing')).body.error.code).toBe('not_found')
    expect((await api(server, 'DELETE', '/api/events')).status).toBe(405)
  })
})

describe('organiser links', () => {
  it('lists every link again for the organiser only', async () => {
    const created = await createEvent()
    const listed = await api(server, 'GET', `/api/events/${created.id}/links`, {
      token: created.organiserToken,
    })
    expect(listed.status).toBe(200)
    expect(listed.body).toEqual(created.links)
    const byModerator = await api(server, 'GET', `/api/events/${created.id}/links`, {
      token: created.links.tables[0]!.tokens.moderator,
    })
    expect(byModerator.status).toBe(403)
  })
})
