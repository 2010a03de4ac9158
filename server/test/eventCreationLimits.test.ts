import { describe, expect, it } from 'vitest'
import { ApiErrorCode, winnendenTemplate } from '@tablecloth/shared'
import { ConfigError, readConfig } from '../src/config'
import { EVENT_CREATION_BURST } from '../src/http/eventRoutes'
import { SETUP_PIN_FAILURES, SetupPinCheck } from '../src/http/SetupPinCheck'
import { api, startTestServer, type TestServer } from './helpers/testServer'

const PIN = 'kaffee-2026'

async function withServer(env: Record<string, string>, run: (server: TestServer) => Promise<void>) {
  const server = await startTestServer(env)
  try {
    await run(server)
  } finally {
    await server.close()
  }
}

/** `POST /api/events` as a device behind the trusted proxy at `from`, with an optional setup PIN. */
async function createFrom(
  server: TestServer,
  from: string,
  { pin, body = winnendenTemplate() }: { pin?: string; body?: unknown } = {},
) {
  const response = await fetch(`${server.origin}/api/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': from,
      ...(pin !== undefined && { 'x-setup-pin': pin }),
    },
    body: JSON.stringify(body),
  })
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as any,
  }
}

/**
 * Whole seconds since `start`, rounded up. The bucket refills while a burst is
 * sent, so on a busy machine the next event is due a little sooner than the
 * nominal interval; exactly how much sooner is this figure at most.
 */
function secondsSince(start: number): number {
  return Math.ceil((Date.now() - start) / 1000)
}

describe('creating events, per address', () => {
  it(`allows a burst of ${EVENT_CREATION_BURST}, then answers 429 while another address still creates`, async () => {
    await withServer({ TRUST_PROXY: '1' }, async (server) => {
      const burstStarted = Date.now()
      for (let i = 0; i < EVENT_CREATION_BURST; i++) {
        expect((await createFrom(server, '203.0.113.9')).status).toBe(201)
      }
      const refused = await createFrom(server, '203.0.113.9')
      expect(refused.status).toBe(429)
      expect(refused.body.error.code).toBe(ApiErrorCode.RateLimited)
      // 20 an hour: the next one is due three minutes after the burst began.
      const due = refused.body.error.details.retryAfterSeconds
      expect(due).toBeGreaterThanOrEqual(180 - secondsSince(burstStarted))
      expect(due).toBeLessThanOrEqual(180)
      expect(refused.body.error.details).toEqual({ retryAfterSeconds: due })
      expect(refused.retryAfter).toBe(String(due))
      expect(refused.body.error.message).toMatch(new RegExp(`try again in ${due} s`))

      expect((await createFrom(server, '203.0.113.10')).status).toBe(201)
    })
  })

  it('does not count a form sent back with a mistake', async () => {
    await withServer({ TRUST_PROXY: '1' }, async (server) => {
      for (let i = 0; i < EVENT_CREATION_BURST + 3; i++) {
        const invalid = await createFrom(server, '203.0.113.9', {
          body: { ...winnendenTemplate(), title: 42 },
        })
        expect(invalid.status).toBe(400)
      }
      for (let i = 0; i < EVENT_CREATION_BURST; i++) {
        expect((await createFrom(server, '203.0.113.9')).status).toBe(201)
      }
    })
  })

  it('counts the direct address without a trusted proxy, whatever X-Forwarded-For claims', async () => {
    await withServer({}, async (server) => {
      for (let i = 0; i < EVENT_CREATION_BURST; i++) {
        expect((await createFrom(server, `198.51.100.${i}`)).status).toBe(201)
      }
      expect((await createFrom(server, '198.51.100.99')).status).toBe(429)
    })
  })

  it('follows EVENTS_PER_HOUR, and lifts the limit at 0', async () => {
    await withServer({ EVENTS_PER_HOUR: '60' }, async (server) => {
      const create = () => api(server, 'POST', '/api/events', { body: winnendenTemplate() })
      const burstStarted = Date.now()
      for (let i = 0; i < EVENT_CREATION_BURST; i++) expect((await create()).status).toBe(201)
      const refused = await create()
      // 60 an hour: the next one is due a minute after the burst began.
      const due = refused.body.error.details.retryAfterSeconds
      expect(due).toBeGreaterThanOrEqual(60 - secondsSince(burstStarted))
      expect(due).toBeLessThanOrEqual(60)
    })
    await withServer({ EVENTS_PER_HOUR: '0' }, async (server) => {
      for (let i = 0; i < EVENT_CREATION_BURST * 2; i++) {
        expect(
          (await api(server, 'POST', '/api/events', { body: winnendenTemplate() })).status,
        ).toBe(201)
      }
    })
    expect(() => readConfig({ EVENTS_PER_HOUR: '-1' })).toThrow(/EVENTS_PER_HOUR/)
  })
})

describe('the setup PIN (SETUP_PIN)', () => {
  it('is announced by /api/config', async () => {
    await withServer({}, async (server) => {
      expect((await api(server, 'GET', '/api/config')).body.setupPinRequired).toBe(false)
    })
    await withServer({ SETUP_PIN: PIN }, async (server) => {
      expect((await api(server, 'GET', '/api/config')).body.setupPinRequired).toBe(true)
    })
  })

  it('refuses a missing or wrong PIN with 403 setup_pin_required and creates with the right one', async () => {
    await withServer({ SETUP_PIN: PIN, TRUST_PROXY: '1' }, async (server) => {
      const missing = await createFrom(server, '203.0.113.9')
      expect(missing.status).toBe(403)
      expect(missing.body.error.code).toBe(ApiErrorCode.SetupPinRequired)
      expect(missing.body.error.message).toMatch(/setup PIN.*X-Setup-Pin/)

      const wrong = await createFrom(server, '203.0.113.9', { pin: 'kaffee-2025' })
      expect(wrong.status).toBe(403)
      expect(wrong.body.error).toEqual({
        code: ApiErrorCode.SetupPinRequired,
        message: 'The setup PIN is wrong',
      })

      // A prefix or an extension of the PIN is as wrong as any other.
      expect((await createFrom(server, '203.0.113.9', { pin: PIN.slice(0, -1) })).status).toBe(403)
      expect((await createFrom(server, '203.0.113.9', { pin: `${PIN}0` })).status).toBe(403)

      const right = await createFrom(server, '203.0.113.9', { pin: PIN })
      expect(right.status).toBe(201)
      expect(typeof right.body.organiserToken).toBe('string')
    })
  })

  it(`refuses an address after ${SETUP_PIN_FAILURES.max} wrong PINs, even the right one; no other`, async () => {
    await withServer({ SETUP_PIN: PIN, TRUST_PROXY: '1' }, async (server) => {
      // Missing PINs are no guesses and do not count.
      for (let i = 0; i < 3; i++) expect((await createFrom(server, '203.0.113.9')).status).toBe(403)
      for (let i = 0; i < SETUP_PIN_FAILURES.max; i++) {
        expect((await createFrom(server, '203.0.113.9', { pin: `guess-${i}` })).status).toBe(403)
      }
      // Were the right PIN let through now, the refusals would tell a guesser which guess was right.
      const locked = await createFrom(server, '203.0.113.9', { pin: PIN })
      expect(locked.status).toBe(429)
      expect(locked.body.error.code).toBe(ApiErrorCode.RateLimited)
      expect(locked.body.error.message).toMatch(/wrong setup PINs/)
      expect(locked.body.error.details.retryAfterSeconds).toBeGreaterThan(500)
      expect(locked.retryAfter).toBe(String(locked.body.error.details.retryAfterSeconds))

      expect((await createFrom(server, '203.0.113.10', { pin: PIN })).status).toBe(201)
    })
  })

  it('is validated at start: 4 to 64 printable ASCII characters, and never echoed', () => {
    expect(readConfig({}).setupPin).toBeNull()
    expect(readConfig({ SETUP_PIN: '4711' }).setupPin).toBe('4711')
    expect(readConfig({ SETUP_PIN: 'x'.repeat(64) }).setupPin).toHaveLength(64)
    for (const bad of ['123', 'x'.repeat(65), 'zwei wörter', 'kaffee und kuchen']) {
      expect(() => readConfig({ SETUP_PIN: bad })).toThrow(ConfigError)
      expect(() => readConfig({ SETUP_PIN: bad })).toThrow(/^SETUP_PIN must be 4 to 64 characters/)
      expect(() => readConfig({ SETUP_PIN: bad })).not.toThrow(bad)
    }
  })
})

describe('SetupPinCheck', () => {
  it('lets an address guess again once its oldest wrong PIN has left the window', () => {
    let now = 0
    const check = new SetupPinCheck(PIN, { max: 2, windowMs: 60_000 }, () => now)
    expect(check.check('a', 'one')).toEqual({ allowed: false, reason: 'wrong' })
    now = 30_000
    expect(check.check('a', 'two')).toEqual({ allowed: false, reason: 'wrong' })
    expect(check.check('a', PIN)).toEqual({
      allowed: false,
      reason: 'locked',
      retryAfterSeconds: 30,
    })
    now = 60_000
    expect(check.check('a', PIN)).toEqual({ allowed: true })
    expect(check.check('a', 'three')).toEqual({ allowed: false, reason: 'wrong' })
    expect(check.check('a', PIN)).toEqual({
      allowed: false,
      reason: 'locked',
      retryAfterSeconds: 30,
    })
  })

  it('keeps its memory bounded, forgetting the addresses whose failures are oldest', () => {
    let now = 0
    const check = new SetupPinCheck(PIN, { max: 1, windowMs: 60_000 }, () => now, 3)
    for (const address of ['a', 'b', 'c', 'd', 'e']) {
      now += 1
      check.check(address, 'wrong')
    }
    expect(check.size).toBe(3)
    expect(check.check('e', PIN).allowed).toBe(false)
    expect(check.check('a', PIN).allowed).toBe(true)
  })
})
