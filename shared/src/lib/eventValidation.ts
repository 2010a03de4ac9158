import type { z } from 'zod'
import { EventConfigSchema, type EventConfig } from './eventConfig'
import { assignGroupColours, isNoteColour } from './groupColours'

/**
 * Validation of an organiser's event config: the one gate every config passes,
 * whether it comes from the setup form, a JSON import or the HTTP API. It
 * reports problems as codes, not sentences, so the UI can say them in German
 * or English, and it hands back a normalised config the rest of the app can
 * trust without checking again.
 */

/** Every reason a config can be refused. The UI has a translation for each. */
export const VALIDATION_CODES = [
  /** A required value is missing or blank. */
  'required',
  /** The value has the wrong JSON type (for example a string where a list belongs). */
  'invalid_type',
  /** A text is shorter than `params.min` characters. */
  'too_short',
  /** A text is longer than `params.max` characters. */
  'too_long',
  /** A list has fewer than `params.min` entries. */
  'too_few',
  /** A list has more than `params.max` entries. */
  'too_many',
  /** Not a calendar date in the form YYYY-MM-DD. */
  'invalid_date',
  /** An id other than 1–32 letters, digits, `-` or `_`. */
  'invalid_id',
  /** `params.id` is used by an earlier entry of the same list. */
  'duplicate_id',
  /** A rotation plan names a table `params.id` that the event does not have. */
  'unknown_table',
  /** A rotation plan names a group `params.id` that the event does not have. */
  'unknown_group',
  /** A fixed rotation plan leaves group `params.group` without a table in a station. */
  'group_not_seated',
  /** A fixed rotation plan seats this group at `params.table` together with `params.group`. */
  'table_shared',
  /** A number was expected. */
  'not_a_number',
  /** A whole number was expected. */
  'not_an_integer',
  /** A number below `params.min` or above `params.max`. */
  'out_of_range',
  /** Not one of the allowed choices (for example the rotation mode). */
  'invalid_option',
  /** Not one of tldraw's note colours. */
  'invalid_colour',
  /** The value is not accepted for another reason. */
  'invalid_value',
  /** More issues were found than are reported; `params.omitted` says how many. */
  'too_many_issues',
] as const
export type ValidationCode = (typeof VALIDATION_CODES)[number]

/** One problem with one field of a config. */
export interface ValidationIssue {
  /** Dotted path to the field, e.g. `stations.1.columns.0`; `''` means the whole config. */
  field: string
  code: ValidationCode
  params?: Record<string, string | number>
}

export type EventConfigParseResult =
  | { ok: true; config: EventConfig }
  | { ok: false; issues: ValidationIssue[] }

/**
 * At most this many issues are reported. A pasted file with thousands of bad
 * rows would otherwise produce a response and a form nobody can read.
 */
export const MAX_VALIDATION_ISSUES = 50

/**
 * Validates and normalises an organiser's config.
 *
 * Normalising means: texts are trimmed (and otherwise passed through
 * untouched, umlauts, emoji and right-to-left scripts included); blank ids
 * are treated as missing; tables, stations and groups without an id get
 * `t<n>`, `s<n>` and `g<n>` after their position, skipping ids already taken;
 * groups without a colour get one from the group palette (`GROUP_COLOURS`). A fixed rotation
 * plan must name known tables and groups, have one entry per station, seat
 * every group in every station, and seat groups apart unless there are more
 * groups than tables.
 */
export function parseEventConfig(input: unknown): EventConfigParseResult {
  const prepared = withBlankIdsRemoved(input)
  const parsed = EventConfigSchema.safeParse(prepared)
  const issues = parsed.success
    ? []
    : parsed.error.issues.map((issue) => fromSchemaIssue(issue, prepared))
  issues.push(...calendarDateIssues(prepared))
  if (!parsed.success) return failure(issues)

  const data = parsed.data
  issues.push(
    ...duplicateIdIssues('tables', data.tables),
    ...duplicateIdIssues('stations', data.stations),
    ...duplicateIdIssues('groups', data.groups),
    ...colourIssues(data.groups),
  )
  if (issues.length > 0) return failure(issues)

  const tableIds = completeIds('t', data.tables)
  const stationIds = completeIds('s', data.stations)
  const groupIds = completeIds('g', data.groups)
  const colours = assignGroupColours(data.groups.map((group) => group.colour))
  const config: EventConfig = {
    title: data.title,
    date: data.date,
    venue: data.venue,
    tables: data.tables.map((table, index) => ({
      id: tableIds[index]!,
      topic: table.topic,
      moderator: table.moderator,
    })),
    stations: data.stations.map((station, index) => ({
      id: stationIds[index]!,
      title: station.title,
      columns: station.columns,
      durationMinutes: station.durationMinutes,
    })),
    groups: data.groups.map((group, index) => ({
      id: groupIds[index]!,
      name: group.name,
      colour: colours[index]!,
    })),
    rotation: data.rotation,
    showBoardToParticipants: data.showBoardToParticipants,
    startTimerOnStationChange: data.startTimerOnStationChange,
    language: data.language,
  }
  issues.push(...rotationIssues(config))
  return issues.length > 0 ? failure(issues) : { ok: true, config }
}

/**
 * The config as JSON text for export, with a fixed key order so two exports of
 * the same event are byte-identical. `parseEventConfig(JSON.parse(text))`
 * gives back an equal config.
 */
export function serializeEventConfig(config: EventConfig): string {
  const plain: EventConfig = {
    title: config.title,
    date: config.date,
    venue: config.venue,
    tables: config.tables.map(({ id, topic, moderator }) => ({ id, topic, moderator })),
    stations: config.stations.map(({ id, title, columns, durationMinutes }) => ({
      id,
      title,
      columns: [...columns],
      durationMinutes,
    })),
    groups: config.groups.map(({ id, name, colour }) => ({ id, name, colour })),
    rotation:
      config.rotation.mode === 'fixed'
        ? { mode: 'fixed', plan: config.rotation.plan.map((seating) => ({ ...seating })) }
        : { mode: config.rotation.mode },
    showBoardToParticipants: config.showBoardToParticipants,
    startTimerOnStationChange: config.startTimerOnStationChange,
    language: config.language,
  }
  return `${JSON.stringify(plain, null, 2)}\n`
}

function failure(issues: ValidationIssue[]): EventConfigParseResult {
  if (issues.length <= MAX_VALIDATION_ISSUES) return { ok: false, issues }
  const kept = issues.slice(0, MAX_VALIDATION_ISSUES - 1)
  const omitted = issues.length - kept.length
  return {
    ok: false,
    issues: [...kept, { field: '', code: 'too_many_issues', params: { omitted } }],
  }
}

type Path = ReadonlyArray<PropertyKey>

function fieldOf(path: Path): string {
  return path.map(String).join('.')
}

function valueAt(input: unknown, path: Path): unknown {
  let value = input
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}

/** Translates one schema complaint into our closed set of codes. */
function fromSchemaIssue(issue: z.core.$ZodIssue, input: unknown): ValidationIssue {
  const field = fieldOf(issue.path)
  const missing = valueAt(input, issue.path) === undefined
  switch (issue.code) {
    case 'invalid_type':
      if (missing) return { field, code: 'required' }
      if (issue.expected === 'int') return { field, code: 'not_an_integer' }
      if (issue.expected === 'number') return { field, code: 'not_a_number' }
      return { field, code: 'invalid_type', params: { expected: issue.expected } }
    case 'too_small': {
      const min = Number(issue.minimum)
      if (issue.origin === 'string') {
        return min <= 1
          ? { field, code: 'required' }
          : { field, code: 'too_short', params: { min } }
      }
      if (issue.origin === 'array') return { field, code: 'too_few', params: { min } }
      return { field, code: 'out_of_range', params: { min } }
    }
    case 'too_big': {
      const max = Number(issue.maximum)
      if (issue.origin === 'string') return { field, code: 'too_long', params: { max } }
      if (issue.origin === 'array') return { field, code: 'too_many', params: { max } }
      return { field, code: 'out_of_range', params: { max } }
    }
    case 'invalid_format': {
      const last = issue.path[issue.path.length - 1]
      if (last === 'date') return { field, code: 'invalid_date' }
      if (last === 'id') return { field, code: 'invalid_id' }
      return { field, code: 'invalid_value' }
    }
    case 'invalid_union':
    case 'invalid_value':
      return missing ? { field, code: 'required' } : { field, code: 'invalid_option' }
    default:
      return { field, code: 'invalid_value' }
  }
}

/**
 * Blank ids come from forms and spreadsheets that write an empty cell; they
 * mean "no id yet", not "the id is the empty string".
 */
function withBlankIdsRemoved(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input
  const copy: Record<string, unknown> = { ...input }
  for (const list of ['tables', 'stations', 'groups']) {
    const entries = copy[list]
    if (!Array.isArray(entries)) continue
    copy[list] = entries.map((entry: unknown) => {
      if (typeof entry !== 'object' || entry === null || !('id' in entry)) return entry
      const id: unknown = entry.id
      if (id !== null && !(typeof id === 'string' && id.trim() === '')) return entry
      const { id: _blank, ...rest } = entry
      return rest
    })
  }
  return copy
}

/** The schema checks the date's shape; this catches shapes like 2019-02-30. */
function calendarDateIssues(input: unknown): ValidationIssue[] {
  const date = valueAt(input, ['date'])
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return []
  return isCalendarDate(date) ? [] : [{ field: 'date', code: 'invalid_date' }]
}

function isCalendarDate(date: string): boolean {
  const [year = 0, month = 0, day = 0] = date.split('-').map(Number)
  const parsed = new Date(Date.UTC(year, month - 1, day))
  return (
    parsed.getUTCFullYear() === year &&
    parsed.getUTCMonth() === month - 1 &&
    parsed.getUTCDate() === day
  )
}

function duplicateIdIssues(
  list: string,
  entries: ReadonlyArray<{ id?: string | undefined }>,
): ValidationIssue[] {
  const seen = new Set<string>()
  const issues: ValidationIssue[] = []
  entries.forEach((entry, index) => {
    if (entry.id === undefined) return
    if (seen.has(entry.id)) {
      issues.push({ field: `${list}.${index}.id`, code: 'duplicate_id', params: { id: entry.id } })
    }
    seen.add(entry.id)
  })
  return issues
}

function colourIssues(groups: ReadonlyArray<{ colour?: string | undefined }>): ValidationIssue[] {
  const issues: ValidationIssue[] = []
  groups.forEach((group, index) => {
    if (group.colour !== undefined && !isNoteColour(group.colour)) {
      issues.push({ field: `groups.${index}.colour`, code: 'invalid_colour' })
    }
  })
  return issues
}

/**
 * Gives every entry an id. An entry without one is named after its position
 * (`t3` for the third table) so ids stay put when a config is edited and
 * validated again; if that name is taken, the next free number is used.
 */
function completeIds(
  prefix: string,
  entries: ReadonlyArray<{ id?: string | undefined }>,
): string[] {
  const taken = new Set(entries.flatMap((entry) => (entry.id === undefined ? [] : [entry.id])))
  let spare = entries.length + 1
  return entries.map((entry, index) => {
    if (entry.id !== undefined) return entry.id
    let id = `${prefix}${index + 1}`
    while (taken.has(id)) id = `${prefix}${spare++}`
    taken.add(id)
    return id
  })
}

function rotationIssues(config: EventConfig): ValidationIssue[] {
  const { rotation, groups, tables, stations } = config
  if (rotation.mode === 'free') return []
  // A rotation moves groups; without any there is nothing to plan.
  if (groups.length === 0) return [{ field: 'groups', code: 'too_few', params: { min: 1 } }]
  if (rotation.mode === 'generated') return []

  const issues: ValidationIssue[] = []
  const { plan } = rotation
  if (plan.length < stations.length) {
    issues.push({ field: 'rotation.plan', code: 'too_few', params: { min: stations.length } })
  } else if (plan.length > stations.length) {
    issues.push({ field: 'rotation.plan', code: 'too_many', params: { max: stations.length } })
  }
  const groupIds = new Set(groups.map((group) => group.id))
  const tableIds = new Set(tables.map((table) => table.id))
  // With more groups than tables some tables must host several groups.
  const mayShare = groups.length > tables.length
  plan.forEach((seating, stationIndex) => {
    const field = `rotation.plan.${stationIndex}`
    const firstAt = new Map<string, string>()
    for (const [groupId, tableId] of Object.entries(seating)) {
      if (!groupIds.has(groupId)) {
        issues.push({
          field: `${field}.${groupId}`,
          code: 'unknown_group',
          params: { id: groupId },
        })
        continue
      }
      if (!tableIds.has(tableId)) {
        issues.push({
          field: `${field}.${groupId}`,
          code: 'unknown_table',
          params: { id: tableId },
        })
        continue
      }
      const other = firstAt.get(tableId)
      if (other !== undefined && !mayShare) {
        issues.push({
          field: `${field}.${groupId}`,
          code: 'table_shared',
          params: { table: tableId, group: other },
        })
      }
      if (other === undefined) firstAt.set(tableId, groupId)
    }
    for (const group of groups) {
      if (seating[group.id] === undefined) {
        issues.push({
          field: `${field}.${group.id}`,
          code: 'group_not_seated',
          params: { group: group.id },
        })
      }
    }
  })
  return issues
}
