import { create as contentDisposition } from 'content-disposition'
import {
  ApiErrorCode,
  isResultsFormat,
  isResultsLanguage,
  RESULTS_FORMATS,
  RESULTS_LANGUAGES,
  ResultsParamsSchema,
  ResultsQuerySchema,
  type ResultsLanguage,
} from '@tablecloth/shared'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Access } from '../access/Access'
import { InvalidInputError } from '../domain/errors'
import type { ResultsQuery, ResultsService } from '../events/ResultsService'
import { guard } from './guard'
import { RequestError } from './RequestError'
import { decodedBy } from './zodValidation'

/**
 * The results exports documented in docs/results.md:
 * `GET /api/events/:id/results.<format>?table=<id>&station=<id or index>&lang=<de|en>`,
 * where format is json, csv, md, html, pdf or docx.
 */
export function registerResultRoutes(
  fastify: FastifyInstance,
  deps: { access: Access; results: ResultsService },
): void {
  const { access, results } = deps
  fastify.withTypeProvider<ZodTypeProvider>().get(
    '/api/events/:id/results.:format',
    {
      schema: { tags: ['results'], params: resultsParams, querystring: resultsQuery },
      // An unknown format is a route that does not exist, whoever asks.
      onRequest: [checkFormat, guard(access, 'event.run')],
    },
    async (request, reply) => {
      const { id, format } = request.params
      const { lang, ...query } = request.query
      const language: ResultsLanguage = lang ?? 'de'
      const { body, contentType, fileName } = await results.exportFile(id, format, query, language)
      return reply
        .code(200)
        .headers({
          'content-type': contentType,
          'content-length': body.length,
          'content-disposition': contentDisposition(fileName, {
            fallback: asciiFallback(fileName),
          }),
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
          // The HTML page carries note text from anyone at a table: even if
          // something slipped past escaping, it could neither run nor load anything.
          'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
        })
        .send(body)
    },
  )
}

async function checkFormat(request: { params: unknown }): Promise<void> {
  const { format } = request.params as { format: string }
  if (!isResultsFormat(format)) {
    throw new RequestError(
      404,
      ApiErrorCode.NotFound,
      `No results format "${format}": one of ${RESULTS_FORMATS.join(', ')}`,
    )
  }
}

const resultsParams = decodedBy(ResultsParamsSchema, (input) => input as never)

const resultsQuery = decodedBy(ResultsQuerySchema, (input) => {
  const params = input as Record<string, string | string[] | undefined>
  const one = (name: string) => {
    const value = params[name]
    return Array.isArray(value) ? value[0] : value
  }
  const table = one('table')
  const station = one('station')
  const lang = one('lang') ?? 'de'
  if (!isResultsLanguage(lang)) {
    throw new InvalidInputError(`lang must be one of ${RESULTS_LANGUAGES.join(', ')}`, 'lang')
  }
  const query: ResultsQuery & { lang: ResultsLanguage } = {
    ...(table !== undefined && { table }),
    ...(station !== undefined && { station }),
    lang,
  }
  return query
})

/**
 * The name for clients that cannot read the UTF-8 one: umlauts lose their
 * dots ("für" → "fur") instead of becoming question marks.
 */
function asciiFallback(fileName: string): string {
  return (
    fileName
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[–—]/g, '-')
      .replace(/[^\x20-\x7e]+/g, '')
      .replace(/\s+/g, ' ')
      // A part that was all non-Latin leaves a dangling " - " before the extension.
      .replace(/[\s-]+(\.[a-z]+)$/, '$1')
  )
}
