import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { clientAddress } from '../src/http/clientAddress'
import { readConfig } from '../src/config'
import { winnendenTemplate, type CreateEventResponse } from '@tablecloth/shared'
import { api, startTestServer } from './helpers/testServer'

function request(remoteAddress: string, forwarded?: string | string[]): IncomingMessage {
  return {
    socket: { remoteAddress },
    headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded },
  } as never
}

describe('clientAddress', () => {
  it('ignores X-Forwarded-For unless a proxy is trusted, so nobody can claim another address', () => {
    expect(clientAddress(request('10.0.0.7', '203.0.113.9'), false)).toBe('10.0.0.7')
  })

  it('behind a trusted proxy, counts the address the proxy appended, not what the client claimed', () => {
    expect(clientAddress(request('127.0.0.1', '198.51.100.1, 203.0.113.9'), true)).toBe(
      '203.0.113.9',
    )
    expect(clientAddress(request('127.0.0.1', ['198.51.100.1', '203.0.113.9']), true)).toBe(
      '203.0.113.9',
    )
    expect(clientAddress(request('127.0.0.1'), true)).toBe('127.0.0.1')
  })

  it('is switched on by TRUST_PROXY', () => {
    expect(readConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(true)
    expect(readConfig({}).trustProxy).toBe(false)
  })

  it('gives each phone behind a trusted proxy its own note budget', async () => {
    const server = await startTestServer({ TRUST_PROXY: 'true' })
    try {
      const created = await api(server, 'POST', '/api/events', { body: winnendenTemplate() })
      const event = created.body as CreateEventResponse
      const table = event.links.tables[0]!
      const send = async (from: string) => {
        const response = await fetch(
          `${server.origin}/api/events/${event.id}/tables/${table.id}/notes`,
          {
            method: 'POST',
            headers: {
              authorization: `Bearer ${table.tokens.participant}`,
              'content-type': 'application/json',
              'x-forwarded-for': from,
            },
            body: JSON.stringify({ text: `Von ${from}`, column: 0 }),
          },
        )
        return response.status
      }
      for (let i = 0; i < 3; i++) expect(await send('203.0.113.9')).toBe(201)
      expect(await send('203.0.113.9')).toBe(429)
      expect(await send('203.0.113.10')).toBe(201)
    } finally {
      await server.close()
    }
  })
})
