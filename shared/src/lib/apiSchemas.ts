import { z } from 'zod'
import { ApiErrorCode } from './api'
import { EventConfigSchema } from './eventConfig'
import { idPattern, MAX_CONFIG_ID_LENGTH } from './ids'
import { NOTE_TEXT_MAX_LENGTH } from './phoneNote'
import { RESULTS_FORMATS } from './resultsExport'
import { RESULTS_LANGUAGES } from './resultsLanguage'

/**
 * The HTTP contract as zod schemas: the server validates requests with them
 * and publishes them as OpenAPI (`GET /api/openapi.json`); the interfaces in
 * api.ts describe the same shapes for the client. Where a rule needs more
 * than a schema (the event config's cross-checks, a note's column against
 * the running station), the server checks that too and answers the same way.
 */

const configId = z.string().regex(new RegExp(`^${idPattern(MAX_CONFIG_ID_LENGTH)}$`))
const ROLE_VALUES = ['organiser', 'moderator', 'participant', 'viewer'] as const

export const RoleSchema = z.enum(ROLE_VALUES)

export const ApiErrorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(Object.values(ApiErrorCode) as [ApiErrorCode, ...ApiErrorCode[]]),
      message: z.string(),
      field: z.string().optional(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'ApiError' })

/** Path parameters. Ids are checked by the services (an unknown id is a 404, not a 400). */
export const EventParamsSchema = z.object({ id: z.string() })
export const TableParamsSchema = z.object({ id: z.string(), tableId: z.string() })
export const SnapshotParamsSchema = z.object({ id: z.string(), snapshotId: z.string() })
export const NoteParamsSchema = z.object({ id: z.string(), noteId: z.string() })
export const ResultsParamsSchema = z.object({ id: z.string(), format: z.enum(RESULTS_FORMATS) })

export const ResultsQuerySchema = z.object({
  table: z.string().optional(),
  /** A station id, or its 0-based index. */
  station: z.string().optional(),
  lang: z.enum(RESULTS_LANGUAGES).optional(),
})

export const CreateEventRequestSchema = EventConfigSchema

export const TimerRequestSchema = z.object({
  action: z.enum(['start', 'pause', 'resume', 'extend', 'reset']),
  /** With `extend`: seconds to add (negative shortens), at most an hour either way. */
  seconds: z.number().int().min(-3600).max(3600).optional(),
})
export type TimerRequest = z.infer<typeof TimerRequestSchema>

export const NextStationRequestSchema = z
  .object({ from: z.number().int().min(0).optional() })
  .optional()

export const RotateLinkRequestSchema = z.object({
  role: RoleSchema,
  tableId: z.string().nullable().optional(),
  groupId: z.string().nullable().optional(),
})

export const HideNoteRequestSchema = z.object({ tableId: configId })

export const PhoneNoteRequestSchema = z.object({
  text: z.string().max(NOTE_TEXT_MAX_LENGTH * 4),
  column: z.number().int().min(0),
  stationId: z.string().optional(),
  idempotencyKey: z.string().optional(),
})

export const ServerConfigResponseSchema = z.object({
  tldrawLicenseKey: z.string().nullable(),
  protocol: z.number().int(),
  setupPinRequired: z.boolean(),
})
/**
 * `/healthz`: `ok` when everything the server needs answers. The store is
 * always reported; the relay between processes (Redis) when one is set up.
 */
export const HealthResponseSchema = z.object({
  ok: z.boolean(),
  store: z.object({ engine: z.enum(['sqlite', 'postgres']), ok: z.boolean() }),
  relay: z.object({ ok: z.boolean() }).optional(),
})
export const TimeResponseSchema = z.object({ serverTime: z.number() })

export const TimerStateSchema = z.object({
  durationSeconds: z.number(),
  runningSince: z.number().nullable(),
  elapsedBeforeSeconds: z.number(),
})

export const EventViewSchema = z
  .object({
    id: z.string(),
    config: z.looseObject({ title: z.string(), date: z.string() }),
    currentStation: z.number().int(),
    timer: TimerStateSchema,
    serverTime: z.number(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    seat: z
      .object({ tableId: z.string(), title: z.string(), number: z.number().int() })
      .nullable()
      .optional(),
  })
  .meta({ id: 'EventView' })

export const TableLinksSchema = z.object({
  id: z.string(),
  title: z.string(),
  board: z.string(),
  projector: z.string(),
  participant: z.string(),
  tokens: z.object({ moderator: z.string(), participant: z.string(), viewer: z.string() }),
})

export const GroupLinksSchema = z.object({
  id: z.string(),
  name: z.string(),
  participant: z.string(),
  tokens: z.object({ participant: z.string() }),
})

export const EventLinksSchema = z.object({
  control: z.string(),
  gallery: z.string(),
  tables: z.array(TableLinksSchema),
  groups: z.array(GroupLinksSchema),
})

export const CreateEventResponseSchema = z.object({
  id: z.string(),
  organiserToken: z.string(),
  links: EventLinksSchema,
})
export const RotateLinkResponseSchema = z.object({
  organiserToken: z.string(),
  links: EventLinksSchema,
})

export const SnapshotSummarySchema = z
  .object({
    id: z.string(),
    tableId: z.string(),
    stationIndex: z.number().int(),
    stationId: z.string(),
    createdAt: z.string(),
    reason: z.enum(['station-change', 'pre-restore', 'manual']),
  })
  .meta({ id: 'SnapshotSummary' })

export const SnapshotListResponseSchema = z.object({ snapshots: z.array(SnapshotSummarySchema) })
export const StationChangeResponseSchema = z.object({
  view: EventViewSchema,
  snapshots: z.array(SnapshotSummarySchema),
})
export const SnapshotRecordsResponseSchema = z.object({
  snapshot: SnapshotSummarySchema,
  records: z.array(z.unknown()),
})
export const RestoreResponseSchema = z.object({ undo: SnapshotSummarySchema })
export const LiveBoardResponseSchema = z.object({
  tableId: z.string(),
  stationIndex: z.number().int(),
  at: z.string(),
  records: z.array(z.unknown()),
})

const count = z.number().int()
export const EventOverviewSchema = z.object({
  tables: z.array(
    z.object({
      id: z.string(),
      connections: count,
      presence: z.object({
        moderators: count,
        organisers: count,
        projectors: count,
        gallery: count,
        phones: count,
      }),
      names: z.array(z.string()),
      moderatorNames: z.array(z.string()),
      columns: z.array(count),
      unsorted: count,
    }),
  ),
  serverTime: z.number(),
})

export const HiddenNoteSchema = z.object({
  noteId: z.string(),
  tableId: z.string(),
  hiddenAt: z.string(),
  text: z.string().optional(),
  stationId: z.string().optional(),
  columnIndex: z.number().int().nullable().optional(),
})
export const HiddenNotesResponseSchema = z.object({ hiddenNotes: z.array(HiddenNoteSchema) })
export const HideNoteResponseSchema = z.object({ hiddenNote: HiddenNoteSchema })
export const PhoneNoteResponseSchema = z.object({ id: z.string() })
