import { describe, expect, it } from 'vitest'
import { useEventBoards } from './helpers/eventBoards'

/**
 * Every HTTP route that reads a body, fed what no client of ours sends:
 * each answers 4xx with a JSON error, and the event is unharmed.
 */
describe('bad input on the HTTP routes', () => {
  const boards = useEventBoards()

  it('answers broken JSON, wrong types and oversized bodies with a 4xx JSON error', async () => {
    const event = await boards.createEvent()
    const table = event.links.tables[0]!
    const routes: Array<{ path: string; token?: string; wrongTypes: unknown[] }> = [
      { path: '/api/events', wrongTypes: [[], 'text', { title: 42 }, null] },
      {
        path: `/api/events/${event.id}/timer`,
        token: event.organiserToken,
        wrongTypes: [
          [],
          { action: 7 },
          { action: 'extend', seconds: '60' },
          { action: 'extend', seconds: 1e9 },
        ],
      },
      {
        path: `/api/events/${event.id}/links/rotate`,
        token: event.organiserToken,
        wrongTypes: [[], { role: 1 }, { role: 'moderator', tableId: {} }],
      },
      {
        path: `/api/events/${event.id}/tables/${table.id}/notes`,
        token: table.tokens.participant,
        wrongTypes: [
          [],
          { text: 5, column: 0 },
          { text: 'x', column: '0' },
          { text: 'x'.repeat(501), column: 0 },
          { text: 'x', column: 99 },
        ],
      },
    ]
    for (const route of routes) {
      const send = (rawBody: string, contentType = 'application/json') =>
        boards.api('POST', route.path, {
          ...(route.token && { token: route.token }),
          rawBody,
          contentType,
        })
      for (const rawBody of ['{', '{"a":}', '\u0000\u0001', 'ünïcödé', '']) {
        const { status, body } = await send(rawBody)
        expect(status, `${route.path} with ${JSON.stringify(rawBody)}`).toBeGreaterThanOrEqual(400)
        expect(status).toBeLessThan(500)
        expect(typeof body.error.message, route.path).toBe('string')
      }
      for (const value of route.wrongTypes) {
        const { status, body } = await send(JSON.stringify(value))
        expect(
          status,
          `${route.path} with ${JSON.stringify(value).slice(0, 40)}`,
        ).toBeGreaterThanOrEqual(400)
        expect(status).toBeLessThan(500)
        expect(body.error.code).toBeTruthy()
      }
      const huge = await send(JSON.stringify({ text: 'x'.repeat(2 * 1024 * 1024) }))
      expect(huge.status, `${route.path} with 2 MiB`).toBe(413)
    }
    // Nothing of that reached the event.
    const view = await boards.api('GET', `/api/events/${event.id}`, { token: event.organiserToken })
    expect(view.status).toBe(200)
    expect(view.body.currentStation).toBe(0)
    const results = await boards.api('GET', `/api/events/${event.id}/results.json`, {
      token: event.organiserToken,
    })
    expect(
      results.body.tables[0].stations[0].columns.flatMap((c: { notes: unknown[] }) => c.notes),
    ).toEqual([])
  })
})
