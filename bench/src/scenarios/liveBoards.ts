import os from 'node:os'
import type { BenchConfig } from '../benchConfig'
import { runBoardLoad, type LoadPlan, type LoadResult, type MeasureWindow } from '../boardLoad'
import { sampleUsage, type WindowUsage } from '../processUsage'
import { formatCount, formatMiB, formatMs, formatPercent, formatRatio, printTable } from '../report'
import type { Scenario } from '../scenario'
import type { BenchTarget } from '../targets/benchTarget'
import { ourServer } from '../targets/ourServer'
import { plainRelayTarget } from '../targets/plainRelayTarget'

/** A large café: 15 tables, each board open on a projector, a laptop and a few phones. */
export const LIVE_BOARDS = 15
const CLIENTS_PER_BOARD = 8
/** A busy moderator: a note added or dragged every half second, on every table at once. */
const NOTE_INTERVAL_MS = 500
const CURSOR_HZ = 10
const DRAIN_TIMEOUT_MS = 5_000

interface TargetRun extends WindowUsage {
  label: string
  load: LoadResult
}

/**
 * How long a note takes from one client's edit until every other client on
 * its board has applied it, on our server and on a plain relay under the same
 * load, one after the other so they never compete for the machine.
 */
export const liveBoards: Scenario = {
  name: 'live',
  summary: `note latency on ${LIVE_BOARDS} boards × ${CLIENTS_PER_BOARD} clients, ours vs. plain relay`,
  async run(config) {
    const plan = livePlan(config)
    const ours = await measure(ourServer, plan)
    const plain = await measure(plainRelayTarget, plan)
    printReport(config, ours, plain)
  },
}

/**
 * The live load on each of `LIVE_BOARDS` boards, for the window `config` sets:
 * also what `cluster` runs against several processes.
 */
export function livePlan(config: Pick<BenchConfig, 'warmupSeconds' | 'measureSeconds'>): LoadPlan {
  return {
    clientsPerBoard: CLIENTS_PER_BOARD,
    noteIntervalMs: NOTE_INTERVAL_MS,
    cursorHz: CURSOR_HZ,
    warmupMs: config.warmupSeconds * 1000,
    measureMs: config.measureSeconds * 1000,
    drainTimeoutMs: DRAIN_TIMEOUT_MS,
  }
}

async function measure(target: BenchTarget, plan: LoadPlan): Promise<TargetRun> {
  const seconds = (plan.warmupMs + plan.measureMs) / 1000
  console.log(`live: ${target.label}: ${LIVE_BOARDS * plan.clientsPerBoard} clients, ${seconds} s…`)
  const running = await target.start(LIVE_BOARDS)
  try {
    const usage = usageWindow(running.pid)
    const load = await runBoardLoad(running.boards, plan, usage.window, running.failed)
    return { label: target.label, load, ...usage.result() }
  } finally {
    await running.stop()
  }
}

/** Samples the server, the bench and the machine over exactly the measured window. */
function usageWindow(serverPid: number): { window: MeasureWindow; result(): WindowUsage } {
  let sampler: { stop(): WindowUsage } | null = null
  let usage: WindowUsage | null = null
  return {
    window: {
      start() {
        sampler = sampleUsage(serverPid)
      },
      stop() {
        usage = sampler?.stop() ?? null
      },
    },
    result() {
      if (!usage) throw new Error('the measured window never closed')
      return usage
    },
  }
}

function printReport(config: BenchConfig, ours: TargetRun, plain: TargetRun): void {
  const cpu = os.cpus()
  console.log('')
  console.log(
    `Live boards: ${LIVE_BOARDS} boards × ${CLIENTS_PER_BOARD} y-websocket clients, ` +
      `a new or moved note every ${NOTE_INTERVAL_MS} ms per board, cursors at ${CURSOR_HZ} Hz`,
  )
  console.log(
    `${config.warmupSeconds} s warm-up, ${config.measureSeconds} s measured per server; ` +
      `Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}`,
  )
  console.log('')

  const both = (pick: (run: TargetRun) => string) => [pick(ours), pick(plain)]
  const compared = (pick: (run: TargetRun) => number, format: (value: number) => string) => [
    format(pick(ours)),
    format(pick(plain)),
    formatRatio(pick(ours), pick(plain)),
  ]
  printTable(
    ['', ours.label, plain.label, `${ours.label}/${plain.label}`],
    [
      ['applied by all others  p50', ...compared((r) => r.load.notes.allApplied.p50, formatMs)],
      ['                       p99', ...compared((r) => r.load.notes.allApplied.p99, formatMs)],
      ['                       max', ...both((r) => formatMs(r.load.notes.allApplied.max))],
      ['applied per receiver   p50', ...both((r) => formatMs(r.load.notes.eachApplied.p50))],
      ['                       p99', ...both((r) => formatMs(r.load.notes.eachApplied.p99))],
      ['notes sent', ...both((r) => formatCount(r.load.notes.notesSent))],
      ['receipts expected', ...both((r) => formatCount(r.load.notes.receiptsExpected))],
      ['receipts received', ...both((r) => formatCount(r.load.notes.receiptsReceived))],
      ['lost', ...both((r) => formatCount(r.load.notes.lost))],
      ['duplicates', ...both((r) => formatCount(r.load.notes.duplicates))],
      ['connection drops', ...both((r) => formatCount(r.load.drops))],
      ['server RSS mean', ...compared((r) => r.server.rssMeanMiB, formatMiB)],
      ['server RSS peak', ...both((r) => formatMiB(r.server.rssPeakMiB))],
      ['server CPU, % of a core', ...compared((r) => r.server.cpuPercent, formatPercent)],
      [
        'awareness frames/s per client',
        ...compared(
          (r) => r.load.awarenessFramesPerClientPerSecond,
          (value) => value.toFixed(1),
        ),
      ],
      ['bench CPU, % of a core', ...both((r) => formatPercent(r.bench.cpuPercent))],
      ['bench event-loop delay p99', ...both((r) => formatMs(r.load.loopDelayP99Ms))],
      ['other processes, % of a core', ...both((r) => formatPercent(r.otherCpuPercent))],
    ],
  )

  for (const run of [ours, plain]) {
    if (run.load.notes.lost > 0) {
      console.error(`\n${run.label}: ${run.load.notes.lost} receipts never arrived`)
      // Latency figures are only meaningful if every note arrived.
      process.exitCode = 1
    }
  }
}
