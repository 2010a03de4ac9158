import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { TLRecord } from '@tldraw/tlschema'
import { YKeyValue } from 'y-utility/y-keyvalue'
import {
  BOARD_DOC,
  CloseCode,
  roomName,
  stationFrameId,
  type CreateEventResponse,
} from '@tablecloth/shared'
import { closedWith, opened, rawSocket, until } from './helpers/boardProvider'
import { noteRecord, useEventBoards } from './helpers/eventBoards'

/** Every row of every table in the store, as text, to search for what must be gone. */
function everyRow(dataDir: string): string[] {
  const db = new Database(path.join(dataDir, 'tablecloth.db'), { readonly: true })
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .pluck()
      .all() as string[]
    return tables.flatMap((table) =>
      (db.prepare(`SELECT * FROM "${table}"`).all() as Array<Record<string, unknown>>).map(
        (row) =>
          `${table}: ${Object.values(row)
            .map((value) => (Buffer.isBuffer(value) ? value.toString('latin1') : String(value)))
            .join(' | ')}`,
      ),
    )
  } finally {
    db.close()
  }
}

/** No file of the store (database, write-ahead log) holds any of `secrets` as bytes. */
function expectNoTrace(dataDir: string, secrets: string[]): void {
  for (const file of fs.readdirSync(dataDir).filter((name) => name.startsWith('tablecloth.db'))) {
    const bytes = fs.readFileSync(path.join(dataDir, file)).toString('latin1')
    for (const secret of secrets) expect(bytes.includes(secret), `${secret} in ${file}`).toBe(false)
  }
}

describe('deleting an event', () => {
  const boards = useEventBoards()

  async function seed(): Promise<{ event: CreateEventResponse; other: CreateEventResponse }> {
    const event = await boards.createEvent()
    const other = await boards.createEvent()
    const board = await boards.openTable(event, 0)
    const stationId = (
      await boards.api('GET', `/api/events/${event.id}`, { token: event.organiserToken })
    ).body.config.stations[0].id as string
    new YKeyValue<TLRecord>(board.doc.getArray(BOARD_DOC.records)).set(
      'shape:geheim',
      noteRecord({
        id: 'shape:geheim',
        parentId: stationFrameId(stationId, 0),
        x: 40,
        y: 40,
        text: 'Frau Müller-Geheim',
      }),
    )
    const table = event.links.tables[0]!
    const phone = await boards.api('POST', `/api/events/${event.id}/tables/${table.id}/notes`, {
      token: table.tokens.participant,
      body: { text: 'Telefon GEHEIMNUMMER', column: 1 },
    })
    expect(phone.status).toBe(201)
    await until(board.doc, () =>
      JSON.stringify(board.doc.getArray(BOARD_DOC.records).toJSON()).includes('GEHEIMNUMMER'),
    )
    // A station change stores snapshots of every board.
    const next = await boards.api('POST', `/api/events/${event.id}/stations/next`, {
      token: event.organiserToken,
    })
    expect(next.status).toBe(200)
    // Saved themes keep note ids and a title the organiser typed.
    const themes = await boards.api('PUT', `/api/events/${event.id}/themes`, {
      token: event.organiserToken,
      body: { themes: [{ title: 'Thema GEHEIMTHEMA', noteIds: ['shape:geheim'] }] },
    })
    expect(themes.status).toBe(200)
    return { event, other }
  }

  it('leaves nothing of the event in the store, closes its boards, and every link answers 404', async () => {
    const { event, other } = await seed()
    const table = event.links.tables[0]!
    const socket = rawSocket(
      `${boards.server().wsOrigin}/sync`,
      roomName(event.id, table.id),
      table.tokens.moderator,
    )
    await opened(socket)
    const closed = closedWith(socket)
    const dataDir = boards.server().dataDir
    // The scan sees what it looks for: the event and its notes (in board updates and snapshots).
    const before = everyRow(dataDir)
    expect(before.some((row) => row.includes(event.id))).toBe(true)
    expect(before.filter((row) => row.includes('Geheim')).length).toBeGreaterThan(1)
    expect(
      before.some((row) => row.startsWith('event_themes:') && row.includes('GEHEIMTHEMA')),
    ).toBe(true)

    expect(
      (await boards.api('DELETE', `/api/events/${event.id}`, { token: table.tokens.moderator }))
        .status,
    ).toBe(403)
    const deleted = await boards.api('DELETE', `/api/events/${event.id}`, {
      token: event.organiserToken,
    })
    expect(deleted.status).toBe(204)
    expect((await closed).code).toBe(CloseCode.NotFound)

    // Every link of the event, with its own token, now finds nothing.
    const gone = async (pathname: string, token: string, method = 'GET', body?: unknown) =>
      (await boards.api(method, pathname, { token, body })).status
    expect(await gone(`/api/events/${event.id}`, table.tokens.viewer)).toBe(404)
    expect(await gone(`/api/events/${event.id}/links`, event.organiserToken)).toBe(404)
    expect(await gone(`/api/events/${event.id}/results.json`, event.organiserToken)).toBe(404)
    expect(await gone(`/api/events/${event.id}/snapshots`, event.organiserToken)).toBe(404)
    expect(
      await gone(
        `/api/events/${event.id}/tables/${table.id}/notes`,
        table.tokens.participant,
        'POST',
        {
          text: 'noch da?',
          column: 0,
        },
      ),
    ).toBe(404)
    const reopened = rawSocket(
      `${boards.server().wsOrigin}/sync`,
      roomName(event.id, table.id),
      table.tokens.moderator,
    )
    expect((await closedWith(reopened)).code).toBe(CloseCode.NotFound)
    expect(await gone(`/api/events/${event.id}`, event.organiserToken, 'DELETE')).toBe(404)

    // The store's files keep no byte of it either, while the server runs: deleted pages are
    // overwritten and the write-ahead log is emptied.
    expectNoTrace(dataDir, [event.id, 'Geheim', 'GEHEIMNUMMER', 'GEHEIMTHEMA'])

    // The store holds no row that names the event or carries its notes; the other event is intact.
    await boards.server().close()
    const rows = everyRow(dataDir)
    // Blobs are searched as bytes, so the markers are plain ASCII.
    for (const secret of [event.id, 'Geheim', 'GEHEIMNUMMER', 'GEHEIMTHEMA']) {
      expect(
        rows.filter((row) => row.includes(secret)),
        secret,
      ).toEqual([])
    }
    expect(rows.some((row) => row.includes(other.id))).toBe(true)
    expectNoTrace(dataDir, [event.id, 'Geheim', 'GEHEIMNUMMER', 'GEHEIMTHEMA'])
  })
})
