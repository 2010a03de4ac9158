import type { BoardPresence, PresenceKind, Role } from '@tablecloth/shared'
import type { RoomPresence } from './Room'
import type { ConnectionInfo, GrantScope } from './SyncConnection'

/**
 * How a board socket shows in the control room, from the link it was opened
 * with. Who may open what is decided in `access/Access.ts`; this only names it.
 */
export function presenceKindOf(role: Role, scope: GrantScope): PresenceKind {
  switch (role) {
    case 'moderator':
      return 'moderators'
    case 'organiser':
      return 'organisers'
    case 'viewer':
      // A viewer link naming a table is that table's projector; the event-wide one is the gallery.
      return scope === 'table' ? 'projectors' : 'gallery'
    case 'participant':
      return 'phones'
    default: {
      const unknownRole: never = role
      throw new Error(`unknown role ${String(unknownRole)}`)
    }
  }
}

/** A board's sockets counted by kind, its editors' names and its moderators' names. */
export interface BoardPresenceSummary {
  connections: number
  presence: BoardPresence
  names: string[]
  moderatorNames: string[]
}

/**
 * Counts a board's sockets by kind. Sockets, not presence states: read-only
 * sockets announce nothing (see `Room.receiveAwareness`), and a moderator
 * whose page has not announced itself yet is on the board all the same.
 */
export function summarisePresence({ sockets, announced }: RoomPresence): BoardPresenceSummary {
  const presence: BoardPresence = {
    moderators: 0,
    organisers: 0,
    projectors: 0,
    gallery: 0,
    phones: 0,
  }
  for (const socket of sockets) presence[kindOf(socket)]++
  const named = announced.flatMap(({ connection, state }) =>
    nameOf(state).map((name) => ({ name, kind: kindOf(connection) })),
  )
  return {
    connections: sockets.length,
    presence,
    names: named.map(({ name }) => name),
    moderatorNames: named.filter(({ kind }) => kind === 'moderators').map(({ name }) => name),
  }
}

function kindOf(connection: ConnectionInfo): PresenceKind {
  return presenceKindOf(connection.role, connection.scope)
}

/**
 * The display name a board client announces: the board page sends tldraw's
 * presence record as `presence.userName`; stock clients and older pages say
 * `user.name`.
 */
function nameOf(state: unknown): string[] {
  const name = field(field(state, 'presence'), 'userName') ?? field(field(state, 'user'), 'name')
  return typeof name === 'string' && name.trim() !== '' ? [name.trim()] : []
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && key in value
    ? (value as Record<string, unknown>)[key]
    : undefined
}
