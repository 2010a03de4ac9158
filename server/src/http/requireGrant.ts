import type { IncomingMessage } from 'node:http'
import { ApiErrorCode, type Role } from '@tablecloth/shared'
import type { Grant, TokenStore } from '../store/tokenStore'
import { bearerToken } from './bearerToken'
import { HttpError } from './HttpError'

/**
 * Resolves the request's bearer token to a grant on `eventId` with one of
 * `roles`. Unknown tokens answer 401; a valid token for another event, table
 * or role answers 403, so a client can tell "log in again" from "not allowed".
 * An event that does not exist (any more) answers 404 whatever the token:
 * the links of a deleted event say "gone", not "log in again".
 */
export function requireGrant(
  req: IncomingMessage,
  tokens: TokenStore,
  eventId: string,
  roles: readonly Role[],
  tableId?: string,
): Grant & { token: string } {
  const token = bearerToken(req)
  const grant = tokens.resolve(token)
  if (!token || !grant) {
    if (!tokens.hasEvent(eventId)) throw new HttpError(404, ApiErrorCode.NotFound, 'No such event')
    throw new HttpError(401, ApiErrorCode.Unauthorized, 'Missing, unknown or revoked token')
  }
  const tableMatches = grant.tableId === null || tableId === undefined || grant.tableId === tableId
  if (grant.eventId !== eventId || !roles.includes(grant.role) || !tableMatches) {
    throw new HttpError(403, ApiErrorCode.Forbidden, 'This link does not allow that')
  }
  return { ...grant, token }
}
