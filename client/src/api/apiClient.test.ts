import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, apiCall, retryAfterSecondsOf } from './apiClient'

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('retryAfterSecondsOf', () => {
  it('reads delay-seconds and HTTP dates', () => {
    const now = Date.parse('2026-03-12T10:00:00Z')
    expect(retryAfterSecondsOf('120', now)).toBe(120)
    expect(retryAfterSecondsOf(' 0 ', now)).toBe(0)
    expect(retryAfterSecondsOf('Thu, 12 Mar 2026 10:05:00 GMT', now)).toBe(300)
    expect(retryAfterSecondsOf('Thu, 12 Mar 2026 09:00:00 GMT', now)).toBe(0)
  })

  it('is undefined without a readable header', () => {
    expect(retryAfterSecondsOf(null)).toBeUndefined()
    expect(retryAfterSecondsOf('')).toBeUndefined()
    expect(retryAfterSecondsOf('soon')).toBeUndefined()
  })
})

describe('apiCall', () => {
  it('sends extra headers, and carries retry-after into the error', async () => {
    const fetch = vi.fn(
      async (_path: string, _init?: RequestInit) =>
        new Response(JSON.stringify({ error: { code: 'rate_limited', message: 'wait' } }), {
          status: 429,
          headers: { 'retry-after': '42' },
        }),
    )
    vi.stubGlobal('fetch', fetch)
    const call = apiCall('POST', '/api/events', { body: {}, headers: { 'X-Setup-Pin': '1234' } })
    await expect(call).rejects.toBeInstanceOf(ApiError)
    await expect(call).rejects.toMatchObject({ code: 'rate_limited', retryAfterSeconds: 42 })
    const headers = new Headers(fetch.mock.calls[0]![1]?.headers)
    expect(headers.get('x-setup-pin')).toBe('1234')
    expect(headers.get('content-type')).toBe('application/json')
  })
})
