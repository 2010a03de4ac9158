import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

const SERVER_DIR = path.resolve(import.meta.dirname, '..', '..')

/** How a server process ended, with what it wrote to stderr. */
export interface ProcessExit {
  code: number | null
  signal: NodeJS.Signals | null
  stderr: string
}

/**
 * The real server (`src/main.ts`) in a process of its own. It runs from source
 * through tsx, not from dist/, so the unit suite needs no build; the e2e tests
 * and the bench run the build.
 */
export interface ServerProcess {
  child: ChildProcess
  /** Resolves with the origin once the server listens; rejects if it exits first. */
  listening: Promise<string>
  exited: Promise<ProcessExit>
  /** Sends `signal` and waits until the process is gone. */
  stop(signal: NodeJS.Signals): Promise<ProcessExit>
  /** Everything the process wrote so far, stdout and stderr interleaved: its log, for a failing test. */
  output(): string
}

/**
 * Starts `src/main.ts` on `dataDir` with node itself (no npx or pnpm in
 * between), so a signal sent to `child` reaches the server and nothing else.
 * PORT 0 and loopback unless `env` says otherwise.
 */
export function spawnServer(dataDir: string, env: Record<string, string> = {}): ServerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  let output = ''
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
    output += chunk.toString()
  })
  const exited = new Promise<ProcessExit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, stderr })),
  )
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      output += chunk.toString()
      const match = /Tablecloth listening on (\S+)/.exec(stdout)
      if (match) resolve(match[1]!)
    })
    void exited.then((exit) =>
      reject(new Error(`server exited (${exit.code ?? exit.signal}): ${exit.stderr}`)),
    )
  })
  // A test that expects the start to fail awaits `exited` instead.
  listening.catch(() => {})
  return {
    child,
    listening,
    exited,
    async stop(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      return exited
    },
    output: () => output,
  }
}
