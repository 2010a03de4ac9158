import { type LoadPlan, type LoadResult, type MeasureWindow, runBoardLoad } from '../boardLoad'
import { type ProcessUsage, sampleMachine, sampleProcess } from '../processUsage'
import { type Distribution, distributionOf } from '../stats'
import type { BackingCounters, LiveSetup } from './liveSetups'

/** Receipt groups when a board's clients sit on several processes. */
export const SAME_PROCESS = 'same process'
export const OTHER_PROCESS = 'other process'

/** One setup's figures under the live load. */
export interface SetupRun {
  setup: LiveSetup
  load: LoadResult
  /** Each server process with the clients connected to it. */
  processes: Array<{ usage: ProcessUsage; clients: number }>
  bench: ProcessUsage
  /** Busy CPU of everything else on the machine, % of a core. */
  otherCpuPercent: number
  /** `SELECT 1` from the bench during the window; empty without PostgreSQL. */
  roundTrip: Distribution
  /** Frames each client received per second, on average. */
  framesPerClientSecond: number
  /** Per second of the window; absent where the setup has no such part. */
  backing: {
    updatesPerSecond?: number
    postgresCpuPercent?: number
    redisPublishesPerSecond?: number
    redisCpuPercent?: number
  }
}

/**
 * Runs the live load (`plan`, on `boards` boards) against a fresh start of
 * `setup`, sampling every server process, the bench, the machine and the
 * store and relay over exactly the measured window.
 */
export async function measureSetup(
  setup: LiveSetup,
  plan: LoadPlan,
  boards: number,
): Promise<SetupRun> {
  const seconds = (plan.warmupMs + plan.measureMs) / 1000
  console.log(`cluster: ${setup.label}: ${boards * plan.clientsPerBoard} clients, ${seconds} s…`)
  const running = await setup.start(boards)
  try {
    const measured: WindowState = { windowMs: 0 }
    const window: MeasureWindow = {
      start() {
        const servers = running.pids.map((pid) => sampleProcess(pid))
        const bench = sampleProcess(process.pid)
        const machine = sampleMachine()
        measured.before = running.counters()
        measured.roundTrips = running.roundTrips?.()
        const framesAtStart = running.frames.received
        const startedAt = performance.now()
        measured.stop = () => {
          measured.windowMs = performance.now() - startedAt
          const usages = servers.map((server) => server.stop())
          const benchUsage = bench.stop()
          const busy = machine.stop()
          const ours = usages.reduce((sum, usage) => sum + usage.cpuPercent, benchUsage.cpuPercent)
          const clients = boards * plan.clientsPerBoard
          const frames = running.frames.received - framesAtStart
          return {
            framesPerClientSecond: (frames * 1000) / measured.windowMs / clients,
            processes: usages.map((usage, index) => ({
              usage,
              clients: boards * seatsOn(index, running.processOf, plan.clientsPerBoard),
            })),
            bench: benchUsage,
            otherCpuPercent: Math.max(0, busy - ours),
          }
        }
      },
      stop() {
        measured.usage = measured.stop?.()
        measured.after = running.counters()
        measured.roundTripSamples = measured.roundTrips?.stop()
      },
    }
    const several = running.pids.length > 1
    const load = await runBoardLoad(
      running.boards,
      {
        ...plan,
        connect: running.connect,
        ...(several && {
          receiptGroup: (writer: number, receiver: number) =>
            running.processOf(writer) === running.processOf(receiver)
              ? SAME_PROCESS
              : OTHER_PROCESS,
        }),
      },
      window,
      running.failed,
    )
    const { usage, before, after } = measured
    if (!usage || !before || !after) throw new Error('the measured window never closed')
    const [start, end, roundTrips] = await Promise.all([
      before,
      after,
      measured.roundTripSamples ?? Promise.resolve([]),
    ])
    return {
      setup,
      load,
      ...usage,
      backing: rates(start, end, measured.windowMs),
      roundTrip: distributionOf(roundTrips),
    }
  } finally {
    await running.stop()
  }
}

/** What the measured window collects, filled in as it opens and closes. */
interface WindowState {
  windowMs: number
  stop?: () => Usage
  usage?: Usage | undefined
  roundTrips?: { stop(): Promise<number[]> } | undefined
  roundTripSamples?: Promise<number[]> | undefined
  before?: Promise<BackingCounters>
  after?: Promise<BackingCounters>
}

type Usage = Pick<SetupRun, 'processes' | 'bench' | 'otherCpuPercent' | 'framesPerClientSecond'>

/** How many of a board's seats connect to process `index`. */
function seatsOn(index: number, processOf: (seat: number) => number, seats: number): number {
  let count = 0
  for (let seat = 0; seat < seats; seat++) if (processOf(seat) === index) count++
  return count
}

function rates(
  start: BackingCounters,
  end: BackingCounters,
  windowMs: number,
): SetupRun['backing'] {
  const perSecond = (a?: number, b?: number) =>
    a === undefined || b === undefined ? undefined : ((b - a) * 1000) / windowMs
  const percent = (a?: number, b?: number) => {
    const rate = perSecond(a, b)
    return rate === undefined ? undefined : rate * 100
  }
  const backing: SetupRun['backing'] = {}
  const updates = perSecond(start.updatesLogged, end.updatesLogged)
  const postgres = percent(start.postgresCpuSeconds, end.postgresCpuSeconds)
  const publishes = perSecond(start.redisPublishes, end.redisPublishes)
  const redis = percent(start.redisCpuSeconds, end.redisCpuSeconds)
  if (updates !== undefined) backing.updatesPerSecond = updates
  if (postgres !== undefined) backing.postgresCpuPercent = postgres
  if (publishes !== undefined) backing.redisPublishesPerSecond = publishes
  if (redis !== undefined) backing.redisCpuPercent = redis
  return backing
}
