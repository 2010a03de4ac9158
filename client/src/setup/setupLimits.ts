import { EventConfigSchema } from '@tablecloth/shared'

/** How many entries the form offers, and the duration range it shows as a hint. */
export interface SetupLimits {
  tables: number
  stations: number
  groups: number
  minColumns: number
  maxColumns: number
  minDuration: number
  maxDuration: number
}

type JsonSchema = Record<string, unknown>

function child(schema: JsonSchema, key: string): JsonSchema {
  const value = schema[key]
  if (typeof value !== 'object' || value === null) throw new Error(`event schema has no ${key}`)
  return value as JsonSchema
}

function numberIn(schema: JsonSchema, key: string): number {
  const value = schema[key]
  if (typeof value !== 'number') throw new Error(`event schema has no ${key}`)
  return value
}

/**
 * Reads the limits from the event schema itself, so the form never offers a
 * seventh question that validation would then refuse. Throws at start-up if
 * the schema stops stating a limit, rather than letting the form guess.
 */
export function readSetupLimits(): SetupLimits {
  const event = child(EventConfigSchema.toJSONSchema({ io: 'input' }), 'properties')
  const station = child(child(child(event, 'stations'), 'items'), 'properties')
  const columns = child(station, 'columns')
  const duration = child(station, 'durationMinutes')
  return {
    tables: numberIn(child(event, 'tables'), 'maxItems'),
    stations: numberIn(child(event, 'stations'), 'maxItems'),
    groups: numberIn(child(event, 'groups'), 'maxItems'),
    minColumns: numberIn(columns, 'minItems'),
    maxColumns: numberIn(columns, 'maxItems'),
    minDuration: numberIn(duration, 'minimum'),
    maxDuration: numberIn(duration, 'maximum'),
  }
}

export const SETUP_LIMITS: SetupLimits = readSetupLimits()
