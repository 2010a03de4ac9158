import {
  RESULTS_MEDIA_TYPES,
  isResultsTextFormat,
  renderResults,
  type Results,
  type ResultsDocumentOptions,
  type ResultsFormat,
} from '@tablecloth/shared'
import { resultsToDocx } from './resultsDocx'
import { resultsToPdf } from './resultsPdf'

export interface RenderedResultsFile {
  body: Buffer
  /** The full Content-Type, with the charset for text formats. */
  contentType: string
}

/**
 * The results as the bytes of a file of any format: the text formats come
 * from shared (pure functions), PDF and DOCX are rendered here, where pdfkit,
 * docx and the fonts are.
 */
export async function renderResultsFile(
  results: Results,
  format: ResultsFormat,
  options: ResultsDocumentOptions = {},
): Promise<RenderedResultsFile> {
  if (isResultsTextFormat(format)) {
    const rendered = renderResults(results, format, options)
    return {
      body: Buffer.from(rendered.body, 'utf8'),
      contentType: `${rendered.mediaType}; charset=utf-8`,
    }
  }
  const contentType = RESULTS_MEDIA_TYPES[format]
  switch (format) {
    case 'pdf':
      return { body: await resultsToPdf(results, options), contentType }
    case 'docx':
      return { body: await resultsToDocx(results, options), contentType }
    default: {
      const unknown: never = format
      throw new Error(`Unknown results format ${String(unknown)}`)
    }
  }
}
