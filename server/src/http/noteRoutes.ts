import {
  PhoneNoteRequestSchema,
  PhoneNoteResponseSchema,
  TableParamsSchema,
} from '@tablecloth/shared'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Access } from '../access/Access'
import type { PhoneNoteService } from '../events/PhoneNoteService'
import { clientAddress } from './clientAddress'
import { grantOf, guard } from './guard'
import { decodedBy } from './zodValidation'

/**
 * A note of 500 characters is at most about 6 KB as JSON (every character
 * escaped as `\uXXXX`, surrogate pairs twice); anything far larger is not a note.
 */
const NOTE_BODY_LIMIT = 16 * 1024

/** The note is checked by the service against the running station's columns. */
const noteBody = decodedBy(PhoneNoteRequestSchema, (input) => input as never)

/** The phone page's HTTP contract, documented in docs/http-api.md and docs/user-guide.md ("Participants' phones"). */
export function registerNoteRoutes(
  fastify: FastifyInstance,
  deps: { access: Access; notes: PhoneNoteService; trustProxy: boolean },
): void {
  const { access, notes } = deps
  fastify.withTypeProvider<ZodTypeProvider>().post(
    '/api/events/:id/tables/:tableId/notes',
    {
      bodyLimit: NOTE_BODY_LIMIT,
      schema: {
        tags: ['notes'],
        params: TableParamsSchema,
        body: noteBody,
        response: { 201: PhoneNoteResponseSchema },
      },
      onRequest: guard(access, 'note.add', { table: true }),
      // An unknown table is named before the body is judged.
      preValidation: async (request) =>
        notes.requireTable(request.params.id, request.params.tableId),
    },
    async (request, reply) => {
      const grant = grantOf(request)
      const sender = {
        role: grant.role,
        token: grant.token,
        address: clientAddress(request.raw, deps.trustProxy),
        groupId: grant.groupId,
      }
      const written = await notes.add(
        request.params.id,
        request.params.tableId,
        sender,
        request.body,
      )
      return reply.code(201).send(written)
    },
  )
}
