import { runBoardLoad, type LoadPlan } from '../boardLoad'
import { readRssBytes } from '../processUsage'
import { formatCount, formatMiB, formatMs, printTable } from '../report'
import type { Scenario } from '../scenario'
import { ourServer } from '../targets/ourServer'

/** A big conference: 40 tables, each board open on ten screens and phones. */
const BOARDS = 40
const CLIENTS_PER_BOARD = 10
/** The live-boards rates: a note every half second per board, cursors at 10 Hz. */
const NOTE_INTERVAL_MS = 500
const CURSOR_HZ = 10
const WARMUP_MS = 10_000
const DRAIN_TIMEOUT_MS = 10_000
/** How often the server's memory is read during the run. */
const RSS_EVERY_MS = 5_000
const MIB = 1024 * 1024

/**
 * Minutes of the live workload at conference size against our server:
 * latency, errors, lost updates, and whether the server's memory levels off.
 * `SOAK_SECONDS` sets the length (default 600; 60 with `CI=true`).
 */
export const soak: Scenario = {
  name: 'soak',
  summary: `${BOARDS} boards × ${CLIENTS_PER_BOARD} clients for SOAK_SECONDS (10 min): latency, losses, memory`,
  async run() {
    const seconds = soakSeconds(process.env)
    const plan: LoadPlan = {
      clientsPerBoard: CLIENTS_PER_BOARD,
      noteIntervalMs: NOTE_INTERVAL_MS,
      cursorHz: CURSOR_HZ,
      warmupMs: WARMUP_MS,
      measureMs: seconds * 1000,
      drainTimeoutMs: DRAIN_TIMEOUT_MS,
    }
    console.log(
      `soak: ${BOARDS * CLIENTS_PER_BOARD} clients on ${BOARDS} boards, ${seconds} s measured…`,
    )
    const running = await ourServer.start(BOARDS)
    const rss: Array<{ atMs: number; bytes: number }> = []
    let timer: NodeJS.Timeout | null = null
    let startedAt = 0
    const sample = () =>
      rss.push({ atMs: Date.now() - startedAt, bytes: readRssBytes(running.pid) })
    try {
      const load = await runBoardLoad(
        running.boards,
        plan,
        {
          start() {
            startedAt = Date.now()
            sample()
            timer = setInterval(sample, RSS_EVERY_MS)
          },
          stop() {
            if (timer) clearInterval(timer)
            sample()
          },
        },
        running.failed,
      )
      printReport(seconds, load, rss)
    } finally {
      if (timer) clearInterval(timer)
      await running.stop()
    }
  },
}

function soakSeconds(env: NodeJS.ProcessEnv): number {
  const raw = env.SOAK_SECONDS
  if (raw === undefined || raw === '') return env.CI === 'true' ? 60 : 600
  const value = Number(raw)
  if (!Number.isFinite(value) || value < 10 || value > 24 * 3600) {
    throw new Error(`SOAK_SECONDS must be a number of seconds from 10 to 86400, got "${raw}"`)
  }
  return value
}

/** Least-squares slope of RSS over time, in MiB per minute. */
function slopeMiBPerMinute(points: ReadonlyArray<{ atMs: number; bytes: number }>): number {
  if (points.length < 2) return 0
  const n = points.length
  const meanX = points.reduce((sum, p) => sum + p.atMs, 0) / n
  const meanY = points.reduce((sum, p) => sum + p.bytes, 0) / n
  let num = 0
  let den = 0
  for (const p of points) {
    num += (p.atMs - meanX) * (p.bytes - meanY)
    den += (p.atMs - meanX) ** 2
  }
  return den === 0 ? 0 : ((num / den) * 60_000) / MIB
}

function printReport(
  seconds: number,
  load: Awaited<ReturnType<typeof runBoardLoad>>,
  rss: ReadonlyArray<{ atMs: number; bytes: number }>,
): void {
  const first = rss[0]!
  const last = rss[rss.length - 1]!
  const half = rss.filter((point) => point.atMs >= last.atMs / 2)
  console.log('')
  console.log(
    `Soak: ${BOARDS} boards × ${CLIENTS_PER_BOARD} clients, a note every ${NOTE_INTERVAL_MS} ms per board, ` +
      `cursors at ${CURSOR_HZ} Hz, ${seconds} s measured after ${WARMUP_MS / 1000} s warm-up`,
  )
  console.log('')
  printTable(
    ['', 'value', 'target'],
    [
      ['applied by all others  p50', formatMs(load.notes.allApplied.p50), ''],
      ['                       p99', formatMs(load.notes.allApplied.p99), ''],
      ['                       max', formatMs(load.notes.allApplied.max), ''],
      ['notes sent', formatCount(load.notes.notesSent), ''],
      ['receipts expected', formatCount(load.notes.receiptsExpected), ''],
      ['updates lost', formatCount(load.notes.lost), '0'],
      ['duplicates', formatCount(load.notes.duplicates), '0'],
      ['errors (connection drops)', formatCount(load.drops), '0'],
      ['server RSS at start', formatMiB(first.bytes / MIB), ''],
      ['server RSS at end', formatMiB(last.bytes / MIB), ''],
      ['server RSS peak', formatMiB(Math.max(...rss.map((p) => p.bytes)) / MIB), ''],
      ['RSS trend, second half', `${slopeMiBPerMinute(half).toFixed(2)} MiB/min`, 'levels off'],
      ['bench event-loop delay p99', formatMs(load.loopDelayP99Ms), ''],
    ],
  )
  if (load.notes.lost > 0) {
    console.error(`\nsoak: ${load.notes.lost} updates never arrived`)
    process.exitCode = 1
  }
}
