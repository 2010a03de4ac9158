import type { TLRecord } from '@tldraw/tlschema'
import { isDocumentRecordId } from '@tablecloth/shared'
import { validateRecord, type BoardSchema } from './boardSchema'

/**
 * Bounds on one board record, beyond what tldraw's schema checks. tldraw lets
 * `meta` hold any JSON, so without them a single record could nest deep
 * enough to overflow every later encoder's stack, or be large enough to fill
 * the board on its own. A note of 500 characters is about 1 KB; a long
 * freehand stroke some tens of KB.
 */
export const RECORD_LIMITS = {
  /** Nesting of objects and arrays inside one record. tldraw's own records reach about 8. */
  maxDepth: 32,
  /** Approximate JSON size of one record, in bytes. */
  maxBytes: 256 * 1024,
  /** Length of a record id. */
  maxIdLength: 200,
} as const

/**
 * Says why `entry`, one element of a board's `records` array, is not a
 * board record, or returns null when it is: a plain `{ key, val }` object
 * whose `val` is a document record (shape, page, binding, asset, document)
 * that tldraw's schema accepts, stored under its own id, within the limits
 * above. The reason names the record type and where it fails, never its
 * contents, so it may be logged.
 */
export function entryProblem(schema: BoardSchema, entry: unknown): string | null {
  if (!isPlainObject(entry)) return 'entry=not-an-object'
  const keys = Object.keys(entry)
  if (keys.length !== 2 || !('key' in entry) || !('val' in entry)) return 'entry=not-key-val'
  const { key, val } = entry
  if (typeof key !== 'string' || key.length > RECORD_LIMITS.maxIdLength) return 'entry=bad-key'
  if (!isDocumentRecordId(key)) return 'entry=not-a-document-record'
  return recordProblem(schema, key, val)
}

/** Says why `value` may not be stored as the record `key`, or null. */
export function recordProblem(schema: BoardSchema, key: string, value: unknown): string | null {
  if (!isPlainObject(value)) return 'record=not-an-object'
  const typeName = typeof value.typeName === 'string' ? value.typeName : 'unknown'
  const bounds = boundsProblem(value)
  if (bounds) return `record=${safe(typeName)} problem=${bounds}`
  if (value.id !== key) return `record=${safe(typeName)} problem=id-differs-from-key`
  try {
    validateRecord(schema, value as unknown as TLRecord)
    return null
  } catch (error) {
    // tldraw's messages read "At shape.props.w: Expected …"; the path is enough and holds no content.
    const path =
      /^At ([\w.[\]-]{1,80})/.exec(error instanceof Error ? error.message : '')?.[1] ?? 'record'
    return `record=${safe(typeName)} problem=invalid at=${path}`
  }
}

/**
 * Walks a value without recursion (so no depth can overflow this check
 * itself) and says which bound it breaks: too deep, too large, or holding
 * something that is not JSON (binary, undefined, a non-finite number).
 */
function boundsProblem(root: unknown): string | null {
  const stack: Array<{ value: unknown; depth: number }> = [{ value: root, depth: 0 }]
  let bytes = 0
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!
    if (depth > RECORD_LIMITS.maxDepth) return 'too-deep'
    if (typeof value === 'string') bytes += value.length + 2
    else if (typeof value === 'number') {
      if (!Number.isFinite(value)) return 'not-json'
      bytes += 8
    } else if (typeof value === 'boolean' || value === null) bytes += 5
    else if (Array.isArray(value)) {
      bytes += 2
      for (const item of value) stack.push({ value: item, depth: depth + 1 })
    } else if (isPlainObject(value)) {
      bytes += 2
      for (const [name, item] of Object.entries(value)) {
        bytes += name.length + 3
        stack.push({ value: item, depth: depth + 1 })
      }
    } else return 'not-json'
    if (bytes > RECORD_LIMITS.maxBytes) return 'too-large'
  }
  return null
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/** A record type name as it may appear in a log line: letters only, short. */
function safe(typeName: string): string {
  return /^[a-z_]{1,24}$/i.test(typeName) ? typeName : 'unknown'
}
