import { pause } from '../abortableWait'
import { type ProcessUsage, sampleMachine, sampleProcess } from '../processUsage'
import type { ServerGroup } from '../serverProcess'
import { type Distribution, distributionOf } from '../stats'
import { startOurProcesses } from '../targets/ourProcesses'
import { benchEvent, createEvent, syncUrlOf } from '../targets/ourServer'
import {
  type BenchSchema,
  createBenchSchema,
  type SharedServices,
  sampleRoundTrips,
} from '../targets/sharedStore'
import { TABLE_SCREENS } from './conferenceTable'
import { type LoadProcess, type LoadWindow, startLoadProcess, type TableSeat } from './loadProcess'

/** A conference is many events of this many tables (one per room of a venue). */
export const TABLES_PER_EVENT = 20
/** The moderator's cursor moves at this rate for a spell, then rests as long: half of the time. */
const CURSOR_HZ = 10
const CURSOR_SPELL_MS = 5_000
/** Phones at a table, each a device of its own (the server limits notes per device). */
const PHONES_PER_TABLE = 4
const JOIN_BATCH = 25
const JOIN_TIMEOUT_MS = 60_000
const DRAIN_MS = 5_000

export interface MixSettings {
  /** Tables at each step, ascending; the last is the ceiling. */
  steps: number[]
  warmupSeconds: number
  stepSeconds: number
  loadProcesses: number
  phoneNoteSeconds: number
  /** The step whose note p99 passes this is the knee; no larger step runs. */
  latencyLimitMs: number
}

/** One step of the conference mix. */
export interface MixStep {
  tables: number
  sockets: number
  /** How long the step's new tables took to join, all their sockets synced. */
  joinSeconds: number
  /** Phone note: `POST` until all of the table's screens applied it. */
  allApplied: Distribution
  eachApplied: Distribution
  post: Distribution
  notesSent: number
  lost: number
  duplicates: number
  postFailures: Record<string, number>
  drops: number
  server: ProcessUsage
  loads: Array<{ usage: ProcessUsage; loopDelayP99Ms: number }>
  otherCpuPercent: number
  updatesPerSecond: number
  postgresCpuPercent: number
  /** `SELECT 1` from the bench during the window. */
  roundTrip: Distribution
  /**
   * `GET /api/time` from the bench every 50 ms: it touches no store, so
   * its answer waits only for the server's event loop.
   */
  serverAnswer: Distribution
  windowSeconds: number
}

export interface MixResult {
  steps: MixStep[]
  /** Why the steps ended before the ceiling, if they did. */
  stoppedBecause: string | null
}

/**
 * Capacity of one process in the conference mix: one of our processes on
 * PostgreSQL, tables added step by step (events of `TABLES_PER_EVENT`),
 * each table a moderator, a co-moderator, a projector and a gallery tile
 * on the board and phones writing notes over HTTP, driven from
 * `loadProcesses` processes of their own. Stops after the step whose phone
 * note p99 passes the limit.
 */
export async function runConferenceMix(
  services: SharedServices,
  settings: MixSettings,
): Promise<MixResult> {
  const schema = await createBenchSchema(services.databaseUrl)
  let group: ServerGroup | null = null
  const loads: LoadProcess[] = []
  try {
    group = await startOurProcesses({ processes: 1, databaseUrl: schema.url })
    const server = group.servers[0]!
    for (let index = 0; index < settings.loadProcesses; index++) {
      loads.push(
        await startLoadProcess({
          name: `load process ${index + 1}`,
          socketAddress: `127.0.0.${11 + index}`,
          phoneAddresses: Array.from({ length: PHONES_PER_TABLE }, (_, n) => `127.0.1.${n + 1}`),
          phoneNoteIntervalMs: settings.phoneNoteSeconds * 1000,
          cursorHz: CURSOR_HZ,
          cursorSpellMs: CURSOR_SPELL_MS,
          joinBatch: JOIN_BATCH,
          joinTimeoutMs: JOIN_TIMEOUT_MS,
        }),
      )
    }
    const seats: TableSeat[] = []
    const steps: MixStep[] = []
    let joined = 0
    for (const tables of settings.steps) {
      console.log(`cluster: conference mix, ${tables} tables…`)
      const joinedAt = performance.now()
      try {
        await addEvents(server.origin, seats, tables)
        if (joined === 0) await warmPhoneNotes(seats.slice(0, TABLES_PER_EVENT))
        // Tables are dealt to the load processes in turn.
        const newcomers = seats.slice(joined, tables)
        await Promise.all(
          loads.map((load, index) =>
            load.request({
              kind: 'join',
              tables: newcomers.filter((_, n) => n % loads.length === index),
            }),
          ),
        )
        joined = tables
      } catch (error) {
        return { steps, stoppedBecause: `${tables} tables could not join: ${describe(error)}` }
      }
      const joinSeconds = (performance.now() - joinedAt) / 1000
      await pause(settings.warmupSeconds * 1000, group.failed)
      const step = await measureStep(tables, settings, server, loads, schema, group.failed)
      steps.push({ ...step, joinSeconds })
      if (step.allApplied.p99 > settings.latencyLimitMs) return { steps, stoppedBecause: null }
    }
    return { steps, stoppedBecause: null }
  } finally {
    await Promise.all(loads.map((load) => load.stop()))
    await group?.stop()
    await schema.drop()
  }
}

/**
 * One phone note to each of `seats`, one after the other, before anything is
 * measured: a server's first note loads the fonts the note sizer measures with.
 */
async function warmPhoneNotes(seats: TableSeat[]): Promise<void> {
  for (const seat of seats) {
    const response = await fetch(seat.notesUrl, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${seat.participantToken}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ text: 'Warm-up note', column: 0 }),
    })
    await response.text()
  }
}

/** Creates events until `seats` holds `tables` tables. */
async function addEvents(origin: string, seats: TableSeat[], tables: number): Promise<void> {
  while (seats.length < tables) {
    const event = await createEvent(origin, benchEvent(TABLES_PER_EVENT))
    const galleryToken = new URL(event.links.gallery).hash.replace(/^#token=/, '')
    for (const table of event.links.tables) {
      seats.push({
        key: String(seats.length + 1),
        serverUrl: syncUrlOf(origin),
        room: `${event.id}/${table.id}`,
        moderatorToken: table.tokens.moderator,
        viewerToken: table.tokens.viewer,
        galleryToken,
        notesUrl: `${origin}/api/events/${event.id}/tables/${table.id}/notes`,
        participantToken: table.tokens.participant,
      })
    }
  }
}

async function measureStep(
  tables: number,
  settings: MixSettings,
  target: { pid: number; origin: string },
  loads: LoadProcess[],
  schema: BenchSchema,
  failed: AbortSignal,
): Promise<Omit<MixStep, 'joinSeconds'>> {
  const server = sampleProcess(target.pid)
  const answers = sampleAnswers(`${target.origin}/api/time`)
  const loadSamplers = loads.map((load) => sampleProcess(load.pid))
  const machine = sampleMachine()
  const [updatesBefore, postgresBefore] = await Promise.all([
    schema.updatesLogged(),
    schema.backendCpuSeconds(),
  ])
  const roundTrips = sampleRoundTrips(schema)
  const startedAt = performance.now()
  await Promise.all(loads.map((load) => load.request({ kind: 'open-window' })))
  await pause(settings.stepSeconds * 1000, failed)
  const closing = Promise.all(
    loads.map((load) => load.request({ kind: 'close-window', drainMs: DRAIN_MS })),
  )
  const windowSeconds = (performance.now() - startedAt) / 1000
  const serverUsage = server.stop()
  const loadUsages = loadSamplers.map((sampler) => sampler.stop())
  const busy = machine.stop()
  const [updatesAfter, postgresAfter] = await Promise.all([
    schema.updatesLogged(),
    schema.backendCpuSeconds(),
  ])
  const roundTrip = distributionOf(await roundTrips.stop())
  const serverAnswer = distributionOf(await answers.stop())
  const windows = (await closing).map((reply) => {
    if (reply.kind !== 'window') throw new Error(`a load process answered ${reply.kind}`)
    return reply.window
  })
  const pooled = (pick: (window: LoadWindow) => number[]) => windows.flatMap(pick)
  const sum = (pick: (window: LoadWindow) => number) =>
    windows.reduce((total, window) => total + pick(window), 0)
  const postFailures: Record<string, number> = {}
  for (const window of windows) {
    for (const [status, count] of Object.entries(window.postFailures)) {
      postFailures[status] = (postFailures[status] ?? 0) + count
    }
  }
  const ours =
    serverUsage.cpuPercent + loadUsages.reduce((total, usage) => total + usage.cpuPercent, 0)
  return {
    tables,
    sockets: tables * TABLE_SCREENS.length,
    allApplied: distributionOf(pooled((w) => w.samples.allApplied)),
    eachApplied: distributionOf(pooled((w) => w.samples.eachApplied)),
    post: distributionOf(pooled((w) => w.postMs)),
    notesSent: sum((w) => w.notesSent),
    lost: sum((w) => w.receiptsExpected - w.receiptsReceived),
    duplicates: sum((w) => w.duplicates),
    postFailures,
    drops: sum((w) => w.drops),
    server: serverUsage,
    loads: loadUsages.map((usage, index) => ({
      usage,
      loopDelayP99Ms: windows[index]!.loopDelayP99Ms,
    })),
    otherCpuPercent: Math.max(0, busy - ours),
    updatesPerSecond: (updatesAfter - updatesBefore) / windowSeconds,
    postgresCpuPercent: ((postgresAfter - postgresBefore) / windowSeconds) * 100,
    roundTrip,
    serverAnswer,
    windowSeconds,
  }
}

/** Times a `GET` of `url` every `everyMs`, one at a time, until `stop()`. */
function sampleAnswers(url: string, everyMs = 50): { stop(): Promise<number[]> } {
  const samples: number[] = []
  let pending: Promise<void> = Promise.resolve()
  const ask = async () => {
    const startedAt = performance.now()
    const response = await fetch(url)
    await response.arrayBuffer()
    samples.push(performance.now() - startedAt)
  }
  const timer = setInterval(() => {
    pending = pending.then(ask).catch(() => {})
  }, everyMs)
  return {
    async stop() {
      clearInterval(timer)
      await pending
      return samples
    },
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
