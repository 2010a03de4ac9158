import {
  RESULTS_MEDIA_TYPES,
  isResultsTextFormat,
  type Results,
  type ResultsDocumentOptions,
  type ResultsFormat,
  type Theme,
  type ThemeNote,
} from '@tablecloth/shared'
import { ResultsRenderer } from './ResultsRenderer'
import { renderResultsText } from './renderResultsText'

export interface RenderedResultsFile {
  body: Buffer
  /** The full Content-Type, with the charset for text formats. */
  contentType: string
}

/** One pool for the process, started by the first PDF or DOCX. */
const renderer = new ResultsRenderer()

/**
 * The results as the bytes of a file of any format. The text formats are
 * quick string building and stay on the calling thread; PDF and DOCX are laid
 * out in a worker thread (ResultsRenderer.ts), so the boards stay in sync
 * while a report is made.
 */
export async function renderResultsFile(
  results: Results,
  format: ResultsFormat,
  options: ResultsDocumentOptions = {},
): Promise<RenderedResultsFile> {
  if (isResultsTextFormat(format)) {
    const rendered = renderResultsText(results, format, options)
    return {
      body: Buffer.from(rendered.body, 'utf8'),
      contentType: `${rendered.mediaType}; charset=utf-8`,
    }
  }
  const rendered = await renderer.render(results, format, options)
  return {
    body: Buffer.from(rendered.body.buffer, rendered.body.byteOffset, rendered.body.byteLength),
    contentType: RESULTS_MEDIA_TYPES[format],
  }
}

/** Cross-table theme suggestions for these notes, clustered in a render worker. */
export function suggestThemesInWorker(notes: ThemeNote[]): Promise<Theme[]> {
  return renderer.suggestThemes(notes)
}

/** Ends the render workers, for the server's shutdown; the next export would start them again. */
export function closeResultsRenderer(): Promise<void> {
  return renderer.close()
}
