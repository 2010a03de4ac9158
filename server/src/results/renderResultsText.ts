import {
  RESULTS_MEDIA_TYPES,
  type Results,
  type ResultsDocumentOptions,
  type ResultsTextFormat,
} from '@tablecloth/shared'
import { resultsToCsv } from './resultsCsv'
import { resultsToHtml } from './resultsHtml'
import { resultsToMarkdown } from './resultsMarkdown'

export interface RenderedResults {
  body: string
  mediaType: string
}

/** The results as a text document of `format`; quick enough to build on the calling thread. */
export function renderResultsText(
  results: Results,
  format: ResultsTextFormat,
  options: ResultsDocumentOptions = {},
): RenderedResults {
  const mediaType = RESULTS_MEDIA_TYPES[format]
  switch (format) {
    case 'json':
      return { body: `${JSON.stringify(results, null, 2)}\n`, mediaType }
    case 'csv':
      return { body: resultsToCsv(results), mediaType }
    case 'md':
      return { body: resultsToMarkdown(results, options), mediaType }
    case 'html':
      return { body: resultsToHtml(results, options), mediaType }
    default: {
      const unknown: never = format
      throw new Error(`Unknown results format ${String(unknown)}`)
    }
  }
}
