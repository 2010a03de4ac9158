import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from './helpers/testServer'

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

/** One raw answer: no fetch, which would ask for and undo compression by itself. */
function request(
  origin: string,
  pathname: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${origin}${pathname}`, { method, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
      )
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

describe('pre-compressed static files', () => {
  const script = 'export const board = "' + 'Kinderbetreuung '.repeat(400) + '"\n'
  const shell = '<!doctype html><title>board app</title>' + '<!-- padding -->'.repeat(100)
  let clientDir: string
  let server: TestServer

  beforeAll(async () => {
    clientDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tablecloth-client-'))
    const write = (name: string, content: string | Buffer) => {
      fs.mkdirSync(path.dirname(path.join(clientDir, name)), { recursive: true })
      fs.writeFileSync(path.join(clientDir, name), content)
    }
    write('index.html', shell)
    write('index.html.br', zlib.brotliCompressSync(shell))
    write('index.html.gz', zlib.gzipSync(shell))
    write('sw.js', script)
    write('sw.js.gz', zlib.gzipSync(script))
    write('assets/app-1.js', script)
    write('assets/app-1.js.br', zlib.brotliCompressSync(script))
    write('assets/app-1.js.gz', zlib.gzipSync(script))
    write('assets/font-1.woff2', Buffer.from([0x77, 0x4f, 0x46, 0x32, 1, 2, 3]))
    server = await startTestServer({ CLIENT_DIR: clientDir })
  })
  afterAll(async () => {
    await server.close()
    fs.rmSync(clientDir, { recursive: true, force: true })
  })

  it('sends brotli when it is accepted, with its own length and tag, and caches hashed assets for good', async () => {
    const answer = await request(server.origin, '/assets/app-1.js', {
      'accept-encoding': 'gzip, deflate, br',
    })
    expect(answer.status).toBe(200)
    expect(answer.headers['content-encoding']).toBe('br')
    expect(answer.headers.vary).toBe('Accept-Encoding')
    expect(answer.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(Number(answer.headers['content-length'])).toBe(answer.body.byteLength)
    expect(answer.body.byteLength).toBeLessThan(script.length / 10)
    expect(zlib.brotliDecompressSync(answer.body).toString()).toBe(script)
    // Security headers are set before static files and stay.
    expect(answer.headers['x-content-type-options']).toBe('nosniff')
    expect(answer.headers['content-security-policy']).toContain("default-src 'self'")
  })

  it('falls back to gzip, then to the file as it is, following the weights asked for', async () => {
    const gzip = await request(server.origin, '/assets/app-1.js', { 'accept-encoding': 'gzip' })
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(zlib.gunzipSync(gzip.body).toString()).toBe(script)
    const brRefused = await request(server.origin, '/assets/app-1.js', {
      'accept-encoding': 'br;q=0, gzip;q=0.5',
    })
    expect(brRefused.headers['content-encoding']).toBe('gzip')
    const preferred = await request(server.origin, '/assets/app-1.js', {
      'accept-encoding': 'br;q=0.4, gzip;q=0.8',
    })
    expect(preferred.headers['content-encoding']).toBe('gzip')
    const anything = await request(server.origin, '/assets/app-1.js', { 'accept-encoding': '*' })
    expect(anything.headers['content-encoding']).toBe('br')

    for (const accept of [undefined, 'identity', 'deflate', 'gzip;q=0, br;q=0', '*;q=0']) {
      const plain = await request(
        server.origin,
        '/assets/app-1.js',
        accept === undefined ? {} : { 'accept-encoding': accept },
      )
      expect(plain.headers['content-encoding'], String(accept)).toBeUndefined()
      expect(plain.headers.vary).toBe('Accept-Encoding')
      expect(plain.body.toString()).toBe(script)
      expect(Number(plain.headers['content-length'])).toBe(Buffer.byteLength(script))
    }
  })

  it('gives every representation its own tag and answers a matching If-None-Match with 304', async () => {
    const tags = await Promise.all(
      ['br', 'gzip', 'identity'].map(
        async (accept) =>
          (await request(server.origin, '/assets/app-1.js', { 'accept-encoding': accept })).headers
            .etag!,
      ),
    )
    expect(new Set(tags).size).toBe(3)
    const [brTag, gzipTag] = tags
    const revalidated = await request(server.origin, '/assets/app-1.js', {
      'accept-encoding': 'br',
      'if-none-match': brTag!,
    })
    expect(revalidated.status).toBe(304)
    expect(revalidated.body.byteLength).toBe(0)
    expect(revalidated.headers).toMatchObject({ etag: brTag, vary: 'Accept-Encoding' })
    expect(revalidated.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    // The gzip tag does not match the brotli answer the request would get.
    const other = await request(server.origin, '/assets/app-1.js', {
      'accept-encoding': 'br',
      'if-none-match': gzipTag!,
    })
    expect(other.status).toBe(200)
  })

  it('answers HEAD with the headers of GET and no body', async () => {
    const head = await request(
      server.origin,
      '/assets/app-1.js',
      { 'accept-encoding': 'br' },
      'HEAD',
    )
    const get = await request(server.origin, '/assets/app-1.js', { 'accept-encoding': 'br' })
    expect(head.status).toBe(200)
    expect(head.body.byteLength).toBe(0)
    for (const name of [
      'content-encoding',
      'content-length',
      'content-type',
      'etag',
      'vary',
      'cache-control',
    ]) {
      expect(head.headers[name], name).toBe(get.headers[name])
    }
  })

  it('revalidates HTML shells and the service worker, compressed too', async () => {
    for (const pathname of ['/', '/e/ev1/t/t1', '/index.html']) {
      const page = await request(server.origin, pathname, { 'accept-encoding': 'gzip, br' })
      expect(page.status, pathname).toBe(200)
      expect(page.headers['cache-control']).toBe('no-cache')
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(page.headers['content-encoding']).toBe('br')
      expect(zlib.brotliDecompressSync(page.body).toString()).toBe(shell)
    }
    const worker = await request(server.origin, '/sw.js', { 'accept-encoding': 'gzip, br' })
    expect(worker.headers['cache-control']).toBe('no-cache')
    expect(worker.headers['content-encoding']).toBe('gzip')
  })

  it('answers a moderator’s board link with the board shell, every other page with the app shell', async () => {
    fs.writeFileSync(
      path.join(clientDir, 'board.html'),
      '<!doctype html><title>board shell</title>',
    )
    fs.writeFileSync(
      path.join(clientDir, 'phone.html'),
      '<!doctype html><title>phone shell</title>',
    )
    // Files are listed at start: a server of its own sees the two shells.
    const shells = await startTestServer({ CLIENT_DIR: clientDir })
    try {
      const title = async (pathname: string) =>
        /<title>(.*)<\/title>/.exec((await request(shells.origin, pathname)).body.toString())?.[1]
      expect(await title('/e/ev1/t/t1')).toBe('board shell')
      expect(await title('/e/ev1/t/t1/')).toBe('board shell')
      expect(await title('/e/ev1/t/t1/projector')).toBe('board app')
      expect(await title('/e/ev1/control')).toBe('board app')
      expect(await title('/e/ev1/gallery')).toBe('board app')
      expect(await title('/p/ev1/t1')).toBe('phone shell')
      expect((await request(shells.origin, '/e/ev1/t/t1')).headers['cache-control']).toBe(
        'no-cache',
      )
    } finally {
      await shells.close()
      fs.rmSync(path.join(clientDir, 'board.html'))
      fs.rmSync(path.join(clientDir, 'phone.html'))
    }
  })

  it('sends files without copies as they are, without Vary, and never serves a copy by its own name', async () => {
    const font = await request(server.origin, '/assets/font-1.woff2', {
      'accept-encoding': 'gzip, br',
    })
    expect(font.status).toBe(200)
    expect(font.headers['content-type']).toBe('font/woff2')
    expect(font.headers['content-encoding']).toBeUndefined()
    expect(font.headers.vary).toBeUndefined()
    expect((await request(server.origin, '/assets/app-1.js.br')).status).toBe(404)
    expect(
      (await request(server.origin, '/assets/missing-2.js', { 'accept-encoding': 'br' })).status,
    ).toBe(404)
    expect((await request(server.origin, '/assets/app-1.js', {}, 'POST')).status).toBe(404)
    expect((await request(server.origin, '/assets/%E0%A4%A.js')).status).toBe(404)
  })
})
