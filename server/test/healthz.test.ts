import { afterEach, beforeEach, expect, it } from 'vitest'
import { api, startTestServer, type TestServer } from './helpers/testServer'

let server: TestServer
beforeEach(async () => {
  server = await startTestServer()
})
afterEach(async () => {
  await server.close()
})

it('reports health and the client configuration', async () => {
  expect(await api(server, 'GET', '/healthz')).toEqual({
    status: 200,
    body: { ok: true, store: { engine: 'sqlite', ok: true } },
  })
  const config = await api(server, 'GET', '/api/config')
  expect(config.body).toEqual({ tldrawLicenseKey: null, protocol: 1, setupPinRequired: false })
})

it('hands the configured tldraw licence key to the client', async () => {
  const licensed = await startTestServer({ TLDRAW_LICENSE_KEY: 'tldraw-key-for-tests' })
  try {
    expect((await api(licensed, 'GET', '/api/config')).body.tldrawLicenseKey).toBe(
      'tldraw-key-for-tests',
    )
  } finally {
    await licensed.close()
  }
})
