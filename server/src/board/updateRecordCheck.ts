import * as Y from 'yjs'
import type { TLRecord } from '@tldraw/tlschema'
import { validateRecord, type BoardSchema } from './boardSchema'

type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>

/**
 * Checks the records an incoming board update would write, before the
 * update is stored or relayed: every `{ key, val }` entry it inserts (how
 * the board's key-value array holds tldraw records) must be a record
 * tldraw's own schema accepts, stored under its own id. A board that took
 * one it rejects would fail to open on every device.
 *
 * Returns null when the update is fine, otherwise a short reason for the
 * log that names the record type and where it fails, never its contents.
 */
export function rejectedRecord(schema: BoardSchema, decoded: DecodedUpdate): string | null {
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentAny)) continue
    for (const entry of struct.content.arr) {
      if (!isKeyValueEntry(entry)) continue
      const problem = recordProblem(schema, entry.key, entry.val)
      if (problem) return problem
    }
  }
  return null
}

function recordProblem(schema: BoardSchema, key: string, value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'record=not-an-object'
  const record = value as Partial<TLRecord>
  const typeName = typeof record.typeName === 'string' ? record.typeName : 'unknown'
  if (record.id !== key) return `record=${safe(typeName)} problem=id-differs-from-key`
  try {
    validateRecord(schema, record as TLRecord)
    return null
  } catch (error) {
    // tldraw's messages read "At shape.props.w: Expected …"; the path is enough and holds no content.
    const path = /^At ([\w.[\]-]{1,80})/.exec(error instanceof Error ? error.message : '')?.[1] ?? 'record'
    return `record=${safe(typeName)} problem=invalid at=${path}`
  }
}

function isKeyValueEntry(entry: unknown): entry is { key: string; val: unknown } {
  return typeof entry === 'object' && entry !== null && 'key' in entry && 'val' in entry && typeof entry.key === 'string'
}

/** A record type name as it may appear in a log line: letters only, short. */
function safe(typeName: string): string {
  return /^[a-z_]{1,24}$/i.test(typeName) ? typeName : 'unknown'
}
