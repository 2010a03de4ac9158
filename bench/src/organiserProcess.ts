import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { workspaceRoot } from './serverProcess'

const organiserEntry = fileURLToPath(new URL('./organiserMain.ts', import.meta.url))

/** What the bench asks the organiser process to do: one organiser `POST`. */
export interface OrganiserRequest {
  id: number
  url: string
  organiserToken: string
}

/** What the organiser process tells the bench: that it listens, then one answer per request. */
export type OrganiserReply =
  | { kind: 'ready' }
  | { kind: 'response'; id: number; status: number; body: string; roundTripMs: number }
  | { kind: 'failed'; id: number; error: string }

export interface TimedResponse {
  status: number
  body: string
  /** From sending the request until the whole response body was read. */
  roundTripMs: number
}

/**
 * The organiser's browser, played by a process of its own. The bench process
 * also runs every board client, and a station change wakes all of them at the
 * moment the server answers; a request timed there would wait for the bench to
 * apply the change on every client before it saw its own response.
 */
export interface OrganiserProcess {
  post(url: string, organiserToken: string): Promise<TimedResponse>
  stop(): Promise<void>
}

/** Forks the organiser process and resolves once it listens for requests. */
export async function startOrganiserProcess(): Promise<OrganiserProcess> {
  const child = fork(organiserEntry, [], {
    cwd: workspaceRoot,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)

  type Answer = Exclude<OrganiserReply, { kind: 'ready' }>
  const pending = new Map<number, { resolve(answer: Answer): void; reject(error: Error): void }>()
  let nextId = 1
  let exitCode: number | null | undefined
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      exitCode = code
      process.removeListener('exit', killOnExit)
      for (const waiting of pending.values()) {
        waiting.reject(new Error(`the organiser process exited with code ${code}`))
      }
      pending.clear()
      resolve()
    }),
  )
  let onReady: () => void = () => {}
  const ready = new Promise<void>((resolve) => (onReady = resolve))
  child.on('message', (reply: OrganiserReply) => {
    switch (reply.kind) {
      case 'ready':
        onReady()
        return
      case 'response':
      case 'failed':
        pending.get(reply.id)?.resolve(reply)
        pending.delete(reply.id)
        return
      default: {
        const unknown: never = reply
        throw new Error(`unknown reply from the organiser process: ${JSON.stringify(unknown)}`)
      }
    }
  })
  // A request sent before the child listens would be dropped unanswered.
  const exitedEarly = exited.then(() => {
    throw new Error(`the organiser process exited with code ${exitCode}`)
  })
  await Promise.race([ready, exitedEarly])

  return {
    async post(url, organiserToken) {
      if (exitCode !== undefined) throw new Error('the organiser process is gone')
      const id = nextId++
      const answer = await new Promise<Answer>((resolve, reject) => {
        pending.set(id, { resolve, reject })
        child.send({ id, url, organiserToken } satisfies OrganiserRequest)
      })
      if (answer.kind === 'failed') {
        throw new Error(`POST ${url} failed in the organiser process: ${answer.error}`)
      }
      return { status: answer.status, body: answer.body, roundTripMs: answer.roundTripMs }
    },
    async stop() {
      if (exitCode !== undefined) return
      // Closing the IPC channel is the organiser's cue to exit.
      child.disconnect()
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
      await exited
      clearTimeout(timer)
    },
  }
}
