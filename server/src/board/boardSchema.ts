import { createTLSchema, type TLRecord } from '@tldraw/tlschema'

/**
 * tldraw's default schema, the same one the client's store uses. Every record
 * the server writes into a board is validated against it first, so a board
 * never receives a record tldraw would reject.
 */
export type BoardSchema = ReturnType<typeof createTLSchema>

export function createBoardSchema(): BoardSchema {
  return createTLSchema()
}

export function validateRecord(schema: BoardSchema, record: TLRecord): TLRecord {
  const type = schema.types[record.typeName]
  if (!type) throw new Error(`unknown record type ${record.typeName}`)
  return type.validate(record) as TLRecord
}
