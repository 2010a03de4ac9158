import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { startTestServer } from './helpers/testServer'

describe('serving the built client', () => {
  it('fails only the request for a file removed under the running server, and keeps serving', async () => {
    const clientDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tablecloth-client-'))
    fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>board app</title>')
    fs.mkdirSync(path.join(clientDir, 'assets'))
    fs.writeFileSync(path.join(clientDir, 'assets', 'app-1.js'), 'console.log(1)')
    const server = await startTestServer({ CLIENT_DIR: clientDir })
    try {
      expect((await fetch(`${server.origin}/assets/app-1.js`)).status).toBe(200)
      // A rebuild replaces the hashed files and rewrites the shell.
      fs.rmSync(path.join(clientDir, 'assets', 'app-1.js'))
      fs.rmSync(path.join(clientDir, 'index.html'))

      // sirv has already sent its headers when the read fails, so the answer is cut short.
      const outcome = (url: string) =>
        fetch(url).then(
          async (response) => `${response.status} ${await response.text()}`,
          () => 'cut short',
        )
      expect(await outcome(`${server.origin}/assets/app-1.js`)).toBe('cut short')
      expect(await outcome(`${server.origin}/e/ev1/t/t1`)).toBe('cut short')
      expect((await fetch(`${server.origin}/healthz`)).status).toBe(200)
    } finally {
      await server.close()
      fs.rmSync(clientDir, { recursive: true, force: true })
    }
  })
})
