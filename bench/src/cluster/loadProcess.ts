import { type ChildProcess, fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { ProbeSamples } from '../latencyProbe'
import { workspaceRoot } from '../serverProcess'

const loadEntry = fileURLToPath(new URL('./loadProcessMain.ts', import.meta.url))

/** One café table as a load process joins it: its board and the links its devices hold. */
export interface TableSeat {
  /** Unique over the run, e.g. "17"; phone notes carry it in their text. */
  key: string
  /** The board's sync endpoint, e.g. ws://127.0.0.1:41234/sync. */
  serverUrl: string
  room: string
  moderatorToken: string
  /** The table's projector link. */
  viewerToken: string
  /** The event's gallery link (a viewer without a table). */
  galleryToken: string
  /** `POST` here for a phone note, e.g. http://127.0.0.1:41234/api/events/e/tables/t/notes. */
  notesUrl: string
  participantToken: string
}

/** How a load process behaves; fixed when it is forked. */
export interface LoadSettings {
  /** Shown in errors. */
  name: string
  /** Local address every board socket of this process binds to, e.g. 127.0.0.11. */
  socketAddress: string
  /** One local address per phone of a table: the server limits phone notes per link and device. */
  phoneAddresses: string[]
  /** Each table gets a phone note this often, from its phones in turn. */
  phoneNoteIntervalMs: number
  /** The moderator's cursor rate while it moves. */
  cursorHz: number
  /** The moderator's cursor moves for this long, then rests as long. */
  cursorSpellMs: number
  /** Tables join this many at a time, each batch synced before the next. */
  joinBatch: number
  joinTimeoutMs: number
}

/** What the bench asks a load process. Each request gets exactly one reply. */
export type LoadRequest =
  | { kind: 'join'; tables: TableSeat[] }
  | { kind: 'open-window' }
  | { kind: 'close-window'; drainMs: number }

/** What one load process saw over a measured window. */
export interface LoadWindow {
  /** Phone note: `POST` sent until each / all of the table's sockets applied it. */
  samples: ProbeSamples
  notesSent: number
  receiptsExpected: number
  receiptsReceived: number
  duplicates: number
  /** Phone note `POST` round trips of 201 answers, ms. */
  postMs: number[]
  /** Answers other than 201, by status (0: no answer). */
  postFailures: Record<string, number>
  /** p99 of this process's own event-loop delay over the window. */
  loopDelayP99Ms: number
  /** Board sockets lost after their first sync, since the process started. */
  drops: number
}

export type LoadReply =
  | { kind: 'ready' }
  | { kind: 'joined'; sockets: number }
  | { kind: 'window-open' }
  | { kind: 'window'; window: LoadWindow }
  | { kind: 'failed'; error: string }

/**
 * A process of the load generator. The conference mix runs thousands of
 * sockets; in the bench's own process their work would queue behind each
 * other and the bench would time itself. Each load process holds a share of
 * the tables, sends their phone notes and times them with its own clock.
 */
export interface LoadProcess {
  pid: number
  name: string
  request(message: LoadRequest): Promise<LoadReply>
  stop(): Promise<void>
}

export async function startLoadProcess(settings: LoadSettings): Promise<LoadProcess> {
  const child: ChildProcess = fork(loadEntry, [JSON.stringify(settings)], {
    cwd: workspaceRoot,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)

  let waiting: { resolve(reply: LoadReply): void; reject(error: Error): void } | null = null
  let exitCode: number | null | undefined
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      exitCode = code
      process.removeListener('exit', killOnExit)
      waiting?.reject(new Error(`${settings.name} exited with code ${code}`))
      waiting = null
      resolve()
    }),
  )
  const next = () =>
    new Promise<LoadReply>((resolve, reject) => {
      waiting = { resolve, reject }
    })
  child.on('message', (reply: LoadReply) => {
    const current = waiting
    waiting = null
    current?.resolve(reply)
  })

  const ready = await next()
  if (ready.kind !== 'ready') throw new Error(`${settings.name} did not start: ${describe(ready)}`)

  return {
    pid: child.pid!,
    name: settings.name,
    async request(message) {
      if (exitCode !== undefined) throw new Error(`${settings.name} is gone`)
      const reply = next()
      child.send(message)
      const answer = await reply
      if (answer.kind === 'failed') throw new Error(`${settings.name}: ${answer.error}`)
      return answer
    },
    async stop() {
      if (exitCode !== undefined) return
      // Closing the IPC channel is the load process's cue to close its sockets and exit.
      child.disconnect()
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
      await exited
      clearTimeout(timer)
    },
  }
}

function describe(reply: LoadReply): string {
  return reply.kind === 'failed' ? reply.error : reply.kind
}
