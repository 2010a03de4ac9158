import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, preview, type InlineConfig } from 'vite'

/** A minimal React app rendering `<Tldraw />`, kept out of the product (see its vite.config.ts). */
const root = fileURLToPath(new URL('../bare-tldraw/', import.meta.url))

export interface BareTldrawSite {
  /** e.g. http://127.0.0.1:4173/ */
  url: string
  stop(): Promise<void>
}

/**
 * Builds the bare tldraw page into a temp directory with the client's Vite
 * and serves it on loopback with Vite's preview server.
 */
export async function startBareTldraw(): Promise<BareTldrawSite> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'tablecloth-bare-tldraw-'))
  const removeBuild = () => rmSync(outDir, { recursive: true, force: true })
  const config: InlineConfig = {
    root,
    configFile: path.join(root, 'vite.config.ts'),
    build: { outDir, emptyOutDir: true },
  }
  // Vite sets NODE_ENV for its build; servers the bench starts later inherit the environment.
  const nodeEnv = process.env.NODE_ENV
  try {
    await build(config)
  } catch (error) {
    removeBuild()
    throw error
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV
    else process.env.NODE_ENV = nodeEnv
  }
  try {
    const server = await preview({
      ...config,
      preview: { host: '127.0.0.1', port: 0, open: false },
    })
    const url = server.resolvedUrls?.local[0]
    if (!url) {
      await server.close()
      throw new Error('the preview server of the bare tldraw page announced no address')
    }
    return {
      url,
      async stop() {
        await server.close()
        removeBuild()
      },
    }
  } catch (error) {
    removeBuild()
    throw error
  }
}
