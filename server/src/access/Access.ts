import {
  CloseCode,
  CloseReason,
  groupSeat,
  PROTOCOL_VERSION,
  type GroupSeat,
} from '@tablecloth/shared'
import { hashToken } from '../auth/linkToken'
import { ForbiddenError, NotFoundError, UnauthorizedError } from '../domain/errors'
import type { EventStore } from '../store/eventStore'
import type { Grant, TokenStore } from '../store/tokenStore'
import {
  grantReaches,
  grantScope,
  mayOpenBoard,
  roleMay,
  scopeAllows,
  type Action,
} from './accessPolicy'
import { closeCodeFor } from './closeCodeFor'

/** A grant with the token it was resolved from (rotation and unsealing need the token). */
export type TokenGrant = Grant & { token: string }

/** What a board socket asks to open. */
export interface SocketRequest {
  eventId: string
  tableId: string
  token: string | null
  protocol?: string | null
}

/**
 * The role a socket gets, with the hash of the token it was opened with as
 * its `subject` (rotating that link closes it), and whether the grant names a
 * table or the whole event; or a refusal with its close code.
 */
export type SocketDecision =
  | { role: Grant['role']; subject: string; scope: 'table' | 'event' }
  | { closeCode: CloseCode; reason: string }

/**
 * The one gate for HTTP routes and board sockets: resolves a link token and
 * applies the policy of `accessPolicy.ts`, throwing domain errors.
 */
export class Access {
  constructor(
    private readonly tokens: TokenStore,
    private readonly events: EventStore,
  ) {}

  /**
   * The grant for an HTTP request on `eventId`. Unknown tokens are
   * unauthorized; a valid token for another event, table or role is
   * forbidden, so a client can tell "log in again" from "not allowed". An
   * event that does not exist (any more) is not found whatever the token:
   * the links of a deleted event say "gone", not "log in again".
   */
  require(token: string | null, eventId: string, action: Action, tableId?: string): TokenGrant {
    const grant = this.tokens.resolve(token)
    if (!token || !grant) {
      if (!this.tokens.hasEvent(eventId)) throw new NotFoundError('No such event')
      throw new UnauthorizedError('Missing, unknown or revoked token')
    }
    const seat =
      tableId === undefined ? undefined : seatOf(grant, () => this.events.get(grant.eventId))
    if (
      !roleMay(grant.role, action) ||
      !grantReaches(grant, eventId, tableId, seat) ||
      !scopeAllows(grant, action)
    ) {
      throw new ForbiddenError('This link does not allow that')
    }
    return { ...grant, token }
  }

  /**
   * Who may open a board socket. Unlike HTTP, the event and table are checked
   * before the token (a deleted event's sockets are told "unknown" whatever
   * they carry), a table grant always has to match the table, and phones see
   * a board only when the organiser shows it. Version skew is refused first.
   */
  socket(request: SocketRequest): SocketDecision {
    if (request.protocol !== undefined && request.protocol !== String(PROTOCOL_VERSION)) {
      return { closeCode: CloseCode.ProtocolMismatch, reason: CloseReason.ProtocolMismatch }
    }
    try {
      const grant = this.socketGrant(request)
      return {
        role: grant.role,
        subject: hashToken(request.token!),
        scope: grantScope(grant),
      }
    } catch (error) {
      const refusal = closeCodeFor(error)
      if (!refusal) throw error
      return refusal
    }
  }

  private socketGrant(request: SocketRequest): Grant {
    const event = this.events.get(request.eventId)
    if (!event || !event.config.tables.some((table) => table.id === request.tableId)) {
      throw new NotFoundError('No such event or table')
    }
    const grant = this.tokens.resolve(request.token)
    if (!grant) throw new UnauthorizedError('Missing, unknown or revoked token')
    // A group's phone link reaches only the board of the table its group sits at now.
    if (
      !grantReaches(
        grant,
        request.eventId,
        request.tableId,
        seatOf(grant, () => event),
      )
    ) {
      throw new ForbiddenError('This link does not reach this board')
    }
    if (!mayOpenBoard(grant, event.config.showBoardToParticipants)) {
      throw new ForbiddenError('This link may not open the board')
    }
    return grant
  }
}

/**
 * Where a group's phone link sits in the event's running station; undefined
 * for every other grant. Read when the request arrives: a note already in
 * flight at a station change is refused, and the phone asks again.
 */
function seatOf(
  grant: Grant,
  // Read only for a group's link: every other request is spared the event's read.
  readEvent: () => ReturnType<EventStore['get']>,
): GroupSeat | undefined {
  if (grant.groupId === null) return undefined
  const event = readEvent()
  return event ? groupSeat(event.config, event.state.currentStation, grant.groupId) : undefined
}
