import { create as contentDisposition } from 'content-disposition'
import {
  ApiErrorCode,
  RESULTS_FORMATS,
  RESULTS_LANGUAGES,
  isResultsFormat,
  isResultsLanguage,
  resultsFileName,
  type ResultsLanguage,
} from '@tablecloth/shared'
import type { ResultsQuery, ResultsService } from '../events/ResultsService'
import { renderResultsFile } from '../results/renderResultsFile'
import type { TokenStore } from '../store/tokenStore'
import { HttpError } from './HttpError'
import { requireGrant } from './requireGrant'
import type { Router } from './Router'

const ORGANISER = ['organiser'] as const

/**
 * The results exports documented in docs/results.md:
 * `GET /api/events/:id/results.<format>?table=<id>&station=<id or index>&lang=<de|en>`,
 * where format is json, csv, md, html, pdf or docx.
 */
export function registerResultRoutes(
  router: Router,
  deps: { tokens: TokenStore; results: ResultsService },
): void {
  const { tokens, results } = deps

  router.on('GET', '/api/events/:id/results.:format', async ({ req, res, url, params }) => {
    const format = params.format!
    // An unknown format is a route that does not exist, whoever asks.
    if (!isResultsFormat(format)) {
      throw new HttpError(
        404,
        ApiErrorCode.NotFound,
        `No results format "${format}": one of ${RESULTS_FORMATS.join(', ')}`,
      )
    }
    requireGrant(req, tokens, params.id!, ORGANISER)
    const query = resultsQuery(url.searchParams)
    const language = documentLanguage(url.searchParams)
    const gathered = await results.gather(params.id!, query)
    const { body, contentType } = await renderResultsFile(gathered.results, format, { language })
    const fileName = resultsFileName(gathered.results, format, gathered, { language })
    res.writeHead(200, {
      'content-type': contentType,
      'content-length': body.length,
      'content-disposition': contentDisposition(fileName, { fallback: asciiFallback(fileName) }),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      // The HTML page carries note text from anyone at a table: even if
      // something slipped past escaping, it could neither run nor load anything.
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    })
    res.end(body)
  })
}

function resultsQuery(params: URLSearchParams): ResultsQuery {
  const table = params.get('table')
  const station = params.get('station')
  return {
    ...(table !== null && { table }),
    ...(station !== null && { station }),
  }
}

function documentLanguage(params: URLSearchParams): ResultsLanguage {
  const lang = params.get('lang') ?? 'de'
  if (!isResultsLanguage(lang)) {
    const languages = RESULTS_LANGUAGES.join(', ')
    throw new HttpError(
      400,
      ApiErrorCode.ValidationFailed,
      `lang must be one of ${languages}`,
      'lang',
    )
  }
  return lang
}

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
