import { readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'

/**
 * Compiles the server to JavaScript in dist/, one flat file per entry, so
 * production runs plain `node` and worker threads can load their file.
 *
 * - The workspace's `@tablecloth/shared` exports TypeScript source: it is
 *   bundled in, with whatever it imports.
 * - The server's own npm dependencies stay external: better-sqlite3 is
 *   native, and pdfkit, docx and the font packages find their files relative
 *   to themselves in node_modules.
 * - Every entry lands directly in dist/ (dist/backup.js, not
 *   dist/tools/backup.js), because modules that find files from their own
 *   place (config.ts: the server folder is `..`; the render worker beside
 *   its caller) then see the same layout as in src/.
 */
const serverDir = import.meta.dirname
const outdir = path.join(serverDir, 'dist')
const manifest = JSON.parse(readFileSync(path.join(serverDir, 'package.json'), 'utf8'))
const external = Object.keys(manifest.dependencies).filter((name) => name !== '@tablecloth/shared')

rmSync(outdir, { recursive: true, force: true })
await build({
  absWorkingDir: serverDir,
  entryPoints: {
    main: 'src/main.ts',
    supervisor: 'src/supervisor.ts',
    backup: 'src/tools/backup.ts',
    restore: 'src/tools/restore.ts',
    resultsWorker: 'src/results/resultsWorker.ts',
    postgresWorker: 'src/store/sql/postgresWorker.ts',
  },
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  sourcemap: true,
  // Subpaths too: `hyphen/de`, `docx/...`.
  external: external.flatMap((name) => [name, `${name}/*`]),
  logLevel: 'warning',
})
