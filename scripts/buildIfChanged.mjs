import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/**
 * `node scripts/buildIfChanged.mjs client server [--force]`: builds each named
 * part only when its inputs changed since its last build. The inputs' hash
 * (every source file, its config, the lockfile, Node's version) is written as
 * a stamp next to the build; a start with the same hash builds nothing.
 * `pnpm start`, `pnpm build`, `pnpm test:e2e`, `pnpm bench`, `pnpm backup`
 * and `pnpm restore` run it first, so what they run is what the sources say.
 */

const root = path.resolve(import.meta.dirname, '..')

/** Folders and files each part is built from, relative to the repository root. */
const SHARED_INPUTS = ['shared/src', 'shared/package.json', 'tsconfig.base.json', 'pnpm-lock.yaml']
const PARTS = {
  client: {
    inputs: [
      'client/src',
      'client/vite',
      'client/index.html',
      'client/board.html',
      'client/phone.html',
      'client/package.json',
      'client/tsconfig.json',
      'client/vite.config.ts',
      ...SHARED_INPUTS,
    ],
    outDir: 'client/dist',
    output: 'client/dist/index.html',
    command: ['pnpm', '--filter', '@tablecloth/client', 'build'],
  },
  server: {
    inputs: [
      'server/src',
      'server/build.mjs',
      'server/package.json',
      'server/tsconfig.json',
      ...SHARED_INPUTS,
    ],
    outDir: 'server/dist',
    output: 'server/dist/main.js',
    command: ['pnpm', '--filter', '@tablecloth/server', 'build'],
  },
}

/** Tests and the folders of installs and builds are no input of a build. */
const SKIPPED = new Set(['node_modules', 'dist', 'test', 'testing'])
const TEST_FILE = /\.test\.tsx?$/
const STAMP = '.build-stamp'

const args = process.argv.slice(2)
const force = args.includes('--force')
const names = args.filter((arg) => !arg.startsWith('--'))
for (const name of names) {
  if (!(name in PARTS)) {
    console.error(`Unknown part "${name}": one of ${Object.keys(PARTS).join(', ')}`)
    process.exit(2)
  }
}

const stale = names.filter((name) => {
  const part = PARTS[name]
  const stampFile = path.join(root, part.outDir, STAMP)
  if (force || !existsSync(path.join(root, part.output)) || !existsSync(stampFile)) return true
  return readFileSync(stampFile, 'utf8').trim() !== inputHash(part.inputs)
})
if (stale.length === 0) {
  console.log(`Build up to date (${names.join(', ')}): nothing to build`)
}
for (const name of stale) {
  const part = PARTS[name]
  const built = existsSync(path.join(root, part.outDir, STAMP))
  const why = force ? 'forced' : built ? 'sources changed since the last build' : 'not built yet'
  console.log(`${name}: ${why}, building ${part.outDir}…`)
  // Hashed before building: a source edited during the build makes the next start build again.
  const hash = inputHash(part.inputs)
  const started = Date.now()
  const run = spawnSync(part.command[0], part.command.slice(1), { cwd: root, stdio: 'inherit' })
  if (run.status !== 0) {
    console.error(`${name}: build failed`)
    process.exit(run.status ?? 1)
  }
  // Written last: a build that fails half way leaves no stamp, so the next start builds again.
  writeFileSync(path.join(root, part.outDir, STAMP), `${hash}\n`)
  console.log(`${name}: built in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

/** One hash over every input file's path and content, in a fixed order. */
function inputHash(inputs) {
  const hash = createHash('sha256')
  hash.update(`node ${process.version}\n`)
  for (const input of inputs) {
    for (const file of filesOf(path.join(root, input))) {
      hash.update(`${path.relative(root, file)}\n`)
      hash.update(readFileSync(file))
    }
  }
  return hash.digest('hex')
}

/** The input itself if it is a file, else every file below it; nothing if it does not exist. */
function filesOf(target) {
  if (!existsSync(target)) return []
  let entries
  try {
    entries = readdirSync(target, { withFileTypes: true })
  } catch (error) {
    if (error.code === 'ENOTDIR') return [target]
    throw error
  }
  return entries
    .filter((entry) => !SKIPPED.has(entry.name) && !TEST_FILE.test(entry.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const full = path.join(target, entry.name)
      if (entry.isDirectory()) return filesOf(full)
      return entry.isFile() ? [full] : []
    })
}
