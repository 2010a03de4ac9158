import { isEqual, type SerializedSchema, type TLRecord, type TLStore } from 'tldraw'

/**
 * How the schema stamped into a board doc relates to this device's tldraw:
 * - current: records can be used as they are;
 * - older: records are migrated up when read (the server upgrades the doc
 *   itself when it loads the board, and stamps it anew);
 * - incompatible: written by a newer (or unknown) schema. Binding would
 *   misread or overwrite records this device does not understand.
 */
export type SchemaVerdict =
  | { kind: 'current' }
  | { kind: 'older'; persisted: SerializedSchema }
  | { kind: 'incompatible'; reason: string }

type StoreSchema = TLStore['schema']

function isSerializedSchema(value: unknown): value is SerializedSchema {
  if (typeof value !== 'object' || value === null) return false
  const version = (value as { schemaVersion?: unknown }).schemaVersion
  return version === 1 || version === 2
}

/** Judges a doc's `meta.schema` stamp against the store's schema. No stamp means a fresh board. */
export function judgeDocSchema(schema: StoreSchema, persisted: unknown): SchemaVerdict {
  if (persisted === undefined || persisted === null) return { kind: 'current' }
  if (!isSerializedSchema(persisted)) {
    return { kind: 'incompatible', reason: 'unreadable schema stamp' }
  }
  const ours = schema.serialize()
  if (isEqual(ours, persisted)) return { kind: 'current' }

  // Migration sequences we have never heard of come from a newer tldraw or from shapes we lack.
  if (persisted.schemaVersion === 2) {
    const unknown = Object.keys(persisted.sequences).filter((id) => !(id in ours.sequences))
    if (unknown.length > 0) {
      return { kind: 'incompatible', reason: `unknown migration sequences: ${unknown.join(', ')}` }
    }
  }
  const migrations = schema.getMigrationsSince(persisted)
  if (!migrations.ok) return { kind: 'incompatible', reason: String(migrations.error) }
  return { kind: 'older', persisted }
}

/**
 * Brings records written under an older schema up to the store's schema.
 * Throws when tldraw's migrations fail, which the caller treats like an
 * incompatible board.
 */
export function migrateRecords(
  schema: StoreSchema,
  verdict: SchemaVerdict,
  records: TLRecord[],
): TLRecord[] {
  if (verdict.kind === 'current' || records.length === 0) return records
  if (verdict.kind === 'incompatible') throw new Error(`cannot read records: ${verdict.reason}`)
  const result = schema.migrateStoreSnapshot({
    schema: verdict.persisted,
    store: Object.fromEntries(records.map((record) => [record.id, record])),
  })
  if (result.type === 'error') throw new Error(`migration failed: ${result.reason}`)
  return Object.values(result.value)
}
