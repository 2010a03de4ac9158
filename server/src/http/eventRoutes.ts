import {
  ApiErrorCode,
  extendTimer,
  pauseTimer,
  resetTimer,
  resumeTimer,
  type Role,
  type TimerState,
} from '@tablecloth/shared'
import type { Config } from '../config'
import type { EventService } from '../events/EventService'
import type { TokenStore } from '../store/tokenStore'
import { readRecords } from '../board/boardWriter'
import { HttpError } from './HttpError'
import { readJsonBody } from './readJsonBody'
import { requestOrigin } from './requestOrigin'
import { requireGrant } from './requireGrant'
import { sendJson } from './respond'
import type { Router } from './Router'

const ORGANISER = ['organiser'] as const
const ANY_ROLE = ['organiser', 'moderator', 'participant', 'viewer'] as const

/** The event HTTP contract documented in README ("HTTP API"). */
export function registerEventRoutes(
  router: Router,
  deps: { config: Config; events: EventService; tokens: TokenStore },
): void {
  const { config, events, tokens } = deps

  router.on('POST', '/api/events', async ({ req, res }) => {
    const body = await readJsonBody(req, config.maxMessageBytes)
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
    sendJson(res, 200, await events.advanceStation(params.id!))
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
    const { state, ...summary } = events.snapshot(params.id!, params.snapshotId!)
    sendJson(res, 200, { snapshot: summary, records: [...readRecords(state).values()] })
  })

  router.on('POST', '/api/events/:id/snapshots/:snapshotId/restore', async ({ req, res, params }) => {
    requireGrant(req, tokens, params.id!, ORGANISER)
    sendJson(res, 200, await events.restore(params.id!, params.snapshotId!))
  })
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
