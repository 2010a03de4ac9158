import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { Plugin } from 'vite'

const SOURCE = new URL('../src/offline/serviceWorker.js', import.meta.url)

/**
 * Emits `sw.js` next to index.html, with the list of every file of this build
 * written in for precaching, and a build id derived from that list. Each
 * build therefore yields a different worker, which browsers install in place
 * of the old one.
 */
export function serviceWorkerPlugin(): Plugin {
  return {
    name: 'tablecloth-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((file) => !file.endsWith('.html') && !file.endsWith('.map'))
        .map((file) => `/${file}`)
        .sort()
      const buildId = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 16)
      const source = readFileSync(SOURCE, 'utf8')
        .replace('__TABLECLOTH_BUILD_ID__', buildId)
        .replace('self.__TABLECLOTH_PRECACHE__', JSON.stringify(files))
      this.emitFile({ type: 'asset', fileName: 'sw.js', source })
    },
  }
}
