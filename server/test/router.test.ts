import type { IncomingMessage, ServerResponse } from 'node:http'
import { describe, expect, it } from 'vitest'
import { Router } from '../src/http/Router'
import { HttpError } from '../src/http/HttpError'

const request = (method: string) => ({ method }) as IncomingMessage
const response = {} as ServerResponse

describe('Router', () => {
  it('matches literal dots literally and decodes parameters', async () => {
    const seen: Array<Record<string, string>> = []
    const router = new Router().on('GET', '/api/events/:id/results.:format', ({ params }) => {
      seen.push(params)
    })
    const url = (path: string) => new URL(`http://localhost${path}`)
    expect(await router.dispatch(request('GET'), response, url('/api/events/a%2Db/results.csv'))).toBe(true)
    expect(await router.dispatch(request('GET'), response, url('/api/events/ab/resultsXcsv'))).toBe(false)
    expect(seen).toEqual([{ id: 'a-b', format: 'csv' }])
  })

  it('answers a known path with the wrong method with 405', async () => {
    const router = new Router().on('POST', '/api/events', () => {})
    await expect(
      router.dispatch(request('GET'), response, new URL('http://localhost/api/events')),
    ).rejects.toMatchObject({ status: 405 } satisfies Partial<HttpError>)
  })
})
