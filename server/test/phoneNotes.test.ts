import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { createTLSchema, type TLRecord } from '@tldraw/tlschema'
import {
  BOARD_DOC,
  NOTE_SIZE,
  NOTE_TEXT_MAX_LENGTH,
  PHONE_NOTE_RATE,
  readBoardContents,
  rectContainsPoint,
  rectCentre,
  rectsOverlap,
  richTextToPlain,
  stationFrameId,
  type CreateEventResponse,
} from '@tablecloth/shared'
import { docMatches } from './helpers/boardProvider'
import { useEventBoards } from './helpers/eventBoards'
import { startTestServer } from './helpers/testServer'

const { createEvent, openTable, api, server } = useEventBoards()

function notesPath(event: CreateEventResponse, tableIndex: number): string {
  return `/api/events/${event.id}/tables/${event.links.tables[tableIndex]!.id}/notes`
}

function participantOf(event: CreateEventResponse, tableIndex: number): string {
  return event.links.tables[tableIndex]!.tokens.participant
}

function sendNote(event: CreateEventResponse, tableIndex: number, body: unknown, token?: string) {
  return api('POST', notesPath(event, tableIndex), {
    token: token ?? participantOf(event, tableIndex),
    body,
  })
}

/** POSTs a note from a given local address, as another phone on the venue network would. */
function sendNoteFrom(
  localAddress: string,
  path: string,
  token: string,
  body: unknown,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: any }> {
  const payload = JSON.stringify(body)
  return new Promise((resolve, reject) => {
    const request = http.request(
      server().origin + path,
      {
        method: 'POST',
        localAddress,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: JSON.parse(text),
          })
        })
        response.on('error', reject)
      },
    )
    request.on('error', reject)
    request.end(payload)
  })
}

function records(doc: Y.Doc): TLRecord[] {
  return [...new YKeyValue<TLRecord>(doc.getArray(BOARD_DOC.records)).map.values()].map(
    (entry) => entry.val,
  )
}

function recordOf(doc: Y.Doc, id: string): TLRecord | undefined {
  return records(doc).find((record) => record.id === id)
}

/** The board's notes with page-space bounds, as results and the control room read them. */
function boardNotes(doc: Y.Doc) {
  return readBoardContents(records(doc))
}

function columnBounds(doc: Y.Doc, stationId: string, columnIndex: number) {
  const column = boardNotes(doc).columns.find(
    (area) => area.stationId === stationId && area.columnIndex === columnIndex,
  )
  if (!column) throw new Error(`no column ${columnIndex} of ${stationId}`)
  return column.bounds
}

describe('POST /api/events/:id/tables/:tableId/notes', () => {
  it('writes the note into the chosen column of every open board, text intact and valid for tldraw', async () => {
    const event = await createEvent()
    const board = await openTable(event, 0)
    const text = '„Kita-Plätze“ fehlen – Straße 🚸\nمرحبا بكم في الطاولة'

    const sent = await sendNote(event, 0, { text, column: 1 })
    expect(sent.status).toBe(201)
    const id = sent.body.id as string
    expect(id).toMatch(/^shape:/)
    await docMatches(board, (doc) => recordOf(doc, id) !== undefined)

    const note = recordOf(board.doc, id) as TLRecord & {
      type: string
      parentId: string
      x: number
      y: number
      meta: Record<string, unknown>
      props: { richText: unknown }
    }
    expect(note.type).toBe('note')
    expect(richTextToPlain(note.props.richText)).toBe(text)
    expect(note.parentId).toBe(stationFrameId('s1', 1))
    expect(note.meta).toMatchObject({ via: 'phone', stationId: 's1' })
    expect(Date.parse(String(note.meta.createdAt))).not.toBeNaN()
    // Children of a frame are stored relative to it, inside it.
    const column = columnBounds(board.doc, 's1', 1)
    expect(note.x).toBeGreaterThanOrEqual(0)
    expect(note.y).toBeGreaterThanOrEqual(0)
    expect(note.x + NOTE_SIZE).toBeLessThanOrEqual(column.w)
    expect(note.y + NOTE_SIZE).toBeLessThanOrEqual(column.h)
    const schema = createTLSchema()
    expect(() => schema.types.shape.validate(note)).not.toThrow()
  })

  it('places each note at a free place of its column, next to what is there already', async () => {
    const event = await createEvent()
    const board = await openTable(event, 1)
    const first = await sendNote(event, 1, { text: 'Erste Karte', column: 0 })
    const second = await sendNote(event, 1, { text: 'Zweite Karte', column: 0 })
    const third = await sendNote(event, 1, { text: 'Andere Frage', column: 1 })
    expect([first.status, second.status, third.status]).toEqual([201, 201, 201])
    await docMatches(board, (doc) => boardNotes(doc).notes.length === 3)

    const notes = boardNotes(board.doc).notes
    const byText = (text: string) => notes.find((note) => note.text === text)!.bounds
    expect(rectsOverlap(byText('Erste Karte'), byText('Zweite Karte'))).toBe(false)
    expect(
      rectContainsPoint(columnBounds(board.doc, 's1', 0), rectCentre(byText('Erste Karte'))),
    ).toBe(true)
    expect(
      rectContainsPoint(columnBounds(board.doc, 's1', 0), rectCentre(byText('Zweite Karte'))),
    ).toBe(true)
    expect(
      rectContainsPoint(columnBounds(board.doc, 's1', 1), rectCentre(byText('Andere Frage'))),
    ).toBe(true)
  })

  it('files notes under the station that is running now', async () => {
    const event = await createEvent()
    await api('POST', `/api/events/${event.id}/stations/next`, {
      token: event.organiserToken,
    })
    const board = await openTable(event, 0)
    const sent = await sendNote(event, 0, { text: 'Ziel: Sprachcafé', column: 1, stationId: 's2' })
    expect(sent.status).toBe(201)
    await docMatches(board, (doc) => recordOf(doc, sent.body.id) !== undefined)
    const note = recordOf(board.doc, sent.body.id) as TLRecord & { parentId: string; meta: object }
    expect(note.parentId).toBe(stationFrameId('s2', 1))
    expect(note.meta).toMatchObject({ stationId: 's2' })
  })

  it('refuses a note meant for a station that has ended', async () => {
    const event = await createEvent()
    await api('POST', `/api/events/${event.id}/stations/next`, {
      token: event.organiserToken,
    })
    const stale = await sendNote(event, 0, { text: 'Zu spät', column: 0, stationId: 's1' })
    expect(stale.status).toBe(409)
    expect(stale.body.error).toMatchObject({ code: 'conflict', field: 'stationId' })
  })

  it('adds a resent note once: the same idempotency key answers with the note already written', async () => {
    const event = await createEvent()
    const board = await openTable(event, 0)
    const body = { text: 'Nur einmal', column: 0, idempotencyKey: 'draft-4f2a9c1e' }
    const first = await sendNote(event, 0, body)
    const again = await sendNote(event, 0, body)
    expect(first.status).toBe(201)
    expect(again.status).toBe(201)
    expect(again.body.id).toBe(first.body.id)
    await docMatches(board, (doc) => recordOf(doc, first.body.id) !== undefined)
    expect(boardNotes(board.doc).notes.filter((note) => note.text === 'Nur einmal')).toHaveLength(1)
  })

  it('takes notes from the organiser and the table’s moderator too', async () => {
    const event = await createEvent()
    const asOrganiser = await sendNote(event, 0, { text: 'Orga', column: 0 }, event.organiserToken)
    const asModerator = await sendNote(
      event,
      0,
      { text: 'Moderation', column: 0 },
      event.links.tables[0]!.tokens.moderator,
    )
    expect([asOrganiser.status, asModerator.status]).toEqual([201, 201])
  })
})

describe('what the notes route refuses', () => {
  it.each([
    ['no text', { column: 0 }, 'text', 'required'],
    ['an empty text', { text: ' \n\t ', column: 0 }, 'text', 'required'],
    ['a text that is not a string', { text: ['Liste'], column: 0 }, 'text', 'invalid_type'],
    ['no column', { text: 'Ohne Spalte' }, 'column', 'required'],
    ['a column that is not a number', { text: 'x', column: '1' }, 'column', 'not_a_number'],
    ['a column past the last question', { text: 'x', column: 2 }, 'column', 'out_of_range'],
    ['a negative column', { text: 'x', column: -1 }, 'column', 'out_of_range'],
  ])('answers 400 for %s, naming the field', async (_, body, field, code) => {
    const event = await createEvent()
    const { status, body: answer } = await sendNote(event, 0, body)
    expect(status).toBe(400)
    expect(answer.error).toMatchObject({ code: 'validation_failed', field })
    expect(answer.error.details[0]).toMatchObject({ field, code })
  })

  it(`takes ${NOTE_TEXT_MAX_LENGTH} characters and refuses one more as too long`, async () => {
    const event = await createEvent()
    // Emoji are two UTF-16 units each; the limit counts characters.
    const longest = 'ß🚸'.repeat(NOTE_TEXT_MAX_LENGTH / 2)
    expect((await sendNote(event, 0, { text: longest, column: 0 })).status).toBe(201)
    const { status, body } = await sendNote(event, 0, { text: `${longest}!`, column: 0 })
    expect(status).toBe(400)
    expect(body.error).toMatchObject({
      code: 'validation_failed',
      field: 'text',
      message: 'text: too long',
    })
    expect(body.error.details[0]).toMatchObject({
      code: 'too_long',
      params: { max: NOTE_TEXT_MAX_LENGTH },
    })
  })

  it('refuses a body far larger than any note with 413', async () => {
    const event = await createEvent()
    const { status, body } = await sendNote(event, 0, { text: 'x'.repeat(20_000), column: 0 })
    expect(status).toBe(413)
    expect(body.error.code).toBe('payload_too_large')
  })

  it('answers 401 without a token or with an unknown one', async () => {
    const event = await createEvent()
    const path = notesPath(event, 0)
    const missing = await api('POST', path, { body: { text: 'x', column: 0 } })
    const unknown = await api('POST', path, {
      token: 'A'.repeat(43),
      body: { text: 'x', column: 0 },
    })
    expect([missing.status, unknown.status]).toEqual([401, 401])
    expect(missing.body.error.code).toBe('unauthorized')
  })

  it('answers 403 for a projector link, or a link of another table', async () => {
    const event = await createEvent()
    const note = { text: 'Falscher Tisch', column: 0 }
    const otherTable = event.links.tables[1]!.tokens
    const viewer = await sendNote(event, 0, note, event.links.tables[0]!.tokens.viewer)
    const otherParticipant = await sendNote(event, 0, note, otherTable.participant)
    const otherModerator = await sendNote(event, 0, note, otherTable.moderator)
    expect([viewer.status, otherParticipant.status, otherModerator.status]).toEqual([403, 403, 403])
    expect(viewer.body.error.code).toBe('forbidden')
  })

  it('answers 404 for a table the event does not have', async () => {
    const event = await createEvent()
    const { status } = await api('POST', `/api/events/${event.id}/tables/nope/notes`, {
      token: event.organiserToken,
      body: { text: 'x', column: 0 },
    })
    expect(status).toBe(404)
  })
})

describe('the phone rate limit', () => {
  it(`lets one phone send ${PHONE_NOTE_RATE.burst} notes at once, then answers 429 with Retry-After`, async () => {
    const event = await createEvent()
    const path = notesPath(event, 0)
    const token = participantOf(event, 0)
    for (let i = 0; i < PHONE_NOTE_RATE.burst; i++) {
      const accepted = await sendNoteFrom('127.0.0.1', path, token, {
        text: `Karte ${i}`,
        column: 0,
      })
      expect(accepted.status).toBe(201)
    }
    const refused = await sendNoteFrom('127.0.0.1', path, token, {
      text: 'Eine zu viel',
      column: 0,
    })
    expect(refused.status).toBe(429)
    expect(refused.body.error.code).toBe('rate_limited')
    const retryAfter = Number(refused.headers['retry-after'])
    // One note more every 60 / perMinute seconds.
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(60 / PHONE_NOTE_RATE.perMinute)
    expect(refused.body.error.details).toEqual({ retryAfterSeconds: retryAfter })

    // Another phone at the same table, and another table, are not held back.
    const neighbour = await sendNoteFrom('127.0.0.2', path, token, { text: 'Nachbar', column: 0 })
    expect(neighbour.status).toBe(201)
    const otherTable = await sendNoteFrom(
      '127.0.0.1',
      notesPath(event, 1),
      participantOf(event, 1),
      {
        text: 'Anderer Tisch',
        column: 0,
      },
    )
    expect(otherTable.status).toBe(201)
  })

  it('does not count notes it refused as invalid', async () => {
    const event = await createEvent()
    for (let i = 0; i < PHONE_NOTE_RATE.burst + 2; i++) {
      expect((await sendNote(event, 0, { text: '', column: 0 })).status).toBe(400)
    }
    expect((await sendNote(event, 0, { text: 'Jetzt aber', column: 0 })).status).toBe(201)
  })
})

describe('GET /api/events/:id with a phone link', () => {
  it('shows the participant the event with the current station’s questions', async () => {
    const event = await createEvent()
    const { status, body } = await api('GET', `/api/events/${event.id}`, {
      token: participantOf(event, 3),
    })
    expect(status).toBe(200)
    expect(body.currentStation).toBe(0)
    expect(body.config.stations[0].columns).toEqual(['Was läuft gut?', 'Wo hakt es?'])
  })
})

describe('the phone page', () => {
  it('is what a phone link opens, not the board app', async () => {
    const clientDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tablecloth-client-'))
    fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>board app</title>')
    fs.writeFileSync(path.join(clientDir, 'phone.html'), '<!doctype html><title>phone page</title>')
    const withClient = await startTestServer({ CLIENT_DIR: clientDir })
    try {
      const page = async (pathname: string) => {
        const response = await fetch(withClient.origin + pathname)
        return `${response.status} ${await response.text()}`
      }
      expect(await page('/p/ev1/t1')).toBe('200 <!doctype html><title>phone page</title>')
      expect(await page('/p/ev1/t1/')).toContain('phone page')
      expect(await page('/e/ev1/t/t1')).toContain('board app')
      expect(await page('/p/ev1')).toContain('board app')
    } finally {
      await withClient.close()
      fs.rmSync(clientDir, { recursive: true, force: true })
    }
  })
})
