import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'
import { afterEach, describe, expect, it } from 'vitest'
import { winnendenTemplate, type CreateEventResponse } from '@tablecloth/shared'

const SERVER_DIR = path.resolve(import.meta.dirname, '..')
/** Generous: a start through tsx takes a second or two on a busy machine. */
const CEILING_MS = 90_000
/** Each test starts servers through tsx, one after another; on a loaded CI machine that is slow. */
const TEST_CEILING_MS = 3 * CEILING_MS

/** `pnpm start`'s supervisor as a process of its own, with every line it and its server print. */
class SupervisorProcess {
  readonly lines: string[] = []
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  private readonly waiting = new Set<() => void>()

  constructor(
    readonly child: ChildProcess,
    readonly dataDir: string,
  ) {
    for (const stream of [child.stdout!, child.stderr!]) {
      readline.createInterface({ input: stream }).on('line', (line) => {
        this.lines.push(line)
        this.waiting.forEach((check) => check())
      })
    }
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    )
  }

  static start(env: Record<string, string>): SupervisorProcess {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tablecloth-supervised-'))
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/supervisor.ts'], {
      cwd: SERVER_DIR,
      env: { ...process.env, HOST: '127.0.0.1', DATA_DIR: dataDir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const supervisor = new SupervisorProcess(child, dataDir)
    running.push(supervisor)
    return supervisor
  }

  /** Resolves with the first line from `after` on that matches. */
  line(pattern: RegExp, after = 0): Promise<{ match: RegExpExecArray; index: number }> {
    return new Promise((resolve, reject) => {
      const check = () => {
        for (let index = after; index < this.lines.length; index++) {
          const match = pattern.exec(this.lines[index]!)
          if (match) {
            done()
            resolve({ match, index })
            return
          }
        }
      }
      const timer = setTimeout(() => {
        done()
        reject(
          new Error(`no line like ${pattern} within ${CEILING_MS} ms:\n${this.lines.join('\n')}`),
        )
      }, CEILING_MS)
      const done = () => {
        clearTimeout(timer)
        this.waiting.delete(check)
      }
      this.waiting.add(check)
      check()
    })
  }

  /** The pids of every server it started, for the clean-up. */
  serverPids(): number[] {
    return this.lines.flatMap((line) => {
      const match = /the server \(pid (\d+)\)/.exec(line)
      return match ? [Number(match[1])] : []
    })
  }
}

const running: SupervisorProcess[] = []

afterEach(() => {
  // Whatever a failed test left behind: the supervisor first, so it restarts nothing.
  for (const supervisor of running.splice(0)) {
    for (const pid of [supervisor.child.pid!, ...supervisor.serverPids()]) {
      if (isAlive(pid)) process.kill(pid, 'SIGKILL')
    }
    fs.rmSync(supervisor.dataDir, { recursive: true, force: true })
  }
})

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false
    throw error
  }
}

/** A port nothing listens on right now; the supervisor must be given one fixed port to keep. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

/** Polls until `condition` holds, up to the ceiling: the server's restart is the event awaited. */
async function eventually(
  what: string,
  condition: () => Promise<boolean> | boolean,
): Promise<void> {
  const deadline = Date.now() + CEILING_MS
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${CEILING_MS} ms`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

async function healthy(origin: string): Promise<boolean> {
  try {
    return (await fetch(`${origin}/healthz`)).ok
  } catch {
    // Refused: the server is not back yet.
    return false
  }
}

describe('the supervisor (pnpm start)', () => {
  it(
    'brings a killed server back on the same port with the same data, and stops it on SIGTERM',
    async () => {
      const port = await freePort()
      const origin = `http://127.0.0.1:${port}`
      const supervisor = SupervisorProcess.start({ PORT: String(port) })
      const first = await supervisor.line(/started the server \(pid (\d+)\)/)
      await supervisor.line(/Tablecloth listening on/)
      const created = await fetch(`${origin}/api/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(winnendenTemplate()),
      })
      expect(created.status).toBe(201)
      const event = (await created.json()) as CreateEventResponse

      const firstPid = Number(first.match[1])
      process.kill(firstPid, 'SIGKILL')
      const exit = await supervisor.line(
        /^Tablecloth server exited \(code=null, signal=SIGKILL\); restarting in 1 s$/,
        first.index,
      )
      const second = await supervisor.line(/restarted the server \(pid (\d+)\)/, exit.index)
      const secondPid = Number(second.match[1])
      expect(secondPid).not.toBe(firstPid)
      await eventually('the server answers again', () => healthy(origin))

      const view = await fetch(`${origin}/api/events/${event.id}`, {
        headers: { authorization: `Bearer ${event.organiserToken}` },
      })
      expect(view.status).toBe(200)
      expect(((await view.json()) as { id: string }).id).toBe(event.id)

      supervisor.child.kill('SIGTERM')
      expect(await supervisor.exited).toEqual({ code: 0, signal: null })
      expect(supervisor.lines).toContain('SIGTERM received, saving boards and shutting down')
      expect(isAlive(secondPid)).toBe(false)
      expect(await healthy(origin)).toBe(false)
    },
    TEST_CEILING_MS,
  )

  it(
    'gives up with the reason after a server that cannot start failed a few times in a row',
    async () => {
      const supervisor = SupervisorProcess.start({ PORT: 'eighty' })
      const { code } = await supervisor.exited
      expect(code).toBe(1)
      const restarts = supervisor.lines.filter((line) =>
        line.startsWith('Tablecloth server exited'),
      )
      // Each wait is longer than the one before, so a bad setting never loops fast.
      expect(restarts.map((line) => /restarting in (\d+) s/.exec(line)?.[1])).toEqual([
        '1',
        '2',
        '4',
      ])
      expect(supervisor.lines.at(-1)).toBe(
        'Tablecloth server failed to start 4 times in a row; giving up. ' +
          'Last error: Cannot start: PORT must be an integer between 0 and 65535, got "eighty"',
      )
    },
    TEST_CEILING_MS,
  )

  it(
    'leaves no server behind when the supervisor itself is killed',
    async () => {
      const port = await freePort()
      const supervisor = SupervisorProcess.start({ PORT: String(port) })
      const started = await supervisor.line(/started the server \(pid (\d+)\)/)
      await supervisor.line(/Tablecloth listening on/)
      supervisor.child.kill('SIGKILL')
      // The server notices its supervisor is gone, saves, and frees the port for the next start.
      await eventually('the orphaned server ends', () => !isAlive(Number(started.match[1])))
      expect(await healthy(`http://127.0.0.1:${port}`)).toBe(false)
    },
    TEST_CEILING_MS,
  )
})
