import type { Browser } from 'playwright-core'
import { newDevice } from './browser/chromium'
import { addReadyProbe, readyTime } from './browser/readyProbe'
import { sampleMachine } from './processUsage'
import { formatMs, formatPercent, formatRatio, printTable } from './report'
import { distributionOf } from './stats'

/** A page to open: where, and which element says it is ready to use. */
export interface OpenTarget {
  label: string
  url: string
  /** Matches once the page can be used, e.g. the capture field once it is enabled. */
  readySelector: string
}

/** Ms from the start of navigation until the page was ready, per run. */
export interface OpenTimes {
  /** A fresh device: empty HTTP cache, no IndexedDB, no service worker. */
  cold: number[]
  /** The same device reloading the page: HTTP cache and IndexedDB as the cold open left them. */
  warm: number[]
}

export interface FirstOpenFigures {
  runs: number
  times: Map<string, OpenTimes>
  /** Busy CPU of the whole machine while the opens ran, % of one core. */
  machineCpuPercent: number
}

const READY_TIMEOUT_MS = 60_000
/** Lets the cold open's lazy requests, IndexedDB writes and cache entries finish before the reload. */
const SETTLE_MS = 500

/**
 * Opens each target `runs` times cold and then warm, the targets taking turns
 * so a change in the machine's load affects them alike. One round before the
 * measured ones warms Chromium itself up (its first context and renderer are
 * slower than any later one) and is not counted.
 */
export async function measureFirstOpens(
  browser: Browser,
  targets: readonly OpenTarget[],
  runs: number,
): Promise<FirstOpenFigures> {
  const times = new Map(
    targets.map((target) => [target.label, { cold: [], warm: [] } as OpenTimes]),
  )
  for (const target of targets) await openColdThenWarm(browser, target)
  const machine = sampleMachine()
  for (let run = 0; run < runs; run++) {
    for (const target of targets) {
      const { cold, warm } = await openColdThenWarm(browser, target)
      times.get(target.label)!.cold.push(cold)
      times.get(target.label)!.warm.push(warm)
    }
  }
  return { runs, times, machineCpuPercent: machine.stop() }
}

/** One fresh device: opens the page, lets it settle, reloads it. */
async function openColdThenWarm(
  browser: Browser,
  target: OpenTarget,
): Promise<{ cold: number; warm: number }> {
  const context = await newDevice(browser)
  try {
    await addReadyProbe(context, target.readySelector)
    const page = await context.newPage()
    await page.goto(target.url, { waitUntil: 'commit' })
    const cold = await readyTime(page, READY_TIMEOUT_MS)
    await page.waitForLoadState('networkidle')
    await page.waitForTimeout(SETTLE_MS)
    await page.reload({ waitUntil: 'commit' })
    const warm = await readyTime(page, READY_TIMEOUT_MS)
    return { cold, warm }
  } finally {
    await context.close()
  }
}

/**
 * Prints cold and warm opens of the board against the bare tldraw page, with
 * the ratio and the targets: board / bare ≤ 1.15, a warm board under 1 s.
 */
export function printFirstOpens(figures: FirstOpenFigures, board: string, bare: string): void {
  const boardTimes = figures.times.get(board)
  const bareTimes = figures.times.get(bare)
  if (!boardTimes || !bareTimes)
    throw new Error('first opens of the board or the bare page are missing')
  const row = (label: string, samples: number[], target: string) => {
    const distribution = distributionOf(samples)
    return [
      label,
      formatMs(distribution.p50),
      formatMs(Math.min(...samples)),
      formatMs(distribution.max),
      target,
    ]
  }
  const median = (samples: number[]) => distributionOf(samples).p50
  printTable(
    ['Open → ready (ms from navigation)', 'p50', 'min', 'max', 'target'],
    [
      row(`${board}, cold`, boardTimes.cold, ''),
      row(`${bare}, cold`, bareTimes.cold, ''),
      [
        'board / bare tldraw, cold',
        formatRatio(median(boardTimes.cold), median(bareTimes.cold)),
        '',
        '',
        '≤ 1.15',
      ],
      row(`${board}, warm`, boardTimes.warm, 'p50 < 1 s'),
      row(`${bare}, warm`, bareTimes.warm, ''),
      [
        'board / bare tldraw, warm',
        formatRatio(median(boardTimes.warm), median(bareTimes.warm)),
        '',
        '',
        '',
      ],
    ],
  )
  console.log(
    [
      `${figures.runs} runs each, the pages taking turns, after one round not counted. Cold: a fresh`,
      'browser context (empty HTTP cache and IndexedDB, service workers blocked). Warm: the same',
      "context reloading the page. Ready: the board's capture field is enabled (tldraw mounted, the",
      "board synced or read from IndexedDB, the station known); the bare page's tldraw editor has",
      'mounted. Timed in the page from the start of navigation to the end of the first frame showing',
      'it. Both are served by the Tablecloth server (pre-compressed, hashed assets cached for good).',
      `Machine CPU while opening: ${formatPercent(figures.machineCpuPercent)} of one core.`,
    ].join('\n'),
  )
}
