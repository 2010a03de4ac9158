import http from 'node:http'
import { describe, expect, it } from 'vitest'
import type { Results } from '@tablecloth/shared'
import { useEventBoards } from './helpers/eventBoards'

/**
 * Two things the organiser and the phones can do at the same moment
 * (issue 10, findings 4 and 5): a phone note whose body is still arriving
 * while the station changes, and two clicks on "weiter".
 */

const { createEvent, api, server } = useEventBoards()

/** A POST whose headers go out now and whose body is sent when `send` is called. */
function slowPost(path: string, token: string, body: unknown) {
  const payload = JSON.stringify(body)
  const request = http.request(server().origin + path, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(payload),
      // The server answers "100 Continue" as it hands the request to its route,
      // which reads the event before it waits for the body.
      expect: '100-continue',
    },
  })
  const answer = new Promise<{ status: number; body: any }>((resolve, reject) => {
    request.on('response', (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
        }),
      )
    })
    request.on('error', reject)
  })
  const headersSent = new Promise<void>((resolve) => request.once('continue', () => resolve()))
  request.flushHeaders()
  return { headersSent, send: () => request.end(payload), answer }
}

function notesOf(results: Results, stationIndex: number): string[] {
  return results.tables[0]!.stations[stationIndex]!.columns.flatMap((column) =>
    column.notes.flatMap((note) => ('notes' in note ? [] : [note.text])),
  )
}

describe('a phone note arriving while the station changes', () => {
  it('answers 201 only for a note that is in the results: it lands in the station that runs when it is written', async () => {
    const event = await createEvent()
    const table = event.links.tables[0]!
    const note = slowPost(
      `/api/events/${event.id}/tables/${table.id}/notes`,
      table.tokens.participant,
      {
        text: 'Kinderbetreuungsangebote fehlen',
        column: 1,
      },
    )
    await note.headersSent
    const next = await api('POST', `/api/events/${event.id}/stations/next`, {
      token: event.organiserToken,
      body: { from: 0 },
    })
    expect(next.status).toBe(200)
    note.send()
    const answered = await note.answer
    expect(answered.status).toBe(201)

    const results = await api('GET', `/api/events/${event.id}/results.json`, {
      token: event.organiserToken,
    })
    const texts = [...notesOf(results.body, 0), ...notesOf(results.body, 1)]
    expect(texts).toContain('Kinderbetreuungsangebote fehlen')
    expect(notesOf(results.body, 1)).toContain('Kinderbetreuungsangebote fehlen')
  })

  it('answers 409 when the phone named the station that ended meanwhile', async () => {
    const event = await createEvent()
    const table = event.links.tables[0]!
    const view = await api('GET', `/api/events/${event.id}`, { token: event.organiserToken })
    const note = slowPost(
      `/api/events/${event.id}/tables/${table.id}/notes`,
      table.tokens.participant,
      {
        text: 'Zu spät',
        column: 0,
        stationId: view.body.config.stations[0].id,
      },
    )
    await note.headersSent
    expect(
      (
        await api('POST', `/api/events/${event.id}/stations/next`, {
          token: event.organiserToken,
          body: { from: 0 },
        })
      ).status,
    ).toBe(200)
    note.send()
    expect((await note.answer).status).toBe(409)
    const results = await api('GET', `/api/events/${event.id}/results.json`, {
      token: event.organiserToken,
    })
    expect(JSON.stringify(results.body)).not.toContain('Zu spät')
  })
})

describe('two clicks on "weiter" at once', () => {
  it('moves the day once: one answer 200, the other 409 naming `from`', async () => {
    const event = await createEvent()
    const click = () =>
      api('POST', `/api/events/${event.id}/stations/next`, {
        token: event.organiserToken,
        body: { from: 0 },
      })
    const answers = await Promise.all([click(), click()])
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409])
    expect(answers.find((answer) => answer.status === 409)!.body.error.field).toBe('from')
    const view = await api('GET', `/api/events/${event.id}`, { token: event.organiserToken })
    expect(view.body.currentStation).toBe(1)
    const snapshots = await api('GET', `/api/events/${event.id}/snapshots`, {
      token: event.organiserToken,
    })
    expect(
      snapshots.body.snapshots.filter(
        (entry: { reason: string }) => entry.reason === 'station-change',
      ),
    ).toHaveLength(event.links.tables.length)
  })

  it('refuses a `from` that is not a station index with 400', async () => {
    const event = await createEvent()
    const answer = await api('POST', `/api/events/${event.id}/stations/next`, {
      token: event.organiserToken,
      body: { from: 'eins' },
    })
    expect(answer.status).toBe(400)
    expect(answer.body.error.field).toBe('from')
  })

  it('still moves on without a body, for scripts', async () => {
    const event = await createEvent()
    const answer = await api('POST', `/api/events/${event.id}/stations/next`, {
      token: event.organiserToken,
    })
    expect(answer.status).toBe(200)
    expect(answer.body.view.currentStation).toBe(1)
  })
})
