import { gzipSync } from 'node:zlib'
import type { Browser, Page, Response } from 'playwright-core'
import { newDevice } from './chromium'

/** One JavaScript file a page requested, with its size as served and as gzip -9 would send it. */
export interface ScriptFile {
  url: string
  bytes: number
  gzipBytes: number
}

/** All JavaScript a page loaded, counted once per URL. */
export interface PageScripts {
  files: ScriptFile[]
  bytes: number
  gzipBytes: number
}

function isScript(response: Response): boolean {
  const { pathname, protocol } = new URL(response.url())
  if (protocol !== 'http:' && protocol !== 'https:') return false
  const type = response.headers()['content-type'] ?? ''
  return /\.m?js$/.test(pathname) || type.includes('javascript')
}

/**
 * Opens `url` in a fresh device (empty cache, no service worker), waits for
 * `ready` and then until the network has been idle for 500 ms, so chunks the
 * page loads lazily once it runs are counted too, and gzips every
 * JavaScript response at level 9. Counts what the page really requested,
 * rather than what the build emitted.
 */
export async function measurePageScripts(
  browser: Browser,
  url: string,
  ready: (page: Page) => Promise<void>,
): Promise<PageScripts> {
  const context = await newDevice(browser)
  try {
    const bodies = new Map<string, Promise<Buffer>>()
    context.on('response', (response) => {
      if (!response.ok() || !isScript(response) || bodies.has(response.url())) return
      const body = response.body()
      // Awaited below; until then a failed read must not count as unhandled.
      body.catch(() => {})
      bodies.set(response.url(), body)
    })
    const page = await context.newPage()
    await page.goto(url)
    await ready(page)
    await page.waitForLoadState('networkidle')
    const files = await Promise.all(
      [...bodies].map(async ([file, body]): Promise<ScriptFile> => {
        const bytes = await body
        return {
          url: file,
          bytes: bytes.byteLength,
          gzipBytes: gzipSync(bytes, { level: 9 }).byteLength,
        }
      }),
    )
    if (files.length === 0) throw new Error(`${url} loaded no JavaScript`)
    return {
      files,
      bytes: files.reduce((sum, file) => sum + file.bytes, 0),
      gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0),
    }
  } finally {
    await context.close()
  }
}
