import type { Results } from './results'
import { resultsToCsv } from './resultsCsv'
import { resultsToHtml } from './resultsHtml'
import { resultsWords, type ResultsDocumentOptions } from './resultsLanguage'
import { resultsToMarkdown } from './resultsMarkdown'

/**
 * The formats rendered here, as text: pure functions of the results, so the
 * control room, tests and the server share them.
 */
export const RESULTS_TEXT_FORMATS = ['json', 'csv', 'md', 'html'] as const
export type ResultsTextFormat = (typeof RESULTS_TEXT_FORMATS)[number]

/**
 * The print formats. They embed fonts and lay out pages, which takes
 * libraries (pdfkit, docx) and font files that only the server carries; the
 * server renders them from {@link resultsOutline}.
 */
export const RESULTS_FILE_FORMATS = ['pdf', 'docx'] as const
export type ResultsFileFormat = (typeof RESULTS_FILE_FORMATS)[number]

/**
 * Every format the results can be exported in, each named by the file
 * extension the route carries (`results.<format>`).
 */
export const RESULTS_FORMATS = [...RESULTS_TEXT_FORMATS, ...RESULTS_FILE_FORMATS] as const
export type ResultsFormat = (typeof RESULTS_FORMATS)[number]

/** The media type each format is served with. */
export const RESULTS_MEDIA_TYPES: Readonly<Record<ResultsFormat, string>> = {
  json: 'application/json',
  csv: 'text/csv',
  md: 'text/markdown',
  html: 'text/html',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
}

export function isResultsFormat(value: string): value is ResultsFormat {
  return (RESULTS_FORMATS as readonly string[]).includes(value)
}

export function isResultsTextFormat(format: string): format is ResultsTextFormat {
  return (RESULTS_TEXT_FORMATS as readonly string[]).includes(format)
}

export interface RenderedResults {
  body: string
  mediaType: string
}

/** The results as a text document of `format`. */
export function renderResults(
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
