import { afterEach, describe, expect, it } from 'vitest'
import { roomName, winnendenTemplate, type EventOverview, type Role } from '@tablecloth/shared'
import { presenceKindOf, summarisePresence } from '../src/sync/boardPresence'
import type { ConnectionInfo } from '../src/sync/SyncConnection'
import { openBoard, synced, type BoardProvider } from './helpers/boardProvider'
import { useEventBoards } from './helpers/eventBoards'

const { createEvent, api, server } = useEventBoards()

describe('presenceKindOf', () => {
  it('tells a table’s projector from the gallery by the grant’s scope', () => {
    expect(presenceKindOf('moderator', 'table')).toBe('moderators')
    expect(presenceKindOf('organiser', 'event')).toBe('organisers')
    expect(presenceKindOf('viewer', 'table')).toBe('projectors')
    expect(presenceKindOf('viewer', 'event')).toBe('gallery')
    expect(presenceKindOf('participant', 'table')).toBe('phones')
  })
})

describe('summarisePresence', () => {
  const socket = (role: Role, scope: 'table' | 'event' = 'table'): ConnectionInfo => ({
    room: 'e/t1',
    eventId: 'e',
    tableId: 't1',
    role,
    scope,
    subject: null,
  })

  it('counts every socket, also those that announced nothing, and names only the moderators as such', () => {
    const moderator = socket('moderator')
    const organiser = socket('organiser', 'event')
    const summary = summarisePresence({
      sockets: [moderator, moderator, organiser, socket('viewer'), socket('viewer', 'event')],
      announced: [
        { connection: moderator, state: { user: { name: 'Ayşe' } } },
        { connection: moderator, state: { cursor: { x: 1, y: 2 } } },
        // The board page announces tldraw's presence record, its name as `userName`.
        { connection: moderator, state: { presence: { userName: 'Ben', cursor: null } } },
        { connection: moderator, state: { presence: { userName: '  ' } } },
        { connection: organiser, state: { user: { name: 'Orga' } } },
      ],
    })
    expect(summary).toEqual({
      connections: 5,
      presence: { moderators: 2, organisers: 1, projectors: 1, gallery: 1, phones: 0 },
      names: ['Ayşe', 'Ben', 'Orga'],
      moderatorNames: ['Ayşe', 'Ben'],
    })
  })
})

describe('GET /api/events/:id/overview, who is on each board', () => {
  let extra: BoardProvider[] = []
  afterEach(() => {
    extra.forEach((board) => board.destroy())
    extra = []
  })

  /** Opens a board socket with any token, as a projector, the gallery or a phone would. */
  const connect = async (eventId: string, tableId: string, token: string) => {
    const board = openBoard(`${server().wsOrigin}/sync`, roomName(eventId, tableId), token)
    extra.push(board)
    await synced(board)
    return board
  }

  it('counts moderators, the organiser, projectors, the gallery and phones per table', async () => {
    const event = await createEvent({ ...winnendenTemplate(), showBoardToParticipants: true })
    const [first, second] = event.links.tables
    const galleryToken = new URL(event.links.gallery).hash.replace('#token=', '')

    const moderator = await connect(event.id, first!.id, first!.tokens.moderator)
    moderator.provider.awareness.setLocalStateField('user', { name: 'Cora' })
    const organiser = await connect(event.id, first!.id, event.organiserToken)
    organiser.provider.awareness.setLocalStateField('user', { name: 'Orga' })
    const projector = await connect(event.id, first!.id, first!.tokens.viewer)
    // A read-only socket's presence is dropped by the server; it still counts as a projector.
    projector.provider.awareness.setLocalStateField('user', { name: 'Beamer' })
    await connect(event.id, first!.id, galleryToken)
    await connect(event.id, first!.id, first!.tokens.participant)
    await connect(event.id, first!.id, first!.tokens.participant)
    await connect(event.id, second!.id, second!.tokens.viewer)

    const overview = async () =>
      (await api('GET', `/api/events/${event.id}/overview`, { token: event.organiserToken }))
        .body as EventOverview
    await expect.poll(async () => (await overview()).tables[0]!.names.length).toBe(2)
    const { tables } = await overview()
    expect(tables[0]).toMatchObject({
      connections: 6,
      presence: { moderators: 1, organisers: 1, projectors: 1, gallery: 1, phones: 2 },
      moderatorNames: ['Cora'],
    })
    expect([...tables[0]!.names].sort()).toEqual(['Cora', 'Orga'])
    expect(tables[1]).toMatchObject({
      connections: 1,
      presence: { moderators: 0, organisers: 0, projectors: 1, gallery: 0, phones: 0 },
      names: [],
      moderatorNames: [],
    })
    expect(tables[2]!.presence).toEqual({
      moderators: 0,
      organisers: 0,
      projectors: 0,
      gallery: 0,
      phones: 0,
    })

    // The moderator's board drops: the table shows no moderator, everyone else stays.
    moderator.provider.disconnect()
    await expect.poll(async () => (await overview()).tables[0]!.presence.moderators).toBe(0)
    expect((await overview()).tables[0]).toMatchObject({
      connections: 5,
      presence: { organisers: 1, projectors: 1, gallery: 1, phones: 2 },
      moderatorNames: [],
    })
  })
})
