import { readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { Plugin } from 'vite'

const compressBrotli = promisify(brotliCompress)
const compressGzip = promisify(gzip)

/** Text and other formats that shrink; fonts (woff2) and images already are compressed. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|json|svg|txt|webmanifest|wasm|ttf|otf|ico)$/i
/** Below this a copy saves less than the headers it costs. */
const MIN_BYTES = 1024
/** A copy must save at least this share of the file to be worth a second lookup. */
const MIN_SAVING = 0.1
/**
 * Brotli's best quality takes seconds for a file this large (5 s for tldraw's
 * 1.7 MB chunk on 2 cores) to save another 8 %; quality 9 takes under one.
 */
const LARGE_BYTES = 1024 * 1024

/**
 * Writes a brotli (`.br`, quality 11, 9 above 1 MiB) and a gzip (`.gz`, level 9) copy beside
 * every compressible file of the build, so the server sends the smaller one
 * without compressing while a request waits (`server/src/http/staticFiles.ts`).
 * The copies are written after the bundle, so the service worker's precache
 * list (`serviceWorkerPlugin`) never names them: the browser fetches each file
 * once, in whichever encoding it accepts.
 */
export function precompressPlugin(): Plugin {
  let outDir = 'dist'
  return {
    name: 'tablecloth-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir)
    },
    async writeBundle(options, bundle) {
      const dir = options.dir ?? outDir
      const names = Object.keys(bundle).filter((name) => COMPRESSIBLE.test(name))
      await Promise.all(names.map((name) => writeCopies(path.join(dir, name))))
    },
  }
}

async function writeCopies(file: string): Promise<void> {
  const { size } = await stat(file)
  if (size < MIN_BYTES) return
  const content = await readFile(file)
  const [brotli, gzipped] = await Promise.all([
    compressBrotli(content, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: size > LARGE_BYTES ? 9 : constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: size,
      },
    }),
    compressGzip(content, { level: 9 }),
  ])
  const worth = (copy: Buffer) => copy.byteLength <= size * (1 - MIN_SAVING)
  await Promise.all([
    worth(brotli) ? writeFile(`${file}.br`, brotli) : null,
    worth(gzipped) ? writeFile(`${file}.gz`, gzipped) : null,
  ])
}
