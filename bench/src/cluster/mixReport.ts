import { formatCount, formatMiB, formatMs, formatPercent, printTable } from '../report'
import type { MixResult, MixSettings, MixStep } from './conferenceMix'
import { TABLE_SCREENS } from './conferenceTable'
import { formatCpuMs } from './setupReport'

/** The goal for one process, printed beside the knee. */
export const TABLES_GOAL = 1_000
const SOCKETS_GOAL = 3_000

/** Server CPU per socket, ms per second. */
export function cpuMsPerSocket(step: MixStep): number {
  return (step.server.cpuPercent * 10) / step.sockets
}

/** Part 2: one row per figure, one column per step. */
export function printMix(result: MixResult, settings: MixSettings): void {
  const { steps } = result
  if (steps.length === 0) {
    console.log(`No step ran: ${result.stoppedBecause ?? 'no steps configured'}`)
    return
  }
  const each = (format: (step: MixStep) => string) => steps.map(format)
  const perLoad = (format: (load: MixStep['loads'][number]) => string) =>
    each((step) => step.loads.map(format).join(' / '))
  const screens = TABLE_SCREENS.length
  printTable(
    ['', ...steps.map((step) => `${step.tables} tables`)],
    [
      ['board sockets', ...each((s) => formatCount(s.sockets))],
      ['new tables joined in', ...each((s) => `${s.joinSeconds.toFixed(1)} s`)],
      ['phone notes sent', ...each((s) => formatCount(s.notesSent))],
      [`on all ${screens} screens  p50`, ...each((s) => formatMs(s.allApplied.p50))],
      ['                  p99', ...each((s) => formatMs(s.allApplied.p99))],
      ['                  max', ...each((s) => formatMs(s.allApplied.max))],
      ['per screen        p99', ...each((s) => formatMs(s.eachApplied.p99))],
      ['POST answered     p50', ...each((s) => formatMs(s.post.p50))],
      ['                  p99', ...each((s) => formatMs(s.post.p99))],
      ['receipts lost', ...each((s) => formatCount(s.lost))],
      ['duplicates', ...each((s) => formatCount(s.duplicates))],
      ['POST not 201', ...each((s) => describeFailures(s.postFailures))],
      ['socket drops', ...each((s) => formatCount(s.drops))],
      [
        'server answers GET p50 / p99 / max',
        ...each(
          (s) =>
            `${formatMs(s.serverAnswer.p50)} / ${formatMs(s.serverAnswer.p99)} / ${formatMs(s.serverAnswer.max)}`,
        ),
      ],
      ['server CPU', ...each((s) => formatCpuMs(s.server.cpuPercent))],
      ['server CPU per socket', ...each((s) => `${cpuMsPerSocket(s).toFixed(3)} ms/s`)],
      ['server RSS mean', ...each((s) => formatMiB(s.server.rssMeanMiB))],
      ['PostgreSQL updates logged', ...each((s) => `${s.updatesPerSecond.toFixed(1)}/s`)],
      ['PostgreSQL backend CPU', ...each((s) => formatCpuMs(s.postgresCpuPercent))],
      [
        'PostgreSQL round trip p50 / p99',
        ...each((s) => `${formatMs(s.roundTrip.p50)} / ${formatMs(s.roundTrip.p99)}`),
      ],
      ['load processes CPU', ...perLoad((l) => formatCpuMs(l.usage.cpuPercent))],
      ['load event-loop delay p99', ...perLoad((l) => formatMs(l.loopDelayP99Ms))],
      ['other processes, % of a core', ...each((s) => formatPercent(s.otherCpuPercent))],
    ],
  )
  console.log('')
  if (result.stoppedBecause) console.log(`Steps ended early: ${result.stoppedBecause}`)
  const limit = settings.latencyLimitMs
  const last = steps.at(-1)!
  const within = steps.filter((step) => step.allApplied.p99 <= limit)
  const best = within.at(-1)
  if (last.allApplied.p99 > limit) {
    const before = best ? `${best.tables} tables (${best.sockets} sockets)` : 'the first step'
    console.log(
      `Knee: note p99 passed ${limit} ms between ${before} and ${last.tables} tables ` +
        `(${last.sockets} sockets, p99 ${formatMs(last.allApplied.p99)}).`,
    )
  } else {
    console.log(
      `No knee up to the last step, ${last.tables} tables (${last.sockets} sockets): ` +
        `note p99 ${formatMs(last.allApplied.p99)} ≤ ${limit} ms.`,
    )
  }
  if (best) {
    console.log(
      `Capacity of one process: ≥ ${best.tables} tables, ${best.sockets} sockets; server CPU ` +
        `${formatCpuMs(best.server.cpuPercent)}, ${cpuMsPerSocket(best).toFixed(3)} ms/s per socket there.`,
    )
  }
  console.log(
    `Goal: ≥ ${TABLES_GOAL.toLocaleString('en')} tables (~${SOCKETS_GOAL.toLocaleString('en')} sockets) per process.`,
  )
  const busiest = Math.max(
    ...steps.flatMap((step) => step.loads.map((load) => load.loopDelayP99Ms)),
  )
  if (busiest > limit / 2) {
    console.log(
      `The load processes' own event-loop delay reached p99 ${formatMs(busiest)}: at that step ` +
        'the latencies include the load generator waiting for the CPU it shares with the server.',
    )
  }
}

function describeFailures(failures: Record<string, number>): string {
  const entries = Object.entries(failures)
  if (entries.length === 0) return '0'
  return entries.map(([status, count]) => `${count}×${status === '0' ? 'none' : status}`).join(' ')
}
