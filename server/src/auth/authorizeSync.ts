import { CloseCode, CloseReason, PROTOCOL_VERSION, type Role } from '@tablecloth/shared'
import type { EventStore } from '../store/eventStore'
import { hashToken } from './linkToken'
import type { TokenStore } from '../store/tokenStore'

export interface SyncRequest {
  eventId: string
  tableId: string
  token: string | null
  protocol?: string | null
  remoteAddress: string
}

/**
 * The role a socket gets, with the hash of the token it was opened with as
 * its `subject`, so rotating that link can close it, and whether that grant
 * names a table or the whole event (the control room tells a table's
 * projector from the gallery by it); or a refusal.
 */
export type SyncDecision =
  | { role: Role; subject: string; scope: 'table' | 'event' }
  | { closeCode: CloseCode; reason: string }

/**
 * Decides who may open a board socket. Table roles reach only their own
 * table; organiser and event-wide viewer tokens reach every table of their
 * event. Version skew is refused up front with a named reason.
 */
export function authorizeSync(
  tokens: TokenStore,
  events: EventStore,
  request: SyncRequest,
): SyncDecision {
  if (request.protocol !== undefined && request.protocol !== String(PROTOCOL_VERSION)) {
    return { closeCode: CloseCode.ProtocolMismatch, reason: CloseReason.ProtocolMismatch }
  }
  // The event first: a deleted event's links answer "unknown", whatever their token.
  const event = events.get(request.eventId)
  if (!event || !event.config.tables.some((table) => table.id === request.tableId)) {
    return { closeCode: CloseCode.NotFound, reason: CloseReason.NotFound }
  }
  const grant = tokens.resolve(request.token)
  if (!grant) return { closeCode: CloseCode.Unauthorized, reason: CloseReason.Unauthorized }
  if (grant.eventId !== request.eventId) {
    return { closeCode: CloseCode.Forbidden, reason: CloseReason.Forbidden }
  }
  if (grant.tableId !== null && grant.tableId !== request.tableId) {
    return { closeCode: CloseCode.Forbidden, reason: CloseReason.Forbidden }
  }
  // Participants write through the phone page's HTTP route; they see the board
  // only when the organiser chose to show it to them.
  if (grant.role === 'participant' && !event.config.showBoardToParticipants) {
    return { closeCode: CloseCode.Forbidden, reason: CloseReason.Forbidden }
  }
  return {
    role: grant.role,
    subject: hashToken(request.token!),
    scope: grant.tableId === null ? 'event' : 'table',
  }
}
