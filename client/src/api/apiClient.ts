import type { ApiErrorBody, ApiErrorCode } from '@tablecloth/shared'

/** A failed API call, carrying the server's error code so the UI can translate it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode | 'network',
    message: string,
    readonly field?: string,
    readonly details?: unknown,
  ) {
    super(message)
  }
}

/**
 * Calls our own JSON API. Network failures become an ApiError with code
 * 'network' so every screen can say "server not reachable" in its language.
 */
export async function apiCall<T>(
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  options: { token?: string | null; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  const headers: Record<string, string> = {}
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
    )
  }
  return data as T
}
