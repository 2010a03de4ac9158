import type { ApiErrorBody } from '@tablecloth/shared'
import { ApiError } from '../../api/apiClient'
import { saveFile } from '../../app/saveFile'

/**
 * The formats the control room offers, in the order of its buttons. The
 * server names each by the extension of `results.<format>`; one it does not
 * offer answers 404, which the panel reports as such.
 */
export const EXPORT_FORMATS = ['pdf', 'docx', 'md', 'html', 'csv', 'json'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** What the results are narrowed to; an empty or missing value means all. */
export interface ResultsNarrowing {
  table?: string
  station?: string
}

/** `/api/events/<id>/results.<format>?table=&station=&lang=`, leaving out what is not narrowed. */
export function resultsPath(
  eventId: string,
  format: ExportFormat,
  narrowing: ResultsNarrowing,
  language?: string,
): string {
  const query = new URLSearchParams()
  if (narrowing.table) query.set('table', narrowing.table)
  if (narrowing.station) query.set('station', narrowing.station)
  if (language) query.set('lang', language)
  const search = query.toString()
  return `/api/events/${encodeURIComponent(eventId)}/results.${format}${search ? `?${search}` : ''}`
}

/** `/api/events/<id>/hidden-notes[/<noteId>]`; note ids carry a colon, so they are encoded. */
export function hiddenNotesPath(eventId: string, noteId?: string): string {
  const base = `/api/events/${encodeURIComponent(eventId)}/hidden-notes`
  return noteId === undefined ? base : `${base}/${encodeURIComponent(noteId)}`
}

/**
 * The file name a `Content-Disposition` header gives: the UTF-8
 * `filename*` when there is one (umlauts, „quotes“), else the plain
 * `filename`, else `fallback`. Path separators are dropped.
 */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback
  const extended = /(?:^|;)\s*filename\*\s*=\s*([^;]+)/i.exec(disposition)?.[1]?.trim()
  if (extended) {
    const match = /^([\w!#$%&+^`{}~-]+)'[^']*'(.+)$/.exec(extended.replace(/^"(.*)"$/, '$1'))
    if (match && /^utf-8$/i.test(match[1]!)) {
      try {
        return safeName(decodeURIComponent(match[2]!), fallback)
      } catch {
        // A malformed escape: the plain name below still says what the file is.
      }
    }
  }
  const plain = /(?:^|;)\s*filename\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/i.exec(disposition)?.[1]?.trim()
  if (plain) {
    const unquoted = plain.startsWith('"') ? plain.slice(1, -1).replace(/\\(.)/g, '$1') : plain
    return safeName(unquoted, fallback)
  }
  return fallback
}

function safeName(name: string, fallback: string): string {
  const cleaned = name.replace(/[/\\]+/g, ' ').trim()
  return cleaned || fallback
}

/** The organiser's JSON API calls of the results panel, with the token in the header. */
export async function organiserRequest<T>(
  method: 'GET' | 'PUT' | 'DELETE',
  path: string,
  token: string | null,
  body?: unknown,
): Promise<T> {
  const response = await send(path, { method, token, body })
  const text = await response.text()
  if (!response.ok) throw await errorOf(response, text)
  return (text ? JSON.parse(text) : null) as T
}

/** A downloaded results file: its bytes and the name the server gave it. */
export interface DownloadedFile {
  blob: Blob
  fileName: string
}

/**
 * Fetches a results file with the organiser token in the `Authorization`
 * header: tokens never go into a URL, so a plain link cannot fetch it.
 */
export async function fetchResultsFile(
  path: string,
  token: string | null,
  fallbackName: string,
): Promise<DownloadedFile> {
  const response = await send(path, { method: 'GET', token })
  if (!response.ok) throw await errorOf(response, await response.text())
  const blob = await response.blob()
  return { blob, fileName: fileNameOf(response.headers.get('content-disposition'), fallbackName) }
}

/** Hands a downloaded export to the browser's downloads. */
export function saveDownload({ blob, fileName }: DownloadedFile, doc: Document = document): void {
  saveFile(blob, fileName, doc)
}

async function send(
  path: string,
  { method, token, body }: { method: string; token: string | null; body?: unknown },
): Promise<Response> {
  const headers: Record<string, string> = {}
  if (token) headers.authorization = `Bearer ${token}`
  if (body !== undefined) headers['content-type'] = 'application/json'
  try {
    return await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    })
  } catch {
    throw new ApiError(0, 'network', 'server not reachable')
  }
}

async function errorOf(response: Response, text: string): Promise<ApiError> {
  let error: Partial<ApiErrorBody['error']> | undefined
  try {
    error = (JSON.parse(text) as Partial<ApiErrorBody>).error
  } catch {
    error = undefined
  }
  return new ApiError(
    response.status,
    error?.code ?? 'internal',
    error?.message ?? response.statusText,
    error?.field,
  )
}
