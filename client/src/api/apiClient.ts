import type { ApiErrorBody, ApiErrorCode } from '@tablecloth/shared'

/** A failed API call, carrying the server's error code so the UI can translate it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode | 'network',
    message: string,
    readonly field?: string,
    readonly details?: unknown,
    /** How long the server asks to wait before trying again (`retry-after`), if it said. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message)
  }
}

/**
 * How many seconds a `retry-after` header asks to wait: delay-seconds or an
 * HTTP date (RFC 9110). Undefined when there is none or it cannot be read.
 */
export function retryAfterSecondsOf(header: string | null, now = Date.now()): number | undefined {
  const value = header?.trim()
  if (!value) return undefined
  if (/^\d+$/.test(value)) return Number(value)
  const at = Date.parse(value)
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000))
}

/**
 * Calls our own JSON API. Network failures become an ApiError with code
 * 'network' so every screen can say "server not reachable" in its language.
 */
export async function apiCall<T>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  options: {
    token?: string | null
    body?: unknown
    signal?: AbortSignal
    /** Further request headers, for example `X-Setup-Pin`. */
    headers?: Record<string, string>
  } = {},
): Promise<T> {
  const headers: Record<string, string> = { ...options.headers }
  if (options.token) headers.authorization = `Bearer ${options.token}`
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    throw new ApiError(0, 'network', 'server not reachable')
  }
  const text = await response.text()
  const data: unknown = text ? JSON.parse(text) : null
  if (!response.ok) {
    const error = (data as Partial<ApiErrorBody> & { error?: { details?: unknown } })?.error
    throw new ApiError(
      response.status,
      error?.code ?? 'internal',
      error?.message ?? response.statusText,
      error?.field,
      error?.details,
      retryAfterSecondsOf(response.headers.get('retry-after')),
    )
  }
  return data as T
}
