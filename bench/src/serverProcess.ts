import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createInterface } from 'node:readline'

/** The workspace root, where the `tsx` loader is installed. */
export const workspaceRoot = fileURLToPath(new URL('../../', import.meta.url))

/**
 * Our server as `pnpm start` runs it: compiled, from server/dist (`pnpm bench`
 * builds it first). The bench starts main.js itself, not the supervisor, so
 * the pid it measures is the server's.
 */
export function builtServerEntry(): string {
  const entry = path.join(workspaceRoot, 'server', 'dist', 'main.js')
  if (!existsSync(entry)) {
    throw new Error(`No built server at ${entry}: run \`pnpm build\` (\`pnpm bench\` does this)`)
  }
  return entry
}

/** A server under test, running as its own process so its RSS and CPU are its own. */
export interface ServerProcess {
  pid: number
  /** e.g. http://127.0.0.1:41234, as the server announced it. */
  origin: string
  /** Aborted, with the server's last output as reason, if it exits before `stop()`. */
  failed: AbortSignal
  stop(): Promise<void>
}

export interface ServerProcessOptions {
  /** Shown in errors. */
  name: string
  /** Entry point: TypeScript runs through the tsx loader, JavaScript with source maps. */
  entry: string
  env: Record<string, string>
  /** The line the server prints once it accepts connections; group 1 is its origin. */
  listening: RegExp
  startTimeoutMs?: number
}

/** Lines of output kept to explain a failed start or an unexpected exit. */
const KEPT_LINES = 40

/**
 * Starts a server under plain `node` (a TypeScript one with `--import tsx`).
 * The `tsx` CLI would run the server in a second process behind a wrapper,
 * and /proc figures for the wrapper's pid would measure the wrong process.
 */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const flags = options.entry.endsWith('.ts') ? ['--import', 'tsx'] : ['--enable-source-maps']
  const child = spawn(process.execPath, [...flags, options.entry], {
    cwd: workspaceRoot,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output: string[] = []
  const keep = (line: string) => {
    output.push(line)
    if (output.length > KEPT_LINES) output.shift()
  }
  // Both pipes are read to the end: a child whose pipe fills up blocks on its
  // next log line, which would show up as latency.
  createInterface({ input: child.stderr! }).on('line', keep)
  const stdout = createInterface({ input: child.stdout! })
  stdout.on('line', keep)

  // A bench interrupted with Ctrl-C must not leave servers behind.
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)

  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  void exited.then(() => process.removeListener('exit', killOnExit))

  const timeoutMs = options.startTimeoutMs ?? 30_000
  const origin = await new Promise<string>((resolve, reject) => {
    let settled = false
    const timer = setTimeout(
      () => fail(new Error(`${options.name} did not start within ${timeoutMs} ms`)),
      timeoutMs,
    )
    function fail(error: Error) {
      if (settled) return
      settled = true
      clearTimeout(timer)
      child.kill('SIGKILL')
      reject(new Error(`${error.message}\n${output.join('\n')}`))
    }
    stdout.on('line', (line) => {
      const match = options.listening.exec(line)
      if (settled || !match?.[1]) return
      settled = true
      clearTimeout(timer)
      resolve(match[1])
    })
    child.once('error', fail)
    void exited.then((code) => fail(new Error(`${options.name} exited with code ${code}`)))
  })

  let stopping = false
  const failure = new AbortController()
  void exited.then((code) => {
    if (stopping) return
    const signal = child.signalCode ? `signal ${child.signalCode}` : `code ${code}`
    failure.abort(
      new Error(`${options.name} exited unexpectedly (${signal}):\n${output.join('\n')}`),
    )
  })

  return {
    pid: child.pid!,
    origin,
    failed: failure.signal,
    async stop() {
      stopping = true
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(timer)
    },
  }
}

/** Several servers under test that belong together, e.g. processes sharing one store. */
export interface ServerGroup {
  servers: ServerProcess[]
  /** Aborted when any of them exits before `stop()`. */
  failed: AbortSignal
  stop(): Promise<void>
}

/**
 * Starts `count` servers one after the other (the first may set up what the
 * others share, e.g. a schema); if one fails to start, those started are stopped.
 */
export async function startServerGroup(
  count: number,
  optionsOf: (index: number) => ServerProcessOptions,
): Promise<ServerGroup> {
  const servers: ServerProcess[] = []
  const stop = async () => {
    await Promise.all(servers.map((server) => server.stop()))
  }
  try {
    for (let index = 0; index < count; index++) {
      servers.push(await startServerProcess(optionsOf(index)))
    }
  } catch (error) {
    await stop()
    throw error
  }
  return { servers, failed: AbortSignal.any(servers.map((server) => server.failed)), stop }
}
