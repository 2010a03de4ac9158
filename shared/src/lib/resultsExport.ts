import type { Results } from './results'
import { resultsToCsv } from './resultsCsv'
import { resultsToHtml } from './resultsHtml'
import { resultsWords, type ResultsDocumentOptions } from './resultsLanguage'
import { resultsToMarkdown } from './resultsMarkdown'

/**
 * The formats the results can be exported in, each named by the file
 * extension the route carries (`results.<format>`).
 */
export const RESULTS_FORMATS = ['json', 'csv', 'md', 'html'] as const
export type ResultsFormat = (typeof RESULTS_FORMATS)[number]

export function isResultsFormat(value: string): value is ResultsFormat {
  return (RESULTS_FORMATS as readonly string[]).includes(value)
}

export interface RenderedResults {
  body: string
  mediaType: string
}

/** The results as a document of `format`. */
export function renderResults(
  results: Results,
  format: ResultsFormat,
  options: ResultsDocumentOptions = {},
): RenderedResults {
  switch (format) {
    case 'json':
      return { body: `${JSON.stringify(results, null, 2)}\n`, mediaType: 'application/json' }
    case 'csv':
      return { body: resultsToCsv(results), mediaType: 'text/csv' }
    case 'md':
      return { body: resultsToMarkdown(results, options), mediaType: 'text/markdown' }
    case 'html':
      return { body: resultsToHtml(results, options), mediaType: 'text/html' }
    default: {
      const unknown: never = format
      throw new Error(`Unknown results format ${String(unknown)}`)
    }
  }
}

/**
 * A file name that says what the file holds: date, event, and the table or
 * station when the export was narrowed to one, e.g.
 * "2019-07-02 Regionalkonferenz – Ergebnisse – Station 1.md". Characters that
 * no file system takes are replaced, so the name survives any download.
 */
export function resultsFileName(
  results: Results,
  format: ResultsFormat,
  narrowed: { tableId?: string; stationId?: string } = {},
  options: Pick<ResultsDocumentOptions, 'language'> = {},
): string {
  const words = resultsWords(options.language)
  const parts = [`${results.event.date} ${clip(fileSafe(results.event.title), 80)}`, words.results]
  if (narrowed.tableId !== undefined) {
    const table = results.tables.find((entry) => entry.id === narrowed.tableId)
    if (table) parts.push(clip(fileSafe(table.title), 50))
  }
  if (narrowed.stationId !== undefined) {
    const station = results.stations.find((entry) => entry.id === narrowed.stationId)
    if (station) parts.push(clip(fileSafe(station.title), 50))
  }
  return `${clipBytes(parts.join(' – '), MAX_NAME_BYTES)}.${format}`
}

/**
 * File systems cap a name at 255 bytes of UTF-8; an umlaut takes two, Arabic
 * two, an emoji four. Leaves room for the extension and a browser's " (1)".
 */
const MAX_NAME_BYTES = 200

function fileSafe(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** The first `max` code points, so no character is cut in half. */
function clip(text: string, max: number): string {
  return [...text].slice(0, max).join('').trim()
}

function clipBytes(text: string, max: number): string {
  let bytes = 0
  let out = ''
  for (const char of text) {
    const point = char.codePointAt(0)!
    bytes += point < 0x80 ? 1 : point < 0x800 ? 2 : point < 0x10000 ? 3 : 4
    if (bytes > max) break
    out += char
  }
  return out.trim()
}
