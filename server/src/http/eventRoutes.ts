import {
  CreateEventRequestSchema,
  EventParamsSchema,
  extendTimer,
  NextStationRequestSchema,
  parseEventConfig,
  pauseTimer,
  resetTimer,
  resumeTimer,
  RotateLinkRequestSchema,
  SETUP_PIN_HEADER,
  SnapshotParamsSchema,
  TableParamsSchema,
  TimerRequestSchema,
  type EventConfig,
  type Role,
  type TimerRequest,
  type TimerState,
  stationDurationSeconds,
} from '@tablecloth/shared'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Access } from '../access/Access'
import type { Config } from '../config'
import { InvalidInputError, SetupPinRefusedError, TooManyRequestsError } from '../domain/errors'
import type { EventService } from '../events/EventService'
import { clientAddress } from './clientAddress'
import { grantOf, guard } from './guard'
import type { RateLimit } from '../domain/rateLimiter'
import { requestOrigin } from './requestOrigin'
import type { SetupPinCheck } from './SetupPinCheck'
import { decodedBy } from './zodValidation'

/** New events one address may create at once; EVENTS_PER_HOUR refills them. */
export const EVENT_CREATION_BURST = 5

/** Bodies of the control room's small requests (timer, rotation, station change). */
const SMALL_BODY = 4096

export interface EventRouteDeps {
  config: Config
  events: EventService
  access: Access
  /** New events per address (EVENTS_PER_HOUR); null when the limit is lifted. */
  creationLimiter: RateLimit | null
  /** The setup PIN creating an event needs (SETUP_PIN); null when anyone may create one. */
  setupPin: SetupPinCheck | null
}

/** The event HTTP contract documented in docs/http-api.md. */
export function registerEventRoutes(fastify: FastifyInstance, deps: EventRouteDeps): void {
  const { config, events, access, creationLimiter, setupPin } = deps
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const tags = ['events']
  const run = guard(access, 'event.run')

  app.post(
    '/api/events',
    {
      bodyLimit: config.maxMessageBytes,
      schema: { tags, body: eventConfigBody },
      // Before the body is read: a server with a PIN reads nothing from those without it.
      onRequest: async (request) => {
        if (setupPin)
          requireSetupPin(setupPin, clientAddress(request.raw, config.trustProxy), request.headers)
      },
    },
    async (request, reply) => {
      // Only events that will be created count (the body is valid by now), so an
      // organiser whose form came back with a mistake is not slowed down.
      if (creationLimiter) {
        const decision = await creationLimiter.take(clientAddress(request.raw, config.trustProxy))
        if (!decision.allowed) {
          throw tooMany(decision.retryAfterSeconds, 'Too many new events from this address')
        }
      }
      const created = await events.create(
        request.body,
        requestOrigin(request.raw, config.publicUrl),
      )
      return reply.code(201).send(created)
    },
  )

  app.get(
    '/api/events/:id',
    { schema: { tags, params: EventParamsSchema }, onRequest: guard(access, 'event.read') },
    async (request) => {
      // A group's phone link is also told where its group sits now.
      const { groupId } = grantOf(request)
      return groupId === null
        ? events.view(request.params.id)
        : events.groupView(request.params.id, groupId)
    },
  )

  app.delete(
    '/api/events/:id',
    { schema: { tags, params: EventParamsSchema }, onRequest: run },
    async (request, reply) => {
      events.delete(request.params.id)
      return reply.code(204).send()
    },
  )

  app.get(
    '/api/events/:id/overview',
    { schema: { tags, params: EventParamsSchema }, onRequest: run },
    async (request) => events.overview(request.params.id),
  )

  app.get(
    '/api/events/:id/links',
    { schema: { tags, params: EventParamsSchema }, onRequest: run },
    async (request) =>
      events.links(
        request.params.id,
        grantOf(request).token,
        requestOrigin(request.raw, config.publicUrl),
      ),
  )

  app.post(
    '/api/events/:id/links/rotate',
    {
      bodyLimit: SMALL_BODY,
      schema: { tags, params: EventParamsSchema, body: rotateBody },
      onRequest: run,
    },
    async (request) => {
      const { role, tableId, groupId } = request.body
      const target = { role, tableId: tableId ?? null, groupId: groupId ?? null }
      const origin = requestOrigin(request.raw, config.publicUrl)
      return events.rotateLink(request.params.id, grantOf(request).token, target, origin)
    },
  )

  app.post(
    '/api/events/:id/stations/next',
    {
      bodyLimit: SMALL_BODY,
      schema: { tags, params: EventParamsSchema, body: nextStationBody },
      onRequest: run,
    },
    async (request) => events.advanceStation(request.params.id, request.body?.from),
  )

  app.post(
    '/api/events/:id/timer',
    {
      bodyLimit: SMALL_BODY,
      schema: { tags, params: EventParamsSchema, body: timerBody },
      onRequest: run,
    },
    async (request) => events.updateTimer(request.params.id, timerChange(request.body)),
  )

  app.get(
    '/api/events/:id/snapshots',
    { schema: { tags, params: EventParamsSchema }, onRequest: run },
    async (request) => ({ snapshots: events.listSnapshots(request.params.id) }),
  )

  app.post(
    '/api/events/:id/snapshots',
    { schema: { tags, params: EventParamsSchema }, onRequest: run },
    async (request, reply) =>
      reply.code(201).send({ snapshots: await events.snapshotNow(request.params.id) }),
  )

  app.get(
    '/api/events/:id/snapshots/:snapshotId',
    { schema: { tags, params: SnapshotParamsSchema }, onRequest: run },
    async (request) => events.snapshotRecords(request.params.id, request.params.snapshotId),
  )

  app.get(
    '/api/events/:id/tables/:tableId/board',
    { schema: { tags, params: TableParamsSchema }, onRequest: run },
    async (request) => events.liveBoard(request.params.id, request.params.tableId),
  )

  app.post(
    '/api/events/:id/snapshots/:snapshotId/restore',
    { schema: { tags, params: SnapshotParamsSchema }, onRequest: run },
    async (request) => events.restore(request.params.id, request.params.snapshotId),
  )
}

/** Lets the request on only with the server's setup PIN; see SetupPinCheck for the guessing limit. */
function requireSetupPin(
  check: SetupPinCheck,
  address: string,
  headers: Record<string, string | string[] | undefined>,
): void {
  const header = headers[SETUP_PIN_HEADER.toLowerCase()]
  const decision = check.check(address, typeof header === 'string' ? header : undefined)
  if (decision.allowed) return
  switch (decision.reason) {
    case 'missing':
      throw new SetupPinRefusedError(
        'Creating an event on this server needs its setup PIN, sent in the X-Setup-Pin header',
      )
    case 'wrong':
      throw new SetupPinRefusedError('The setup PIN is wrong')
    case 'locked':
      throw tooMany(decision.retryAfterSeconds, 'Too many wrong setup PINs from this address')
    default:
      decision satisfies never
      throw new Error('unknown setup PIN decision')
  }
}

/** A 429 with the wait in Retry-After and in `error.details`, as the phone-note route answers. */
function tooMany(retryAfterSeconds: number, what: string): TooManyRequestsError {
  return new TooManyRequestsError(`${what}; try again in ${retryAfterSeconds} s`, retryAfterSeconds)
}

/** The event config, checked by the shared rules with every issue in `details`. */
const eventConfigBody = decodedBy(CreateEventRequestSchema, (input) => {
  const parsed = parseEventConfig(input)
  if (parsed.ok) return parsed.config as EventConfig as never
  const first = parsed.issues[0]!
  throw new InvalidInputError(
    `Invalid field "${first.field}": ${first.code.replace(/_/g, ' ')}`,
    first.field,
    parsed.issues,
  )
})

const TIMER_ACTIONS = ['start', 'pause', 'resume', 'extend', 'reset'] as const

/** `{ action, seconds? }`, with today's messages. */
const timerBody = decodedBy(TimerRequestSchema, (body) => {
  const input = (typeof body === 'object' && body !== null ? body : {}) as {
    action?: unknown
    seconds?: unknown
  }
  const action = TIMER_ACTIONS.find((candidate) => candidate === input.action)
  if (!action) {
    throw new InvalidInputError(
      'action must be one of start, pause, resume, extend, reset',
      'action',
    )
  }
  if (action !== 'extend') return { action }
  const seconds = input.seconds
  if (
    typeof seconds !== 'number' ||
    !Number.isInteger(seconds) ||
    seconds < -3600 ||
    seconds > 3600
  ) {
    throw new InvalidInputError('seconds must be an integer between -3600 and 3600', 'seconds')
  }
  return { action, seconds }
})

/** The optional `{ from }` of a station change (NextStationRequest). */
const nextStationBody = decodedBy(NextStationRequestSchema, (body) => {
  if (body === undefined) return undefined
  const from = (typeof body === 'object' && body !== null ? body : {}) as { from?: unknown }
  if (from.from === undefined) return {}
  if (typeof from.from !== 'number' || !Number.isInteger(from.from) || from.from < 0) {
    throw new InvalidInputError('from must be a station index (0-based)', 'from')
  }
  return { from: from.from }
})

const ROLES: readonly Role[] = ['organiser', 'moderator', 'participant', 'viewer']

/** `{ role, tableId?, groupId? }`, the link to rotate. */
const rotateBody = decodedBy(RotateLinkRequestSchema, (body) => {
  const input = (typeof body === 'object' && body !== null ? body : {}) as {
    role?: unknown
    tableId?: unknown
    groupId?: unknown
  }
  const role = ROLES.find((candidate) => candidate === input.role)
  if (!role) throw new InvalidInputError(`role must be one of ${ROLES.join(', ')}`, 'role')
  const tableId = input.tableId ?? null
  if (tableId !== null && typeof tableId !== 'string') {
    throw new InvalidInputError('tableId must be a string', 'tableId')
  }
  const groupId = input.groupId ?? null
  if (groupId !== null && typeof groupId !== 'string') {
    throw new InvalidInputError('groupId must be a string', 'groupId')
  }
  return { role, tableId, groupId }
})

type TimerChange = Parameters<EventService['updateTimer']>[1]

/** The timer request as a pure transition from @tablecloth/shared. */
function timerChange(request: TimerRequest): TimerChange {
  switch (request.action) {
    case 'pause':
      return (timer, now) => pauseTimer(timer, now)
    case 'resume':
    case 'start':
      return (timer, now) => resumeTimer(timer, now)
    case 'reset':
      return (_timer, _now, config, station) => resetTimer(stationDurationSeconds(config, station))
    case 'extend':
      return (timer: TimerState, now: number) => extendTimer(timer, request.seconds ?? 0, now)
  }
}
