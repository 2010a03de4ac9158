import { describe, expect, it } from 'vitest'
import { CloseCode, PROTOCOL_VERSION, type Role } from '@tablecloth/shared'
import { Access } from '../src/access/Access'
import type { Action } from '../src/access/accessPolicy'
import type { EventStore } from '../src/store/eventStore'
import type { Grant, TokenStore } from '../src/store/tokenStore'

/** Tokens named after their grant, e.g. `moderator@ev1/t1`, each padded to a link token's shape. */
const GRANTS: Record<string, Grant> = {}
function tokenFor(
  role: Role,
  eventId: string,
  tableId: string | null,
  groupId: string | null = null,
): string {
  const token = `${role}-${eventId}-${tableId ?? 'all'}-${groupId ?? ''}`.padEnd(43, 'x')
  GRANTS[token] = { role, eventId, tableId, groupId }
  return token
}

const tokens = {
  resolve: (token: string | null | undefined) => (token ? (GRANTS[token] ?? null) : null),
  hasEvent: (eventId: string) => eventId === 'ev1' || eventId === 'ev2',
} as unknown as TokenStore

function eventsShowingBoard(show: boolean): EventStore {
  // ev1 seats its groups by a plan (g1 at t1, g2 at t2); ev2 lets them sit freely.
  const event = (id: string) => ({
    id,
    config: {
      tables: [{ id: 't1' }, { id: 't2' }],
      groups: [{ id: 'g1' }, { id: 'g2' }],
      rotation: id === 'ev1' ? { mode: 'fixed', plan: [{ g1: 't1', g2: 't2' }] } : { mode: 'free' },
      showBoardToParticipants: show,
    },
    state: { currentStation: 0 },
  })
  return {
    get: (id: string) => (id === 'ev1' || id === 'ev2' ? event(id) : null),
  } as unknown as EventStore
}

const organiser = tokenFor('organiser', 'ev1', null)
const gallery = tokenFor('viewer', 'ev1', null)
const moderator = tokenFor('moderator', 'ev1', 't1')
const participant = tokenFor('participant', 'ev1', 't1')
const projector = tokenFor('viewer', 'ev1', 't1')
const otherOrganiser = tokenFor('organiser', 'ev2', null)
const groupPhone = tokenFor('participant', 'ev1', null, 'g1')
const freeGroupPhone = tokenFor('participant', 'ev2', null, 'g1')
const goneGroupPhone = tokenFor('participant', 'ev1', null, 'g9')

type Outcome = 'ok' | 'NotFoundError' | 'UnauthorizedError' | 'ForbiddenError'

function httpOutcome(
  token: string | null,
  eventId: string,
  action: Action,
  tableId?: string,
): Outcome {
  try {
    new Access(tokens, eventsShowingBoard(false)).require(token, eventId, action, tableId)
    return 'ok'
  } catch (error) {
    return (error as Error).name as Outcome
  }
}

describe('the access policy over HTTP', () => {
  it.each<[string, string | null, string, Action, string | undefined, Outcome]>([
    ['organiser reads', organiser, 'ev1', 'event.read', undefined, 'ok'],
    ['organiser runs', organiser, 'ev1', 'event.run', undefined, 'ok'],
    ['organiser adds a note anywhere', organiser, 'ev1', 'note.add', 't2', 'ok'],
    ['moderator reads', moderator, 'ev1', 'event.read', undefined, 'ok'],
    ['moderator may not run the day', moderator, 'ev1', 'event.run', undefined, 'ForbiddenError'],
    ['moderator adds a note at the own table', moderator, 'ev1', 'note.add', 't1', 'ok'],
    [
      'moderator adds no note at another table',
      moderator,
      'ev1',
      'note.add',
      't2',
      'ForbiddenError',
    ],
    ['participant adds a note at the own table', participant, 'ev1', 'note.add', 't1', 'ok'],
    [
      'participant adds no note at another table',
      participant,
      'ev1',
      'note.add',
      't2',
      'ForbiddenError',
    ],
    [
      'participant may not run the day',
      participant,
      'ev1',
      'event.run',
      undefined,
      'ForbiddenError',
    ],
    ['group phone reads', groupPhone, 'ev1', 'event.read', undefined, 'ok'],
    ["group phone adds a note at its group's seat", groupPhone, 'ev1', 'note.add', 't1', 'ok'],
    [
      'group phone adds no note at another table',
      groupPhone,
      'ev1',
      'note.add',
      't2',
      'ForbiddenError',
    ],
    [
      "group phone adds no note at another event's table",
      groupPhone,
      'ev2',
      'note.add',
      't1',
      'ForbiddenError',
    ],
    [
      'group phone may not run the day',
      groupPhone,
      'ev1',
      'event.run',
      undefined,
      'ForbiddenError',
    ],
    ['free-rotation group phone at any table', freeGroupPhone, 'ev2', 'note.add', 't2', 'ok'],
    [
      'phone of a group the event no longer has',
      goneGroupPhone,
      'ev1',
      'note.add',
      't1',
      'ForbiddenError',
    ],
    ['projector reads', projector, 'ev1', 'event.read', undefined, 'ok'],
    ['projector adds no note', projector, 'ev1', 'note.add', 't1', 'ForbiddenError'],
    ['gallery reads', gallery, 'ev1', 'event.read', undefined, 'ok'],
    ['gallery may not run the day', gallery, 'ev1', 'event.run', undefined, 'ForbiddenError'],
    ['organiser reads the themes', organiser, 'ev1', 'themes.read', undefined, 'ok'],
    ['gallery reads the themes', gallery, 'ev1', 'themes.read', undefined, 'ok'],
    // A projector is a viewer of its own table, not of the day's themes.
    ['projector reads no themes', projector, 'ev1', 'themes.read', undefined, 'ForbiddenError'],
    ['moderator reads no themes', moderator, 'ev1', 'themes.read', undefined, 'ForbiddenError'],
    ['phone reads no themes', participant, 'ev1', 'themes.read', undefined, 'ForbiddenError'],
    ["another event's organiser", otherOrganiser, 'ev1', 'event.read', undefined, 'ForbiddenError'],
    ['no token', null, 'ev1', 'event.read', undefined, 'UnauthorizedError'],
    ['an unknown token', 'x'.repeat(43), 'ev1', 'event.read', undefined, 'UnauthorizedError'],
    ['no token on a deleted event', null, 'gone', 'event.read', undefined, 'NotFoundError'],
    [
      'an unknown token on a deleted event',
      'x'.repeat(43),
      'gone',
      'event.run',
      undefined,
      'NotFoundError',
    ],
  ])('%s', (_, token, eventId, action, tableId, outcome) => {
    expect(httpOutcome(token, eventId, action, tableId)).toBe(outcome)
  })
})

describe('the access policy for board sockets', () => {
  const socket = (
    token: string | null,
    eventId: string,
    tableId: string,
    show = false,
    protocol?: string,
  ) => new Access(tokens, eventsShowingBoard(show)).socket({ eventId, tableId, token, protocol })

  it.each<[string, string | null, string, string, boolean, number | Role]>([
    ['organiser on any table', organiser, 'ev1', 't2', false, 'organiser'],
    ['moderator on the own table', moderator, 'ev1', 't1', false, 'moderator'],
    ['moderator on another table', moderator, 'ev1', 't2', false, CloseCode.Forbidden],
    ['projector on the own table', projector, 'ev1', 't1', false, 'viewer'],
    ['gallery on any table', gallery, 'ev1', 't2', false, 'viewer'],
    ['phone while the board is not shown', participant, 'ev1', 't1', false, CloseCode.Forbidden],
    ['phone once the board is shown', participant, 'ev1', 't1', true, 'participant'],
    ['group phone at its seat, board shown', groupPhone, 'ev1', 't1', true, 'participant'],
    ['group phone at its seat, board hidden', groupPhone, 'ev1', 't1', false, CloseCode.Forbidden],
    ['group phone at another table', groupPhone, 'ev1', 't2', true, CloseCode.Forbidden],
    ["another event's organiser", otherOrganiser, 'ev1', 't1', false, CloseCode.Forbidden],
    ['no token', null, 'ev1', 't1', false, CloseCode.Unauthorized],
    ['a deleted event, whatever the token', organiser, 'gone', 't1', false, CloseCode.NotFound],
    ['an unknown table, whatever the token', organiser, 'ev1', 't9', false, CloseCode.NotFound],
  ])('%s', (_, token, eventId, tableId, show, expected) => {
    const decision = socket(token, eventId, tableId, show)
    if (typeof expected === 'number') expect(decision).toMatchObject({ closeCode: expected })
    else
      expect(decision).toMatchObject({
        role: expected,
        scope:
          GRANTS[token!]!.tableId === null && GRANTS[token!]!.groupId === null ? 'event' : 'table',
      })
  })

  it('refuses another protocol version before anything else', () => {
    expect(socket(organiser, 'ev1', 't1', false, String(PROTOCOL_VERSION + 1))).toMatchObject({
      closeCode: CloseCode.ProtocolMismatch,
    })
    expect(socket(organiser, 'ev1', 't1', false, String(PROTOCOL_VERSION))).toMatchObject({
      role: 'organiser',
    })
  })
})
