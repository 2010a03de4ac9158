import type { GroupSummary } from '../latencyProbe'
import { formatCount, formatMiB, formatMs, formatPercent, formatRatio, printTable } from '../report'
import { OTHER_PROCESS, SAME_PROCESS, type SetupRun } from './setupRun'

/** Targets for several processes, printed beside the figures. */
export const CROSS_PROCESS_P99_TARGET_MS = 30

const DASH = '–'

/** CPU in ms per second of wall time, from % of a core. */
export function formatCpuMs(percent: number | undefined): string {
  return percent === undefined || !Number.isFinite(percent)
    ? DASH
    : `${(percent * 10).toFixed(0)} ms/s`
}

function formatRate(perSecond: number | undefined): string {
  return perSecond === undefined || !Number.isFinite(perSecond) ? DASH : `${perSecond.toFixed(0)}/s`
}

/** One figure per server process, e.g. "212 / 198 ms/s". */
function perProcess(run: SetupRun, pick: (process: SetupRun['processes'][number]) => string) {
  return run.processes.map(pick).join(' / ')
}

function group(run: SetupRun, name: string): GroupSummary | undefined {
  return run.load.notes.groups.get(name)
}

/** CPU of every server process together, % of a core. */
export function serverCpuPercent(run: SetupRun): number {
  return run.processes.reduce((sum, process) => sum + process.usage.cpuPercent, 0)
}

/** Server CPU per connected client, ms per second. */
export function cpuMsPerClient(run: SetupRun): number {
  const clients = run.processes.reduce((sum, process) => sum + process.clients, 0)
  return (serverCpuPercent(run) * 10) / clients
}

/** Mean RSS of every server process together. */
export function rssMiB(run: SetupRun): number {
  return run.processes.reduce((sum, process) => sum + process.usage.rssMeanMiB, 0)
}

/** The p99 a reader compares across setups: other-process receivers where there are any. */
export function crossP99(run: SetupRun): number {
  return group(run, OTHER_PROCESS)?.allApplied.p99 ?? Number.NaN
}

/** Part 1: the live load against each setup of ours, side by side. */
export function printSetups(runs: SetupRun[], clientsPerBoard: number): void {
  const others = clientsPerBoard - 1
  const each = (format: (run: SetupRun) => string) => runs.map(format)
  const grouped = (name: string, pick: (summary: GroupSummary) => string) =>
    each((run) => {
      const summary = group(run, name)
      return summary ? pick(summary) : DASH
    })
  const target = `p99 < ${CROSS_PROCESS_P99_TARGET_MS} ms`
  printTable(
    ['', ...runs.map((run) => run.setup.label), 'target'],
    [
      [
        `note on all ${others} others      p50`,
        ...each((r) => formatMs(r.load.notes.allApplied.p50)),
      ],
      ['                          p99', ...each((r) => formatMs(r.load.notes.allApplied.p99))],
      ['                          max', ...each((r) => formatMs(r.load.notes.allApplied.max))],
      ['note per receiver         p50', ...each((r) => formatMs(r.load.notes.eachApplied.p50))],
      ['                          p99', ...each((r) => formatMs(r.load.notes.eachApplied.p99))],
      [
        'other process, all        p50',
        ...grouped(OTHER_PROCESS, (g) => formatMs(g.allApplied.p50)),
      ],
      [
        '                          p99',
        ...grouped(OTHER_PROCESS, (g) => formatMs(g.allApplied.p99)),
        target,
      ],
      [
        'other process, each       p99',
        ...grouped(OTHER_PROCESS, (g) => formatMs(g.eachApplied.p99)),
      ],
      [
        'same process, all         p50',
        ...grouped(SAME_PROCESS, (g) => formatMs(g.allApplied.p50)),
      ],
      [
        '                          p99',
        ...grouped(SAME_PROCESS, (g) => formatMs(g.allApplied.p99)),
      ],
      ['notes sent', ...each((r) => formatCount(r.load.notes.notesSent))],
      ['receipts expected', ...each((r) => formatCount(r.load.notes.receiptsExpected))],
      ['lost', ...each((r) => formatCount(r.load.notes.lost)), '0'],
      ['duplicates', ...each((r) => formatCount(r.load.notes.duplicates)), '0'],
      ['connection drops', ...each((r) => formatCount(r.load.drops))],
      ['clients per process', ...each((r) => perProcess(r, (p) => formatCount(p.clients)))],
      ['frames to each client', ...each((r) => formatRate(r.framesPerClientSecond))],
      [
        'server CPU per process',
        ...each((r) => perProcess(r, (p) => formatCpuMs(p.usage.cpuPercent))),
      ],
      ['server CPU per client', ...each((r) => `${cpuMsPerClient(r).toFixed(2)} ms/s`)],
      [
        'server RSS mean per process',
        ...each((r) => perProcess(r, (p) => formatMiB(p.usage.rssMeanMiB))),
      ],
      [
        'server RSS peak per process',
        ...each((r) => perProcess(r, (p) => formatMiB(p.usage.rssPeakMiB))),
      ],
      ['PostgreSQL updates logged', ...each((r) => formatRate(r.backing.updatesPerSecond))],
      ['PostgreSQL backend CPU', ...each((r) => formatCpuMs(r.backing.postgresCpuPercent))],
      [
        'PostgreSQL round trip p50 / p99',
        ...each((r) =>
          r.roundTrip.count ? `${formatMs(r.roundTrip.p50)} / ${formatMs(r.roundTrip.p99)}` : DASH,
        ),
      ],
      [
        'Redis PUBLISH (all clients)',
        ...each((r) => formatRate(r.backing.redisPublishesPerSecond)),
      ],
      ['Redis CPU', ...each((r) => formatCpuMs(r.backing.redisCpuPercent))],
      ['bench CPU, % of a core', ...each((r) => formatPercent(r.bench.cpuPercent))],
      ['bench event-loop delay p99', ...each((r) => formatMs(r.load.loopDelayP99Ms))],
      ['other processes, % of a core', ...each((r) => formatPercent(r.otherCpuPercent))],
    ],
  )
}

/** Part 3: our two processes against Hocuspocus's two, with ratios ours / Hocuspocus. */
export function printAgainstHocuspocus(
  ours: SetupRun,
  theirs: SetupRun,
  clientsPerBoard: number,
): void {
  const others = clientsPerBoard - 1
  const compared = (pick: (run: SetupRun) => number, format: (value: number) => string) => [
    format(pick(ours)),
    format(pick(theirs)),
    formatRatio(pick(ours), pick(theirs)),
  ]
  const both = (format: (run: SetupRun) => string) => [format(ours), format(theirs)]
  printTable(
    ['', ours.setup.label, theirs.setup.label, 'ours / Hocuspocus'],
    [
      [
        `note on all ${others} others      p50`,
        ...compared((r) => r.load.notes.allApplied.p50, formatMs),
      ],
      ['                          p99', ...compared((r) => r.load.notes.allApplied.p99, formatMs)],
      ['other process, all        p99', ...compared(crossP99, formatMs)],
      [
        'other process, each       p99',
        ...compared((r) => group(r, OTHER_PROCESS)?.eachApplied.p99 ?? Number.NaN, formatMs),
      ],
      ['lost', ...both((r) => formatCount(r.load.notes.lost))],
      ['duplicates', ...both((r) => formatCount(r.load.notes.duplicates))],
      ['connection drops', ...both((r) => formatCount(r.load.drops))],
      ['frames to each client', ...compared((r) => r.framesPerClientSecond, formatRate)],
      ['server CPU, both processes', ...compared(serverCpuPercent, formatCpuMs)],
      ['server CPU per client', ...compared(cpuMsPerClient, (v) => `${v.toFixed(2)} ms/s`)],
      ['server RSS mean, both processes', ...compared(rssMiB, formatMiB)],
      [
        'server RSS mean per process',
        ...both((r) => perProcess(r, (p) => formatMiB(p.usage.rssMeanMiB))),
      ],
      [
        'Redis PUBLISH (all clients)',
        ...compared((r) => r.backing.redisPublishesPerSecond ?? Number.NaN, formatRate),
      ],
      ['Redis CPU', ...compared((r) => r.backing.redisCpuPercent ?? Number.NaN, formatCpuMs)],
      ['persists every update', 'yes (PostgreSQL)', 'no (memory only)'],
      ['bench CPU, % of a core', ...both((r) => formatPercent(r.bench.cpuPercent))],
      ['bench event-loop delay p99', ...both((r) => formatMs(r.load.loopDelayP99Ms))],
      ['other processes, % of a core', ...both((r) => formatPercent(r.otherCpuPercent))],
    ],
  )
  console.log('')
  console.log(
    `Ratios ours / Hocuspocus: p99 ${formatRatio(ours.load.notes.allApplied.p99, theirs.load.notes.allApplied.p99)}` +
      ` (other process ${formatRatio(crossP99(ours), crossP99(theirs))}),` +
      ` CPU per client ${formatRatio(cpuMsPerClient(ours), cpuMsPerClient(theirs))},` +
      ` RSS ${formatRatio(rssMiB(ours), rssMiB(theirs))}`,
  )
}
