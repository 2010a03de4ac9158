import {
  EventParamsSchema,
  MAX_SAVED_THEME_NOTES,
  MAX_SAVED_THEMES,
  SaveThemesRequestSchema,
  SuggestThemesResponseSchema,
  THEME_NOTE_ID_MAX_LENGTH,
  THEME_TITLE_MAX_LENGTH,
  ThemesResponseSchema,
} from '@tablecloth/shared'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Access } from '../access/Access'
import { roleMay } from '../access/accessPolicy'
import type { ThemeService } from '../events/ThemeService'
import { grantOf, guard } from './guard'

/**
 * The largest body a save within the limits can take: every title at its
 * longest in 4-byte characters, every note id at its longest, and room for
 * the JSON around them. Anything bigger is refused before it is parsed.
 */
const SAVE_BODY_LIMIT =
  MAX_SAVED_THEMES * (THEME_TITLE_MAX_LENGTH * 4 + 64) +
  MAX_SAVED_THEME_NOTES * (THEME_NOTE_ID_MAX_LENGTH + 4) +
  1024

/** A suggestion takes no body; an empty JSON object is all a client may send. */
const SUGGEST_BODY_LIMIT = 1024

/**
 * Cross-table themes, documented in docs/results.md and docs/http-api.md:
 *
 * - `POST /api/events/:id/themes/suggest` → `{ themes }` proposed, nothing saved
 * - `PUT  /api/events/:id/themes` `{ themes: [{ title, noteIds }] }` → `{ themes, editable }`
 * - `GET  /api/events/:id/themes` → `{ themes, editable }` (organiser and gallery link)
 */
export function registerThemeRoutes(
  fastify: FastifyInstance,
  deps: { access: Access; themes: ThemeService },
): void {
  const { access, themes } = deps
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const tags = ['themes']

  app.post(
    '/api/events/:id/themes/suggest',
    {
      bodyLimit: SUGGEST_BODY_LIMIT,
      schema: {
        tags,
        params: EventParamsSchema,
        response: { 200: SuggestThemesResponseSchema },
      },
      onRequest: guard(access, 'event.run'),
    },
    async (request) => themes.suggest(request.params.id),
  )

  app.put(
    '/api/events/:id/themes',
    {
      bodyLimit: SAVE_BODY_LIMIT,
      schema: {
        tags,
        params: EventParamsSchema,
        body: SaveThemesRequestSchema,
        response: { 200: ThemesResponseSchema },
      },
      onRequest: guard(access, 'event.run'),
    },
    async (request) => themes.save(request.params.id, request.body),
  )

  app.get(
    '/api/events/:id/themes',
    {
      schema: { tags, params: EventParamsSchema, response: { 200: ThemesResponseSchema } },
      onRequest: guard(access, 'themes.read'),
    },
    async (request) => themes.get(request.params.id, roleMay(grantOf(request).role, 'event.run')),
  )
}
