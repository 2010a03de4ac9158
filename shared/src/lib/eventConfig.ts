import { z } from 'zod'
import { HYPHENATION_LANGUAGES, type HyphenationLanguage } from './hyphenation'
import { MAX_CONFIG_ID_LENGTH, idPattern } from './ids'

// zod probes whether it may compile validators with `Function`; the pages'
// Content-Security-Policy forbids eval, so it is told not to try.
z.config({ jitless: true })

/**
 * The organiser's description of a café day. This is the one schema for the
 * event: the HTTP API decodes request bodies with it, the setup form validates
 * with it, and JSON import/export round-trips through it.
 */

const id = z.string().regex(new RegExp(`^${idPattern(MAX_CONFIG_ID_LENGTH)}$`), 'id')
const text = (max: number) => z.string().trim().max(max)

export const TableConfigSchema = z.object({
  id: id.optional(),
  topic: text(200).min(1),
  moderator: text(100).default(''),
})

export const StationConfigSchema = z.object({
  id: id.optional(),
  title: text(200).min(1),
  /** The guiding questions, one per column, left to right. */
  columns: z.array(text(300).min(1)).min(1).max(6),
  durationMinutes: z.number().int().min(1).max(480),
})

export const GroupConfigSchema = z.object({
  id: id.optional(),
  name: text(100).min(1),
  /** One of tldraw's note colours, so the board can show who wrote what. */
  colour: z.string().max(20).optional(),
})

/** Which group sits at which table, per station: `plan[stationIndex][groupId] = tableId`. */
export const SeatingPlanSchema = z.array(z.record(z.string(), z.string()))

export const RotationConfigSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('free') }),
  z.object({ mode: z.literal('generated') }),
  z.object({ mode: z.literal('fixed'), plan: SeatingPlanSchema }),
])

export const EventConfigSchema = z.object({
  title: text(200).min(1),
  /** ISO calendar date, YYYY-MM-DD. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date'),
  venue: text(200).default(''),
  tables: z.array(TableConfigSchema).min(1).max(60),
  stations: z.array(StationConfigSchema).min(1).max(12),
  groups: z.array(GroupConfigSchema).max(60).default([]),
  rotation: RotationConfigSchema.default({ mode: 'free' }),
  /** Lets participants see the board on the phone page (issue: capture). */
  showBoardToParticipants: z.boolean().default(false),
  /**
   * Whether a station change also starts the new station's timer. Off by
   * default: the organiser starts it once the groups have sat down.
   */
  startTimerOnStationChange: z.boolean().default(false),
  /**
   * The language the day is held in: notes whose words do not say otherwise
   * are hyphenated by its rules (see `noteLanguage`).
   */
  language: z.enum(HYPHENATION_LANGUAGES).default('de'),
})

export type TableConfig = z.infer<typeof TableConfigSchema>
export type StationConfig = z.infer<typeof StationConfigSchema>
export type GroupConfig = z.infer<typeof GroupConfigSchema>
export type RotationConfig = z.infer<typeof RotationConfigSchema>
export type SeatingPlan = z.infer<typeof SeatingPlanSchema>
/** What the organiser sends (ids optional). */
export type EventConfigInput = z.input<typeof EventConfigSchema>

/** An event config after validation: every table, station and group has an id. */
export interface EventConfig {
  title: string
  date: string
  venue: string
  tables: Array<Required<TableConfig>>
  stations: Array<Required<StationConfig>>
  groups: Array<{ id: string; name: string; colour: string }>
  rotation: RotationConfig
  showBoardToParticipants: boolean
  startTimerOnStationChange: boolean
  language: HyphenationLanguage
}

export type Table = EventConfig['tables'][number]
export type Station = EventConfig['stations'][number]
export type Group = EventConfig['groups'][number]
