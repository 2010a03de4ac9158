import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import type { TLRecord } from '@tldraw/tlschema'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { BOARD_DOC, type LiveBoardResponse } from '@tablecloth/shared'
import { until } from './helpers/boardProvider'
import { noteRecord, useEventBoards } from './helpers/eventBoards'

const { createEvent, openTable, api } = useEventBoards()

function addNote(doc: Y.Doc, id: string, text: string): void {
  new YKeyValue<TLRecord>(doc.getArray(BOARD_DOC.records)).set(
    `shape:${id}`,
    noteRecord({ id: `shape:${id}`, parentId: 'page:page', x: 400, y: 400, text }),
  )
}

describe('GET /api/events/:id/tables/:tableId/board', () => {
  it('answers the organiser with the board as it is now', async () => {
    const event = await createEvent()
    const table = event.links.tables[1]!
    const board = await openTable(event, 1)
    addNote(board.doc, 'fresh', 'Gerade eben geschrieben „live“')

    // Seen by a second client, the note has gone through the server.
    const observer = await openTable(event, 1)
    const written = () =>
      new YKeyValue<TLRecord>(observer.doc.getArray(BOARD_DOC.records)).has('shape:fresh')
    await until(observer.doc, written)

    const answer = await api('GET', `/api/events/${event.id}/tables/${table.id}/board`, {
      token: event.organiserToken,
    })
    expect(answer.status).toBe(200)
    const body = answer.body as LiveBoardResponse
    expect(body).toMatchObject({ tableId: table.id, stationIndex: 0 })
    expect(Date.parse(body.at)).toBeGreaterThan(Date.now() - 60_000)
    expect(JSON.stringify(body.records)).toContain('Gerade eben geschrieben „live“')
    const frames = body.records.filter((record) => (record as { type?: string }).type === 'frame')
    expect(frames.length).toBeGreaterThan(0)
  })

  it('is the organiser’s alone, and names an unknown table', async () => {
    const event = await createEvent()
    const table = event.links.tables[0]!
    const path = `/api/events/${event.id}/tables/${table.id}/board`
    expect((await api('GET', path)).status).toBe(401)
    expect((await api('GET', path, { token: table.tokens.moderator })).status).toBe(403)
    expect((await api('GET', path, { token: table.tokens.viewer })).status).toBe(403)
    expect((await api('GET', path, { token: table.tokens.participant })).status).toBe(403)
    const gallery = new URL(event.links.gallery).hash.match(/token=([^&]+)/)![1]!
    expect((await api('GET', path, { token: gallery })).status).toBe(403)

    const unknown = await api('GET', `/api/events/${event.id}/tables/nope/board`, {
      token: event.organiserToken,
    })
    expect(unknown.status).toBe(404)
    expect(unknown.body.error).toMatchObject({ code: 'not_found', field: 'tableId' })
  })
})
