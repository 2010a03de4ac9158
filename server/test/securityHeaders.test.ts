import fs from 'node:fs'
import type { IncomingMessage } from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiErrorCode, winnendenTemplate, type CreateEventResponse } from '@tablecloth/shared'
import { createApp, type App } from '../src/app'
import { readConfig } from '../src/config'
import { contentSecurityPolicy, securityHeaders } from '../src/http/securityHeaders'

let app: App
let origin: string
let clientDir: string
const log: string[] = []

beforeAll(async () => {
  clientDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tablecloth-client-'))
  fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>board app</title>')
  fs.writeFileSync(path.join(clientDir, 'phone.html'), '<!doctype html><title>phone</title>')
  fs.writeFileSync(path.join(clientDir, 'sw.js'), 'self.addEventListener("fetch", () => {})')
  fs.mkdirSync(path.join(clientDir, 'assets'))
  fs.writeFileSync(path.join(clientDir, 'assets', 'app-1.js'), 'console.log(1)')
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tablecloth-test-'))
  const config = readConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    CLIENT_DIR: clientDir,
  })
  app = createApp(config, (line) => log.push(line))
  origin = await app.listen()
})

afterAll(async () => {
  await app.close()
  fs.rmSync(clientDir, { recursive: true, force: true })
})

function expectOurHeaders(response: Response, what: string): void {
  const host = new URL(origin).host
  expect(response.headers.get('content-security-policy'), what).toBe(contentSecurityPolicy(host))
  expect(response.headers.get('x-frame-options'), what).toBe('DENY')
  expect(response.headers.get('x-content-type-options'), what).toBe('nosniff')
  expect(response.headers.get('referrer-policy'), what).toBe('no-referrer')
}

describe('security headers', () => {
  it('allow our own origin only, and no framing', () => {
    const policy = contentSecurityPolicy('192.168.1.20:8080')
    const directives = new Map(
      policy.split('; ').map((directive) => {
        const [name, ...sources] = directive.split(' ')
        return [name!, sources] as const
      }),
    )
    expect(directives.get('default-src')).toEqual(["'self'"])
    expect(directives.get('script-src')).toEqual(["'self'"])
    expect(directives.get('frame-ancestors')).toEqual(["'none'"])
    expect(directives.get('object-src')).toEqual(["'none'"])
    expect(directives.get('connect-src')).toEqual([
      "'self'",
      'data:',
      'blob:',
      'ws://192.168.1.20:8080',
      'wss://192.168.1.20:8080',
    ])
    // Nothing names another host, a whole scheme of the web, or lets strings run as script.
    expect(policy).not.toMatch(/unsafe-eval|https?:(?!\/\/192)|\*/)
  })

  it('come with every kind of answer: pages, assets, API JSON, errors and 404s', async () => {
    const answers: Array<[string, string, RequestInit?]> = [
      ['app shell', '/'],
      ['client route', '/e/ev1/t/t1'],
      ['phone shell', '/p/ev1/t1'],
      ['service worker', '/sw.js'],
      ['asset', '/assets/app-1.js'],
      ['health', '/healthz'],
      ['API JSON', '/api/config'],
      ['API 404', '/api/nothing-here'],
      ['API 401', '/api/events/ev1'],
      ['API 405', '/api/events', { method: 'PUT' }],
      [
        'API 400',
        '/api/events',
        { method: 'POST', body: '{', headers: { 'content-type': 'application/json' } },
      ],
    ]
    for (const [what, pathname, init] of answers) {
      const response = await fetch(origin + pathname, init)
      await response.arrayBuffer()
      expectOurHeaders(response, what)
    }
  })

  it('name the public origin behind a proxy, and never a Host that could smuggle in directives', async () => {
    const proxied = { headers: { host: '127.0.0.1:8080' } } as IncomingMessage
    expect(
      securityHeaders(proxied, 'https://cafe.example.org')['content-security-policy'],
    ).toContain("connect-src 'self' data: blob: ws://cafe.example.org wss://cafe.example.org;")
    expect(contentSecurityPolicy(null)).toContain("connect-src 'self' data: blob:;")
    const raw = await rawRequest(
      'GET /healthz HTTP/1.1\r\nHost: evil;script-src *\r\nConnection: close\r\n\r\n',
    )
    expect(raw).toMatch(/^HTTP\/1\.1 200/)
    expect(raw).toMatch(/content-security-policy: [^\r]*connect-src 'self' data: blob:;/i)
    expect(raw).not.toMatch(/evil/)
  })

  it('leave the results HTML export its own stricter policy', async () => {
    const created = await fetch(`${origin}/api/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(winnendenTemplate()),
    })
    const event = (await created.json()) as CreateEventResponse
    const response = await fetch(`${origin}/api/events/${event.id}/results.html`, {
      headers: { authorization: `Bearer ${event.organiserToken}` },
    })
    await response.arrayBuffer()
    expect(response.status).toBe(200)
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'",
    )
    expect(response.headers.get('x-frame-options')).toBe('DENY')
    expect(response.headers.get('referrer-policy')).toBe('no-referrer')
  })
})

describe('malformed paths', () => {
  it('answer a broken %-escape in an API path with 400 JSON, not a 500 and a stack trace', async () => {
    log.length = 0
    for (const pathname of [
      '/api/events/%E0%A4%A',
      '/api/events/%FF/links',
      '/api/events/ev1/snapshots/%',
    ]) {
      const response = await fetch(origin + pathname)
      expect(response.status, pathname).toBe(400)
      const body = (await response.json()) as { error: { code: string; message: string } }
      expect(body.error.code).toBe(ApiErrorCode.ValidationFailed)
      expect(body.error.message).toMatch(/malformed %-escape/)
      expectOurHeaders(response, pathname)
    }
    expect(log.filter((line) => line.startsWith('internal error'))).toEqual([])
  })

  it('answer a request target that is no URL with 400, and keep serving', async () => {
    const raw = await rawRequest('GET http://[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
    expect(raw).toMatch(/^HTTP\/1\.1 400/)
    expect(raw).toMatch(/"code":"validation_failed"/)
    expect((await fetch(`${origin}/healthz`)).status).toBe(200)
  })

  it('answers a websocket upgrade whose target is no URL with 400, and keeps serving', async () => {
    const raw = await rawRequest(
      'GET http://[ HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n' +
        'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
    )
    expect(raw).toMatch(/^HTTP\/1\.1 400/)
    expect((await fetch(`${origin}/healthz`)).status).toBe(200)
  })
})

/** Sends `request` as written, which fetch would refuse or repair, and reads the whole answer. */
function rawRequest(request: string): Promise<string> {
  const { hostname, port } = new URL(origin)
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(request))
    const chunks: Buffer[] = []
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    socket.on('error', reject)
  })
}
