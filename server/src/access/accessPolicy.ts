import {
  groupSeat,
  seatAllowsTable,
  type EventConfig,
  type GroupSeat,
  type Role,
} from '@tablecloth/shared'
import type { Grant } from '../store/tokenStore'

/**
 * What a link may do. Every route and the board socket name one of these
 * actions; which roles hold it is decided here and nowhere else.
 *
 * - `event.read`: the event's config, station and timer (every page reads it).
 * - `event.run`: everything the control room does: delete, overview, links,
 *   rotation, stations, timer, snapshots, live boards, results, the review.
 * - `note.add`: a note through the phone page's HTTP route. The table's own
 *   links, a group's phone link at the table the group sits at now (any
 *   table in free rotation), and the organiser; a projector (viewer) only
 *   watches.
 * - `board.open`: a board socket. Everyone with a link to the table; phones
 *   only when the organiser shows them the board (see `mayOpenBoard`).
 * - `board.edit`: writing on a board over its socket. Moderators capture the
 *   notes (co-moderators share the table's board link) and organisers correct
 *   them; projectors and phones only watch.
 * - `themes.read`: the saved cross-table themes, for the plenary: the
 *   organiser and the gallery link (a viewer for the whole event). A table's
 *   projector is a viewer too, but shows its own table (see `EVENT_WIDE`).
 *   Suggesting and saving themes is `event.run`.
 */
export type Action =
  | 'event.read'
  | 'event.run'
  | 'note.add'
  | 'board.open'
  | 'board.edit'
  | 'themes.read'

export const ROLES_FOR: Readonly<Record<Action, readonly Role[]>> = {
  'event.read': ['organiser', 'moderator', 'participant', 'viewer'],
  'event.run': ['organiser'],
  'note.add': ['organiser', 'moderator', 'participant'],
  'board.open': ['organiser', 'moderator', 'participant', 'viewer'],
  'board.edit': ['organiser', 'moderator'],
  'themes.read': ['organiser', 'viewer'],
}

/** Actions that only a grant for the whole event holds, never one bound to a table. */
const EVENT_WIDE: ReadonlySet<Action> = new Set<Action>(['themes.read'])

/** Whether `role` holds `action` at all, whatever event or table it names. */
export function roleMay(role: Role, action: Action): boolean {
  return ROLES_FOR[action].includes(role)
}

/**
 * Whether a grant reaches this place: its own event, and for table roles
 * only their own table. A group's phone link reaches the table its group
 * sits at in the running station (`seat`, from `groupSeat`), any table in
 * free rotation, none when the plan seats the group nowhere; without a seat
 * given it reaches no table. Event-wide grants (organiser, gallery viewer)
 * reach every table. With no table named, any grant of the event matches.
 */
export function grantReaches(
  grant: Grant,
  eventId: string,
  tableId?: string,
  seat?: GroupSeat,
): boolean {
  if (grant.eventId !== eventId) return false
  if (tableId === undefined) return true
  if (grant.groupId !== null) return seat !== undefined && seatAllowsTable(seat, tableId)
  return grant.tableId === null || grant.tableId === tableId
}

/**
 * Whether a group's phone link reaches `tableId` while station `stationIndex`
 * runs: `grantReaches` for a group grant, for the note writer to ask again
 * inside the board write (a station change may have moved the group while
 * the note was arriving).
 */
export function groupReachesTable(
  config: EventConfig,
  stationIndex: number,
  groupId: string,
  tableId: string,
): boolean {
  return seatAllowsTable(groupSeat(config, stationIndex, groupId), tableId)
}

/**
 * Whether a grant names one table (a table's links, a group's phone link)
 * rather than the whole event (organiser, gallery viewer).
 */
export function grantScope(grant: Grant): 'table' | 'event' {
  return grant.tableId === null && grant.groupId === null ? 'event' : 'table'
}

/** Whether the grant's scope allows `action`: table-bound grants hold no event-wide action. */
export function scopeAllows(grant: Grant, action: Action): boolean {
  return grantScope(grant) === 'event' || !EVENT_WIDE.has(action)
}

/** Whether a grant may open a table's board socket, given what the organiser shows phones. */
export function mayOpenBoard(grant: Grant, showBoardToParticipants: boolean): boolean {
  if (!roleMay(grant.role, 'board.open')) return false
  // Participants write through the phone page's HTTP route; they see the board
  // only when the organiser chose to show it to them.
  return grant.role !== 'participant' || showBoardToParticipants
}
