import type { IncomingMessage, ServerResponse } from 'node:http'
import {
  ApiErrorCode,
  extendTimer,
  parseEventConfig,
  pauseTimer,
  resetTimer,
  resumeTimer,
  SETUP_PIN_HEADER,
  type NextStationRequest,
  type RateLimitDetails,
  type Role,
  type TimerState,
} from '@tablecloth/shared'
import type { Config } from '../config'
import type { EventService } from '../events/EventService'
import type { TokenStore } from '../store/tokenStore'
import { clientAddress } from './clientAddress'
import { HttpError } from './HttpError'
import type { RateLimiter } from './rateLimiter'
import { readJsonBody, readOptionalJsonBody } from './readJsonBody'
import { requestOrigin } from './requestOrigin'
import { requireGrant } from './requireGrant'
import { sendJson } from './respond'
import type { Router } from './Router'
import type { SetupPinCheck } from './SetupPinCheck'

const ORGANISER = ['organiser'] as const
const ANY_ROLE = ['organiser', 'moderator', 'participant', 'viewer'] as const

/** New events one address may create at once; EVENTS_PER_HOUR refills them. */
export const EVENT_CREATION_BURST = 5

/** The header a setup PIN travels in (Node lower-cases header names). */

export interface EventRouteDeps {
  config: Config
  events: EventService
  tokens: TokenStore
  /** New events per address (EVENTS_PER_HOUR); null when the limit is lifted. */
  creationLimiter: RateLimiter | null
  /** The setup PIN creating an event needs (SETUP_PIN); null when anyone may create one. */
  setupPin: SetupPinCheck | null
}

/** The event HTTP contract documented in docs/http-api.md. */
export function registerEventRoutes(router: Router, deps: EventRouteDeps): void {
  const { config, events, tokens, creationLimiter, setupPin } = deps

  router.on('POST', '/api/events', async ({ req, res }) => {
    const address = clientAddress(req, config.trustProxy)
    if (setupPin) requireSetupPin(setupPin, address, req, res)
    const body = await readJsonBody(req, config.maxMessageBytes)
    // Only events that will be created count, so an organiser whose form comes
    // back with a mistake is not slowed down; the service answers that with 400.
    if (creationLimiter && parseEventConfig(body).ok) {
      const decision = creationLimiter.take(address)
      if (!decision.allowed) {
        throw rateLimited(res, decision.retryAfterSeconds, 'Too many new events from this address')
      }
    }
    sendJson(res, 201, await events.create(body, requestOrigin(req, config.publicUrl)))
  })

  router.on('GET', '/api/events/:id', ({ req, res, params }) => {
    requireGrant(req, tokens, params.id!, ANY_ROLE)
    sendJson(res, 200, events.view(params.id!))
  })

  router.on('DELETE', '/api/events/:id', ({ req, res, params }) => {
    requireGrant(req, tokens, params.id!, ORGANISER)
    events.delete(params.id!)
    res.writeHead(204, { 'cache-control': 'no-store' })
    res.end()
  })

  router.on('GET', '/api/events/:id/overview', async ({ req, res, params }) => {
    requireGrant(req, tokens, params.id!, ORGANISER)
    sendJson(res, 200, await events.overview(params.id!))
  })

  router.on('GET', '/api/events/:id/links', ({ req, res, params }) => {
    const grant = requireGrant(req, tokens, params.id!, ORGANISER)
    sendJson(res, 200, events.links(params.id!, grant.token, requestOrigin(req, config.publicUrl)))
  })

  router.on('POST', '/api/events/:id/links/rotate', async ({ req, res, params }) => {
    const grant = requireGrant(req, tokens, params.id!, ORGANISER)
    const target = rotateTarget(await readJsonBody(req, 4096))
    const origin = requestOrigin(req, config.publicUrl)
    sendJson(res, 200, events.rotateLink(params.id!, grant.token, target, origin))
  })

  router.on('POST', '/api/events/:id/stations/next', async ({ req, res, params }) => {
    requireGrant(req, tokens, params.id!, ORGANISER)
    const { from } = nextStationRequest(await readOptionalJsonBody(req, 4096))
    sendJson(res, 200, await events.advanceStation(params.id!, from))
  })

  router.on('POST', '/api/events/:id/timer', async ({ req, res, params }) => {
    requireGrant(req, tokens, params.id!, ORGANISER)
    const change = timerChange(await readJsonBody(req, 4096))
    sendJson(res, 200, await events.updateTimer(params.id!, change))
  })

  router.on('GET', '/api/events/:id/snapshots', ({ req, res, params }) => {
    requireGrant(req, tokens, params.id!, ORGANISER)
    sendJson(res, 200, { snapshots: events.listSnapshots(params.id!) })
  })

  router.on('POST', '/api/events/:id/snapshots', async ({ req, res, params }) => {
    requireGrant(req, tokens, params.id!, ORGANISER)
    sendJson(res, 201, { snapshots: await events.snapshotNow(params.id!) })
  })

  router.on('GET', '/api/events/:id/snapshots/:snapshotId', ({ req, res, params }) => {
    requireGrant(req, tokens, params.id!, ORGANISER)
    sendJson(res, 200, events.snapshotRecords(params.id!, params.snapshotId!))
  })

  router.on('GET', '/api/events/:id/tables/:tableId/board', async ({ req, res, params }) => {
    requireGrant(req, tokens, params.id!, ORGANISER)
    sendJson(res, 200, await events.liveBoard(params.id!, params.tableId!))
  })

  router.on('POST', '/api/events/:id/snapshots/:snapshotId/restore', async ({ req, res, params }) => {
    requireGrant(req, tokens, params.id!, ORGANISER)
    sendJson(res, 200, await events.restore(params.id!, params.snapshotId!))
  })
}

/** Lets the request on only with the server's setup PIN; see SetupPinCheck for the guessing limit. */
function requireSetupPin(check: SetupPinCheck, address: string, req: IncomingMessage, res: ServerResponse): void {
  const header = req.headers[SETUP_PIN_HEADER.toLowerCase()]
  const decision = check.check(address, typeof header === 'string' ? header : undefined)
  if (decision.allowed) return
  switch (decision.reason) {
    case 'missing':
      throw new HttpError(
        403,
        ApiErrorCode.SetupPinRequired,
        'Creating an event on this server needs its setup PIN, sent in the X-Setup-Pin header',
      )
    case 'wrong':
      throw new HttpError(403, ApiErrorCode.SetupPinRequired, 'The setup PIN is wrong')
    case 'locked':
      throw rateLimited(res, decision.retryAfterSeconds, 'Too many wrong setup PINs from this address')
    default:
      decision satisfies never
      throw new Error('unknown setup PIN decision')
  }
}

/** A 429 with the wait in the Retry-After header and in `error.details`, as the phone-note route answers. */
function rateLimited(res: ServerResponse, retryAfterSeconds: number, what: string): HttpError {
  // sendJson's writeHead keeps headers set here.
  res.setHeader('retry-after', String(retryAfterSeconds))
  const details: RateLimitDetails = { retryAfterSeconds }
  return new HttpError(
    429,
    ApiErrorCode.RateLimited,
    `${what}; try again in ${retryAfterSeconds} s`,
    undefined,
    details,
  )
}

type TimerChange = Parameters<EventService['updateTimer']>[1]

/** Decodes `{ action, seconds? }` into a pure timer transition from @tablecloth/shared. */
function timerChange(body: unknown): TimerChange {
  const input = (typeof body === 'object' && body !== null ? body : {}) as {
    action?: unknown
    seconds?: unknown
  }
  switch (input.action) {
    case 'pause':
      return (timer, now) => pauseTimer(timer, now)
    case 'resume':
    case 'start':
      return (timer, now) => resumeTimer(timer, now)
    case 'reset':
      return (_timer, _now, config, station) =>
        resetTimer((config.stations[station]?.durationMinutes ?? 0) * 60)
    case 'extend': {
      const seconds = input.seconds
      if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < -3600 || seconds > 3600) {
        throw new HttpError(400, ApiErrorCode.ValidationFailed, 'seconds must be an integer between -3600 and 3600', 'seconds')
      }
      return (timer: TimerState, now: number) => extendTimer(timer, seconds, now)
    }
    default:
      throw new HttpError(
        400,
        ApiErrorCode.ValidationFailed,
        'action must be one of start, pause, resume, extend, reset',
        'action',
      )
  }
}

/** Decodes the optional `{ from }` of a station change (NextStationRequest). */
function nextStationRequest(body: unknown): NextStationRequest {
  if (body === undefined) return {}
  const from = (typeof body === 'object' && body !== null ? body : {}) as { from?: unknown }
  if (from.from === undefined) return {}
  if (typeof from.from !== 'number' || !Number.isInteger(from.from) || from.from < 0) {
    throw new HttpError(400, ApiErrorCode.ValidationFailed, 'from must be a station index (0-based)', 'from')
  }
  return { from: from.from }
}

const ROLES: readonly Role[] = ['organiser', 'moderator', 'participant', 'viewer']

/** Decodes `{ role, tableId? }`, the link to rotate. */
function rotateTarget(body: unknown): { role: Role; tableId: string | null } {
  const input = (typeof body === 'object' && body !== null ? body : {}) as {
    role?: unknown
    tableId?: unknown
  }
  const role = ROLES.find((candidate) => candidate === input.role)
  if (!role) {
    throw new HttpError(400, ApiErrorCode.ValidationFailed, `role must be one of ${ROLES.join(', ')}`, 'role')
  }
  const tableId = input.tableId ?? null
  if (tableId !== null && typeof tableId !== 'string') {
    throw new HttpError(400, ApiErrorCode.ValidationFailed, 'tableId must be a string', 'tableId')
  }
  return { role, tableId }
}
