import { winnendenTemplate } from '@tablecloth/shared'
import { fillExportDay, NOTES_PER_COLUMN } from '../exportDay'
import { readRssBytes } from '../processUsage'
import { formatKiB, formatMiB, formatMs, printTable } from '../report'
import type { Scenario } from '../scenario'
import { distributionOf } from '../stats'
import { startOurServer, type OurServerRun } from '../targets/ourServer'

/**
 * The formats in the order they are measured, with the targets. The
 * last row is no format: the cross-table theme suggestions read the same
 * results as the JSON export and then cluster every note, so JSON is their
 * baseline and the difference is what the clustering costs.
 */
const FORMATS: Array<{ format: string; label: string; targetMs?: number; path?: string }> = [
  { format: 'pdf', label: 'PDF', targetMs: 5_000 },
  { format: 'docx', label: 'DOCX', targetMs: 3_000 },
  { format: 'json', label: 'JSON', targetMs: 300 },
  { format: 'csv', label: 'CSV', targetMs: 300 },
  { format: 'md', label: 'Markdown', targetMs: 300 },
  { format: 'html', label: 'HTML' },
  { format: 'themes', label: 'Themes (suggest)', path: 'themes/suggest' },
]
/** Measured downloads per format, after the first one (which is shown on its own). */
const RUNS = 5
/** RSS is read this often while an export is made. */
const RSS_EVERY_MS = 10
/** How often the probe asks the server for /healthz while it renders. */
const PROBE_GAP_MS = 20
/** How long /healthz may wait behind an export: a board's update waits as long. */
const PROBE_TARGET_MS = 50
const MIB = 1024 * 1024

interface FormatResult {
  label: string
  targetMs?: number
  bytes: number
  firstMs: number
  /** The runs after the first. */
  times: number[]
  rssBeforeMiB: number
  rssPeakMiB: number
  /** The slowest /healthz answer during the first download, and during the others. */
  probeFirstMs: number
  probeLaterMs: number
}

/**
 * How long the organiser waits for each export of a full reference day
 * (11 tables × 3 stations × 2 questions × 25 notes), through the HTTP route
 * against a server child process, with the server's memory meanwhile and
 * how long the server keeps other requests waiting while it renders.
 */
export const exportFormats: Scenario = {
  name: 'exports',
  summary:
    'export time and memory per format for the reference day ' +
    `(${11 * 3 * 2 * NOTES_PER_COLUMN} notes)`,
  async run() {
    console.log(
      `exports: writing the reference day (11 tables × 3 stations × 2 questions × ` +
        `${NOTES_PER_COLUMN} notes) onto the boards…`,
    )
    const server = await startOurServer(winnendenTemplate())
    try {
      const notes = await fillExportDay(server)
      console.log(`exports: ${notes} notes stored; downloading each format ${RUNS + 1} times…`)
      const results: FormatResult[] = []
      for (const entry of FORMATS) results.push(await measureFormat(server, entry))
      printReport(results, notes)
    } finally {
      await server.stop()
    }
  },
}

async function measureFormat(
  server: OurServerRun,
  entry: (typeof FORMATS)[number],
): Promise<FormatResult> {
  const rssBeforeMiB = readRssBytes(server.pid) / MIB
  let rssPeak = rssBeforeMiB
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, readRssBytes(server.pid) / MIB)
  }, RSS_EVERY_MS)
  try {
    const times: number[] = []
    const probes: number[] = []
    let bytes = 0
    for (let run = 0; run <= RUNS; run++) {
      const probe = startProbe(server)
      const timed = await download(server, entry)
      probes.push(await probe.stop())
      times.push(timed.ms)
      bytes = timed.bytes
    }
    return {
      label: entry.label,
      ...(entry.targetMs !== undefined && { targetMs: entry.targetMs }),
      bytes,
      firstMs: times[0]!,
      times: times.slice(1),
      rssBeforeMiB,
      rssPeakMiB: Math.max(rssPeak, readRssBytes(server.pid) / MIB),
      probeFirstMs: probes[0]!,
      probeLaterMs: Math.max(...probes.slice(1)),
    }
  } finally {
    clearInterval(sampler)
  }
}

/** One export, from sending the request until the last byte of the file is in. */
async function download(
  server: OurServerRun,
  entry: (typeof FORMATS)[number],
): Promise<{ ms: number; bytes: number }> {
  const path = entry.path ?? `results.${entry.format}`
  const started = performance.now()
  const response = await fetch(`${server.origin}/api/events/${server.event.id}/${path}`, {
    method: entry.path ? 'POST' : 'GET',
    headers: {
      authorization: `Bearer ${server.event.organiserToken}`,
      ...(entry.path && { 'content-type': 'application/json' }),
    },
    ...(entry.path && { body: '{}' }),
  })
  const body = new Uint8Array(await response.arrayBuffer())
  const ms = performance.now() - started
  if (response.status !== 200 || body.length === 0) {
    throw new Error(`${path} answered ${response.status} with ${body.length} bytes`)
  }
  return { ms, bytes: body.length }
}

/**
 * Asks the server for /healthz over and over while it renders: the slowest
 * answer is how long a board's update could have waited behind the export.
 */
function startProbe(server: OurServerRun): { stop(): Promise<number> } {
  let running = true
  let max = 0
  const loop = (async () => {
    while (running) {
      const started = performance.now()
      const response = await fetch(`${server.origin}/healthz`)
      await response.arrayBuffer()
      max = Math.max(max, performance.now() - started)
      await new Promise((resolve) => setTimeout(resolve, PROBE_GAP_MS))
    }
  })()
  return {
    async stop() {
      running = false
      await loop
      return max
    },
  }
}

function formatDuration(ms: number): string {
  return ms >= 1_000 ? `${(ms / 1_000).toFixed(2)} s` : formatMs(ms)
}

/** The slowest /healthz answer against its target, e.g. "31.2 ms ok" or "812.0 ms over". */
function probeVerdict(worstMs: number): string {
  return `${formatMs(worstMs)} ${worstMs < PROBE_TARGET_MS ? 'ok' : 'over'}`
}

function printReport(results: FormatResult[], notes: number): void {
  console.log('')
  console.log(
    `Exports of the reference day: ${notes} notes, 11 tables × 3 stations × 2 questions, ` +
      `stations 1–2 from snapshots, station 3 live; first download, then ${RUNS} more`,
  )
  printTable(
    [
      'format',
      'size',
      'first',
      'p50',
      'max',
      'target',
      'server RSS before → peak',
      '/healthz max first / rest',
      `/healthz worst (< ${PROBE_TARGET_MS} ms)`,
    ],
    results.map((result) => {
      const times = distributionOf(result.times)
      return [
        result.label,
        formatKiB(result.bytes / 1024),
        formatDuration(result.firstMs),
        formatDuration(times.p50),
        formatDuration(times.max),
        result.targetMs === undefined ? '–' : `< ${formatDuration(result.targetMs)}`,
        `${formatMiB(result.rssBeforeMiB)} → ${formatMiB(result.rssPeakMiB)} ` +
          `(+${(result.rssPeakMiB - result.rssBeforeMiB).toFixed(1)})`,
        `${formatMs(result.probeFirstMs)} / ${formatMs(result.probeLaterMs)}`,
        probeVerdict(Math.max(result.probeFirstMs, result.probeLaterMs)),
      ]
    }),
  )
}
