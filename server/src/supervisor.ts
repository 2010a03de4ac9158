import { fork, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import readline from 'node:readline'

/**
 * `pnpm start`'s process: runs the server (main.ts beside this file) as a
 * child and brings it back when it ends unexpectedly, so a crash during a
 * café day costs the boards a reconnect, not the day. docs/operations.md, "Running the server for a day".
 *
 * - An exit with a non-zero code, or by a signal the supervisor did not send,
 *   is a crash: the server starts again after 1 s, on the same port (PORT=0
 *   is pinned to the port first chosen) and the same data directory.
 * - Crashes in quick succession wait longer each time (1, 2, 4 … 30 s).
 *   A server that fails again and again before it listens (a bad setting,
 *   an unusable data directory) will not heal by itself: after
 *   MAX_START_FAILURES such failures in a row the supervisor gives up and
 *   exits non-zero with the server's last error.
 * - SIGINT and SIGTERM are passed on; the server saves its boards and exits,
 *   and so does the supervisor. An exit with code 0 is the server's own
 *   decision, and ends the supervisor too.
 *
 * The child runs with this process's own Node flags, so under `--import tsx`
 * it runs main.ts through tsx, and compiled it runs main.js.
 */

const RESTART_DELAY_MS = 1_000
const MAX_RESTART_DELAY_MS = 30_000
/** A server that ran this long after listening crashed on its own; the delays start over. */
const STABLE_MS = 60_000
const MAX_START_FAILURES = 4
const ERROR_LINES_KEPT = 40

/** The line main.ts prints once it accepts connections; e2e tests and the bench wait for it too. */
const LISTENING_LINE = /Tablecloth listening on (https?:\/\/\S+)/

const SERVER_ENTRY = path.join(import.meta.dirname, `main${path.extname(import.meta.filename)}`)

function supervise(): void {
  const env: NodeJS.ProcessEnv = { ...process.env }
  let child: ChildProcess | null = null
  /** The signal passed on to stop the server, once SIGINT or SIGTERM arrived. */
  let stopping: NodeJS.Signals | null = null
  let restartTimer: NodeJS.Timeout | null = null
  /** Crashes since the server last ran for STABLE_MS; sets the delay. */
  let crashes = 0
  /** Exits before listening, in a row. */
  let startFailures = 0
  let starts = 0

  const start = () => {
    restartTimer = null
    starts += 1
    let listeningSince: number | null = null
    const errorLines: string[] = []
    // An IPC channel lets the server notice when the supervisor is gone (see main.ts).
    const server = fork(SERVER_ENTRY, [], { env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] })
    child = server
    // Without a listener, a failed kill() or spawn would end the supervisor itself.
    server.on('error', (error) => console.error(`Tablecloth supervisor: ${error.message}`))
    const what = starts === 1 ? 'started' : 'restarted'
    console.log(`Tablecloth supervisor: ${what} the server (pid ${server.pid})`)

    readline.createInterface({ input: server.stdout! }).on('line', (line) => {
      console.log(line)
      const listening = LISTENING_LINE.exec(line)
      if (!listening || listeningSince !== null) return
      listeningSince = Date.now()
      startFailures = 0
      // PORT=0 chose a free port; a restart must come back on the same one.
      const { port } = new URL(listening[1]!)
      env.PORT = port || '80'
    })
    readline.createInterface({ input: server.stderr! }).on('line', (line) => {
      console.error(line)
      errorLines.push(line)
      if (errorLines.length > ERROR_LINES_KEPT) errorLines.shift()
    })

    // 'close', not 'exit': by then the server's last lines have been read and printed.
    server.once('close', (code, signal) => {
      child = null
      if (stopping !== null) {
        process.exit(code ?? (signal === stopping ? 0 : 1))
      }
      if (code === 0) {
        console.log('Tablecloth supervisor: the server stopped by itself (code=0); exiting')
        process.exit(0)
      }
      if (listeningSince === null) startFailures += 1
      if (listeningSince !== null && Date.now() - listeningSince >= STABLE_MS) crashes = 0
      crashes += 1
      if (startFailures >= MAX_START_FAILURES) {
        console.error(
          `Tablecloth server failed to start ${startFailures} times in a row; giving up. ` +
            `Last error: ${lastError(errorLines) ?? `exit code=${code}, signal=${signal}`}`,
        )
        process.exit(1)
      }
      const delayMs = Math.min(RESTART_DELAY_MS * 2 ** (crashes - 1), MAX_RESTART_DELAY_MS)
      console.error(
        `Tablecloth server exited (code=${code}, signal=${signal}); restarting in ${delayMs / 1000} s`,
      )
      restartTimer = setTimeout(start, delayMs)
    })
  }

  const stop = (signal: NodeJS.Signals) => {
    // A terminal's Ctrl-C reaches the server and the supervisor alike; the
    // server ignores the second signal, so passing every one on is safe.
    stopping ??= signal
    if (restartTimer) {
      clearTimeout(restartTimer)
      restartTimer = null
    }
    if (child) child.kill(signal)
    else process.exit(0)
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))

  start()
}

/** Why the server could not start: its own "Cannot start: …", else the error's first line. */
function lastError(lines: readonly string[]): string | null {
  const cannotStart = lines.findLast((line) => line.startsWith('Cannot start: '))
  if (cannotStart) return cannotStart
  const errorLine = lines.findLast((line) => /^\w*Error\b/.test(line))
  return errorLine ?? lines.findLast((line) => line.trim() !== '') ?? null
}

supervise()
