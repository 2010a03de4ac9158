import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker, type WorkerOptions } from 'node:worker_threads'

/**
 * The file of a worker that sits beside the module asking for it. Compiled,
 * every module is part of a flat bundle in dist/ and the worker is
 * dist/<name>.js beside it; run from source (tests, `pnpm dev`), both are .ts
 * files in the same src/ folder. Either way the worker sits beside its caller.
 */
export function workerBeside(callerUrl: string, name: string): string {
  const here = fileURLToPath(callerUrl)
  return path.join(path.dirname(here), `${name}${path.extname(here)}`)
}

/**
 * A TypeScript worker needs the tsx loader in its own thread: loaders
 * registered on the main thread do not reach workers started from Node's
 * API. A compiled worker runs with the process's own flags (source maps).
 */
export function workerExecArgv(workerFile: string): string[] {
  const inherited = process.execArgv
  if (!workerFile.endsWith('.ts')) return inherited
  const hasTsx = inherited.some(
    (arg, index) => arg === 'tsx' && inherited[index - 1] === '--import',
  )
  return hasTsx ? inherited : [...inherited, '--import', 'tsx']
}

/**
 * Starts a worker thread on `file`. A compiled worker starts as it is. A
 * TypeScript one (run from source) starts from a two-line bootstrap that
 * registers tsx in the thread first: `--import tsx` in a Worker's execArgv
 * does not reach the worker's own entry module on Node 20.
 */
export function startWorker(file: string, options: WorkerOptions = {}): Worker {
  if (!file.endsWith('.ts')) return new Worker(file, options)
  // tsx's ESM entry: `require.resolve` would name its CommonJS one.
  const tsxDir = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'))
  const tsx = pathToFileURL(path.join(tsxDir, 'dist', 'esm', 'api', 'index.mjs')).href
  const entry = pathToFileURL(file).href
  const bootstrap = `import(${JSON.stringify(tsx)})
    .then(({ register }) => { register(); return import(${JSON.stringify(entry)}) })`
  return new Worker(bootstrap, { ...options, eval: true })
}
