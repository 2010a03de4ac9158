import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, type InlineConfig } from 'vite'
import { builtServerEntry, startServerProcess } from './serverProcess'

/** A minimal React app rendering `<Tldraw />`, kept out of the product (see its vite.config.ts). */
const root = fileURLToPath(new URL('../bare-tldraw/', import.meta.url))

export interface BareTldrawSite {
  /** e.g. http://127.0.0.1:4173/ */
  url: string
  stop(): Promise<void>
}

/**
 * Builds the bare tldraw page into a temp directory with the client's Vite
 * (and its pre-compression, see bare-tldraw/vite.config.ts) and serves it on
 * loopback with the Tablecloth server as the client's files are served:
 * brotli or gzip as accepted, hashed assets cached for good.
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
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tablecloth-bare-tldraw-data-'))
  const removeAll = () => {
    removeBuild()
    rmSync(dataDir, { recursive: true, force: true })
  }
  try {
    const server = await startServerProcess({
      name: 'Tablecloth server for the bare tldraw page',
      entry: builtServerEntry(),
      env: { CLIENT_DIR: outDir, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' },
      listening: /Tablecloth listening on (http:\/\/\S+)/,
    })
    return {
      url: `${server.origin}/`,
      async stop() {
        await server.stop()
        removeAll()
      },
    }
  } catch (error) {
    removeAll()
    throw error
  }
}
