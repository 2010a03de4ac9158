import type { Results } from './results'
import { resultsWords, type ResultsDocumentOptions } from './resultsLanguage'

/**
 * The formats the results export in, their media types and file names. The
 * renderers themselves, text and print alike, live in the server
 * (server/src/results); the route and its callers only need the names.
 */

/** The text formats: quick to build, served with a charset. */
export const RESULTS_TEXT_FORMATS = ['json', 'csv', 'md', 'html'] as const
export type ResultsTextFormat = (typeof RESULTS_TEXT_FORMATS)[number]

/**
 * The print formats. They embed fonts and lay out pages, which takes
 * libraries (pdfkit, docx) and font files that only the server carries.
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
