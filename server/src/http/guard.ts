import type { FastifyRequest, onRequestHookHandler } from 'fastify'
import type { Access, TokenGrant } from '../access/Access'
import type { Action } from '../access/accessPolicy'
import { bearerToken } from './bearerToken'

const grants = new WeakMap<FastifyRequest, TokenGrant>()

/**
 * A route's access check, run as soon as the route is known and before its
 * body is read: a stranger learns "not allowed" without the server reading
 * what they sent. The event is the `:id` parameter; with `table`, the
 * `:tableId` parameter is the table the grant must reach.
 */
export function guard(
  access: Access,
  action: Action,
  options: { table?: boolean } = {},
): onRequestHookHandler {
  return async (request) => {
    const params = request.params as { id: string; tableId?: string }
    const grant = access.require(
      bearerToken(request.raw),
      params.id,
      action,
      options.table ? params.tableId : undefined,
    )
    grants.set(request, grant)
  }
}

/** The grant `guard` found for this request. */
export function grantOf(request: FastifyRequest): TokenGrant {
  const grant = grants.get(request)
  if (!grant) throw new Error('route has no guard')
  return grant
}
