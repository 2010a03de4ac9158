import {
  EventParamsSchema,
  HiddenNotesResponseSchema,
  HideNoteRequestSchema,
  HideNoteResponseSchema,
  isConfigId,
  isNoteId,
  NoteParamsSchema,
} from '@tablecloth/shared'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Access } from '../access/Access'
import { InvalidInputError } from '../domain/errors'
import type { HiddenNoteService } from '../events/HiddenNoteService'
import { guard } from './guard'
import { decodedBy } from './zodValidation'

/** `{ "tableId": "…" }` and nothing near a kilobyte. */
const BODY_LIMIT = 1024

/**
 * Review before publishing, documented in docs/results.md and docs/http-api.md:
 *
 * - `GET    /api/events/:id/hidden-notes`          → `{ hiddenNotes }`
 * - `PUT    /api/events/:id/hidden-notes/:noteId`  `{ tableId }` → 201/200 `{ hiddenNote }`
 * - `DELETE /api/events/:id/hidden-notes/:noteId`  → 204, shown again
 */
export function registerHiddenNoteRoutes(
  fastify: FastifyInstance,
  deps: { access: Access; hiddenNotes: HiddenNoteService },
): void {
  const { access, hiddenNotes } = deps
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const tags = ['results']
  const run = guard(access, 'event.run')

  app.get(
    '/api/events/:id/hidden-notes',
    {
      schema: { tags, params: EventParamsSchema, response: { 200: HiddenNotesResponseSchema } },
      onRequest: run,
    },
    async (request) => hiddenNotes.list(request.params.id),
  )

  app.put(
    '/api/events/:id/hidden-notes/:noteId',
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        tags,
        params: noteParams,
        body: hideBody,
        response: { 200: HideNoteResponseSchema, 201: HideNoteResponseSchema },
      },
      onRequest: run,
    },
    async (request, reply) => {
      const { created, hiddenNote } = await hiddenNotes.hide(
        request.params.id,
        request.body.tableId,
        request.params.noteId,
      )
      return reply.code(created ? 201 : 200).send({ hiddenNote })
    },
  )

  app.delete(
    '/api/events/:id/hidden-notes/:noteId',
    { schema: { tags, params: noteParams }, onRequest: run },
    async (request, reply) => {
      hiddenNotes.show(request.params.id, request.params.noteId)
      return reply.code(204).send()
    },
  )
}

const noteParams = decodedBy(NoteParamsSchema, (input) => {
  const params = input as { id: string; noteId: string }
  if (!isNoteId(params.noteId)) {
    throw new InvalidInputError('noteId must be a note id such as "shape:abc123"', 'noteId')
  }
  return params
})

const hideBody = decodedBy(HideNoteRequestSchema, (body) => {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InvalidInputError('Expected an object { tableId }', 'tableId')
  }
  const tableId = (body as { tableId?: unknown }).tableId
  if (tableId === undefined) throw new InvalidInputError('tableId is required', 'tableId')
  if (typeof tableId !== 'string' || !isConfigId(tableId)) {
    throw new InvalidInputError(
      'tableId must be a table id (1 to 32 of A–Z a–z 0–9 _ -)',
      'tableId',
    )
  }
  return { tableId }
})
