import os from 'node:os'
import type { Browser, Page } from 'playwright-core'
import { NOTES_PER_ROW } from '@tablecloth/shared'
import { startBareTldraw, type BareTldrawSite } from '../bareTldraw'
import { browserName, launchChromium, SCREEN } from '../browser/chromium'
import { measurePageScripts, type PageScripts } from '../browser/pageScripts'
import { measureCaptureToPaint, type CaptureTimes } from '../captureToPaint'
import { measureFirstOpens, printFirstOpens, type FirstOpenFigures } from '../firstOpen'
import { formatKiB, formatMs, formatPercent, formatRatio, printTable } from '../report'
import type { Scenario } from '../scenario'
import { distributionOf, type Distribution } from '../stats'
import { benchEvent, startOurServer } from '../targets/ourServer'

/** A board far fuller than any café table's, all of it in the station being captured. */
const NOTES = 1_000
const WARMUP_NOTES = 5
const MEASURED_NOTES = 40
const STATION = {
  id: 'round-1',
  title: 'Round one',
  columns: ['What works today?', 'What should change?'],
  durationMinutes: 20,
}
const READY_TIMEOUT_MS = 60_000
/** Cold and warm opens of each page, after one round not counted. */
const OPEN_RUNS = 7
/** The board is ready when its capture field takes text: tldraw is up and the station known. */
const BOARD_READY = '[data-testid="capture-field"]:not(:disabled)'
/** The bare page is ready when tldraw's editor has mounted (bare-tldraw/main.tsx marks it). */
const BARE_READY = 'html[data-editor-mounted]'
const KIB = 1024

/** Everything the scenario measured, printed together at the end. */
interface ClientFigures {
  browser: string
  capture: CaptureTimes
  board: PageScripts
  phone: PageScripts
  bare: PageScripts
}

/**
 * What the room sees of the client: how long a note the moderator types
 * takes to appear on the laptop and on the projector with a full board, and
 * how much JavaScript the board and phone pages load next to a bare tldraw
 * page built the same way.
 */
export const clientPages: Scenario = {
  name: 'client',
  summary: `Enter to painted note with ${NOTES} notes; JS per page vs. bare tldraw`,
  async run() {
    console.log(`client: ${NOTES} notes, ${WARMUP_NOTES} + ${MEASURED_NOTES} captured notes…`)
    const browser = await launchChromium()
    try {
      console.log('client: building the bare tldraw page…')
      const bareSite = await startBareTldraw()
      try {
        await reportFirstOpens(browser, bareSite)
        const server = await startOurServer(benchEvent(1, [STATION]))
        let capture: CaptureTimes
        let board: PageScripts
        let phone: PageScripts
        try {
          capture = await measureCaptureToPaint(browser, server, {
            station: STATION,
            notes: NOTES,
            warmupNotes: WARMUP_NOTES,
            measuredNotes: MEASURED_NOTES,
          })
          const table = server.event.links.tables[0]!
          console.log('client: JavaScript of the board and phone pages…')
          board = await measurePageScripts(browser, table.board, captureFieldShown)
          phone = await measurePageScripts(browser, table.participant, phoneStationShown)
        } finally {
          await server.stop()
        }
        console.log('client: JavaScript of the bare tldraw page…')
        const bare = await measurePageScripts(browser, bareSite.url, canvasShown)
        printReport({ browser: browserName(browser), capture, board, phone, bare })
      } finally {
        await bareSite.stop()
      }
    } finally {
      await browser.close()
    }
  },
}

/**
 * Cold and warm opens of a moderator's board at the start of the day (its
 * station's empty columns) against the bare tldraw page, on a server of its
 * own. Printed at once, before the capture figures.
 */
async function reportFirstOpens(browser: Browser, bareSite: BareTldrawSite): Promise<void> {
  console.log(`client: opening the board and the bare tldraw page, ${OPEN_RUNS} times each…`)
  const server = await startOurServer(benchEvent(1, [STATION]))
  let figures: FirstOpenFigures
  try {
    const table = server.event.links.tables[0]!
    figures = await measureFirstOpens(
      browser,
      [
        { label: 'board page', url: table.board, readySelector: BOARD_READY },
        { label: 'bare tldraw page', url: bareSite.url, readySelector: BARE_READY },
      ],
      OPEN_RUNS,
    )
  } finally {
    await server.stop()
  }
  console.log('')
  printFirstOpens(figures, 'board page', 'bare tldraw page')
  console.log('')
}

async function captureFieldShown(page: Page): Promise<void> {
  await page.getByTestId('capture-field').waitFor({ timeout: READY_TIMEOUT_MS })
}

async function phoneStationShown(page: Page): Promise<void> {
  await page.getByTestId('phone-station').waitFor({ timeout: READY_TIMEOUT_MS })
}

async function canvasShown(page: Page): Promise<void> {
  await page.locator('.tl-canvas').waitFor({ timeout: READY_TIMEOUT_MS })
}

function printReport(figures: ClientFigures): void {
  const cpu = os.cpus()
  const { capture, board, phone, bare } = figures
  console.log('')
  const landingRow = Math.floor(capture.landingPlace / NOTES_PER_ROW) + 1
  console.log(
    [
      `Capture to paint: one board with ${NOTES} notes, ${NOTES / STATION.columns.length} in ` +
        `each of the current station's ${STATION.columns.length} columns, open as`,
      `the moderator's board and as its projector, each in its own context of headless ` +
        `${figures.browser}`,
      `(--disable-gpu: software rendering), ${SCREEN.width}×${SCREEN.height}. ${WARMUP_NOTES} ` +
        `warm-up notes, then ${capture.sameScreen.length} measured, each pinned`,
      `into the gap the bench made at place ${capture.landingPlace + 1} (row ${landingRow}) ` +
        `of the first column, which both screens show.`,
      `Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}. ` +
        `CPU over the measured notes, % of a core: bench, server and Chromium ` +
        `${formatPercent(capture.usage.treeCpuPercent)},`,
      `other processes ${formatPercent(capture.usage.otherCpuPercent)}.`,
    ].join('\n'),
  )
  console.log('')
  const same = distributionOf(capture.sameScreen)
  const second = distributionOf(capture.secondScreen)
  const percentiles = (label: string, times: Distribution, target: string) => [
    label,
    formatMs(times.p50),
    formatMs(times.p95),
    formatMs(times.max),
    target,
  ]
  printTable(
    ['Enter → note painted', 'p50', 'p95', 'max', 'target'],
    [
      percentiles('same screen (board)', same, 'p95 < 50 ms'),
      percentiles('second screen (projector)', second, 'p95 < 100 ms'),
    ],
  )
  console.log('')
  const row = (label: string, scripts: PageScripts) => [
    label,
    String(scripts.files.length),
    formatKiB(scripts.bytes / KIB),
    formatKiB(scripts.gzipBytes / KIB),
    '',
  ]
  printTable(
    ['JavaScript requested', 'files', 'raw', 'gzip -9', 'target'],
    [
      row('board page', board),
      row('phone page', phone),
      row('bare tldraw page', bare),
      ['board / bare tldraw', '', '', formatRatio(board.gzipBytes, bare.gzipBytes), '≤ 1.2'],
    ],
  )
  console.log('')
  const fileRows = (label: string, scripts: PageScripts) =>
    [...scripts.files]
      .sort((a, b) => b.gzipBytes - a.gzipBytes)
      .map((file) => [
        `${label.padEnd(6)}${new URL(file.url).pathname}`,
        formatKiB(file.bytes / KIB),
        formatKiB(file.gzipBytes / KIB),
      ])
  printTable(
    ['page  file', 'raw', 'gzip -9'],
    [...fileRows('board', board), ...fileRows('phone', phone), ...fileRows('bare', bare)],
  )
  console.log('')
  console.log(
    [
      'Enter is timed by a capture-phase keydown listener in the board page; a note counts as',
      'painted when the first frame that shows it (MutationObserver, then requestAnimationFrame)',
      'has finished. Both are wall-clock times of the pages, so the screens compare directly.',
      'Each note is deleted again before the next, so every one lands in the same free place.',
      'JavaScript is every .js response of a fresh page (no cache, no service worker) until the',
      'network is idle, each file gzipped at level 9; the bare page is tldraw alone, built with',
      "the client's Vite and React plugin (bench/bare-tldraw).",
    ].join('\n'),
  )
}
