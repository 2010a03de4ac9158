import { describe, expect, it } from 'vitest'
import {
  CloseCode,
  roomName,
  type CreateEventResponse,
  type RotateLinkResponse,
} from '@tablecloth/shared'
import { closedWith, opened, rawSocket } from './helpers/boardProvider'
import { useEventBoards } from './helpers/eventBoards'

describe('rotating a link', () => {
  const boards = useEventBoards()

  function socketFor(event: CreateEventResponse, tableIndex: number, token: string) {
    const table = event.links.tables[tableIndex]!
    return rawSocket(`${boards.server().wsOrigin}/sync`, roomName(event.id, table.id), token)
  }

  async function rotate(event: CreateEventResponse, body: unknown, token = event.organiserToken) {
    return boards.api('POST', `/api/events/${event.id}/links/rotate`, { token, body })
  }

  // The server closes them before it answers the rotation, so no wait is involved (README, "Links").
  it('closes the sockets opened with the old link, and only those', async () => {
    const event = await boards.createEvent()
    const [first, second] = event.links.tables
    const revoked = socketFor(event, 0, first!.tokens.moderator)
    const otherTable = socketFor(event, 1, second!.tokens.moderator)
    const projector = socketFor(event, 0, first!.tokens.viewer)
    await Promise.all([opened(revoked), opened(otherTable), opened(projector)])
    const closed = closedWith(revoked)
    let othersClosed = false
    for (const socket of [otherTable, projector]) socket.once('close', () => (othersClosed = true))

    const { status, body } = await rotate(event, { role: 'moderator', tableId: first!.id })
    expect(status).toBe(200)
    expect(await closed).toEqual({
      code: CloseCode.Unauthorized,
      reason: 'invalid or revoked token',
    })

    // The new link works, the old one is refused, everyone else stays on.
    const rotated = body as RotateLinkResponse
    const fresh = rotated.links.tables[0]!.tokens.moderator
    expect(fresh).not.toBe(first!.tokens.moderator)
    expect(rotated.links.tables[0]!.board).toContain(`#token=${fresh}`)
    expect(rotated.links.tables[0]!.tokens.participant).toBe(first!.tokens.participant)
    const again = socketFor(event, 0, first!.tokens.moderator)
    expect((await closedWith(again)).code).toBe(CloseCode.Unauthorized)
    const renewed = socketFor(event, 0, fresh)
    await opened(renewed)
    expect(othersClosed).toBe(false)
    for (const socket of [renewed, otherTable, projector]) socket.close()
  })

  it('stops a participant link at once for the phone page', async () => {
    const event = await boards.createEvent()
    const table = event.links.tables[0]!
    const send = (token: string) =>
      boards.api('POST', `/api/events/${event.id}/tables/${table.id}/notes`, {
        token,
        body: { text: 'Mehr Räume', column: 0 },
      })
    expect((await send(table.tokens.participant)).status).toBe(201)
    const { body } = await rotate(event, { role: 'participant', tableId: table.id })
    expect((await send(table.tokens.participant)).status).toBe(401)
    expect(
      (await send((body as RotateLinkResponse).links.tables[0]!.tokens.participant)).status,
    ).toBe(201)
  })

  it('rotates the gallery link and the organiser’s own link; the other links survive', async () => {
    const event = await boards.createEvent()
    const gallery = await rotate(event, { role: 'viewer' })
    expect(gallery.status).toBe(200)
    expect((gallery.body as RotateLinkResponse).links.gallery).not.toBe(event.links.gallery)

    const { status, body } = await rotate(event, { role: 'organiser' })
    expect(status).toBe(200)
    const next = (body as RotateLinkResponse).organiserToken
    expect(next).not.toBe(event.organiserToken)
    expect(
      (await boards.api('GET', `/api/events/${event.id}/links`, { token: event.organiserToken }))
        .status,
    ).toBe(401)
    const links = await boards.api('GET', `/api/events/${event.id}/links`, { token: next })
    expect(links.status).toBe(200)
    expect(links.body.control).toContain(`#token=${next}`)
    // Sealed anew under the new organiser token, the table links read back unchanged.
    expect(links.body.tables[0].tokens.moderator).toBe(event.links.tables[0]!.tokens.moderator)
  })

  it('refuses what is not a link, and everyone but the organiser', async () => {
    const event = await boards.createEvent()
    const table = event.links.tables[0]!
    const refused = async (body: unknown, token?: string) => {
      const response = await rotate(event, body, token)
      return [response.status, response.body?.error?.field ?? response.body?.error?.code]
    }
    expect(await refused({ role: 'admin' })).toEqual([400, 'role'])
    expect(await refused({ role: 'moderator' })).toEqual([400, 'tableId'])
    expect(await refused({ role: 'moderator', tableId: 42 })).toEqual([400, 'tableId'])
    expect(await refused({ role: 'moderator', tableId: 'no-such-table' })).toEqual([404, 'tableId'])
    expect((await refused({ role: 'viewer' }, table.tokens.moderator))[0]).toBe(403)
    expect((await refused({ role: 'viewer' }, 'x'.repeat(43)))[0]).toBe(401)
    const raw = await boards.api('POST', `/api/events/${event.id}/links/rotate`, {
      token: event.organiserToken,
      rawBody: '{"role":',
    })
    expect(raw.status).toBe(400)
  })
})
