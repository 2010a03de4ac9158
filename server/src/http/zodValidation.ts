import type { FastifySchemaCompiler } from 'fastify'
import type { z } from 'zod'
import { ApiErrorCode } from '@tablecloth/shared'
import { InvalidInputError } from '../domain/errors'
import { RequestError } from './RequestError'
import { requireReadableBody } from './jsonBody'

type Decoder = (input: unknown) => unknown

/** Route-specific decoders for schemas whose answers name fields in their own words. */
const decoders = new WeakMap<z.ZodType, Decoder>()

/**
 * Marks `schema` as checked by `decode` instead of zod's own parse. The
 * schema still types the route and documents it in OpenAPI; `decode` throws
 * InvalidInputError with the field and message clients have always seen.
 */
export function decodedBy<T extends z.ZodType>(
  schema: T,
  decode: (input: unknown) => z.output<T>,
): T {
  decoders.set(schema, decode)
  return schema
}

/**
 * Validates bodies, params and query strings with the shared zod schemas.
 * A failure is an InvalidInputError naming the first field at fault; the
 * error handler answers it like any other (400 `validation_failed`).
 */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => {
  const decode = decoders.get(schema) ?? ((input: unknown) => parseWithZod(schema, input))
  return (data: unknown) => {
    try {
      let input = data
      if (httpPart === 'body') {
        input = requireReadableBody(data)
        if (input === undefined && !schema.safeParse(undefined).success) {
          throw new RequestError(400, ApiErrorCode.InvalidJson, 'Request body is empty')
        }
      }
      return { value: decode(input) }
    } catch (error) {
      if (error instanceof Error) return { error }
      throw error
    }
  }
}

function parseWithZod(schema: z.ZodType, input: unknown): unknown {
  const parsed = schema.safeParse(input)
  if (parsed.success) return parsed.data
  const issues = parsed.error.issues.map((issue) => ({
    field: issue.path.map(String).join('.'),
    code: issue.code,
  }))
  const first = parsed.error.issues[0]!
  const field = issues[0]!.field
  throw new InvalidInputError(`${field || 'body'}: ${first.message}`, field || undefined, issues)
}
