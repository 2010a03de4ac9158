import path from 'node:path'
import { tmpdir } from 'node:os'
import type { Page } from 'playwright-core'
import { stationFrameId, type Station } from '@tablecloth/shared'
import { CAFE_QUESTIONS, WHAT_WORKS, WHERE_IT_STICKS } from '@tablecloth/shared/testing'
import { pause, withTimeout } from '../abortableWait'
import { BoardClient } from '../BoardClient'
import { browserName, launchChromium, newDevice, SCREEN } from '../browser/chromium'
import { prepareRoomReading, readRoom, type RoomReading } from '../browser/roomReading'
import { fillCafeTable } from '../cafeTable'
import { printTable } from '../report'
import type { Scenario } from '../scenario'
import { startOurServer, type OurServerRun } from '../targets/ourServer'

/** Notes per column, as a table's columns fill over a station. */
const SIZES = [6, 14, 24, 40]
/** Up to this many notes per column the smallest text must be 24 px or more. */
const LEGIBLE_UP_TO = 24
const LEGIBLE_PX = 24
const HEADING_PX = 40
/** Phone notes sent before any board is open: two to the first question, one to the second. */
const PHONE_NOTES = [
  { column: 0, text: 'Sprachcafé donnerstags, auch in den Ferien – bitte weiter so! 🙏' },
  { column: 1, text: 'Kinderbetreuungsangebote während der Qualifizierungsmaßnahmen fehlen' },
  { column: 0, text: 'Ehrenamtliche Lernpatenschaften' },
]
const READY_TIMEOUT_MS = 30_000
/** A page turns every 12 s; a column of three pages shows them all within 36 s. */
const PAGES_TIMEOUT_MS = 60_000

interface SizeFigures {
  perColumn: number
  /** The first screen once the notes are there. */
  first: RoomReading
  /** Every card seen over all pages of every column, and how many pages the longest column has. */
  seen: Set<string>
  pages: number
  cut: Set<string>
  spilling: Set<string>
  fontPx: number[]
  expected: number
  screenshot: string
}

/**
 * What the room sees of one table: the projector at 1920×1080 while a
 * station's two columns fill with 6, 14, 24 and 40 notes each. Prints, per
 * size, how many notes are drawn, cut off and spilling, the smallest and
 * median text on screen, the heading size, and whether the columns page.
 */
export const projector: Scenario = {
  name: 'projector',
  summary:
    'the projector with 6, 14, 24 and 40 notes per column: cut, spilling, text sizes, paging',
  async run() {
    console.log(
      `projector: ${SIZES.join(', ')} notes per column at ${SCREEN.width}×${SCREEN.height}…`,
    )
    const server = await startOurServer({
      title: 'Regionalkonferenz „Pakt für Integration“',
      date: new Date().toISOString().slice(0, 10),
      venue: 'Hermann-Schwab-Halle Winnenden',
      tables: [{ topic: 'Frauen, Kinderbetreuung, Sprache', moderator: 'Cora Westrick' }],
      stations: [{ title: 'Station 1', columns: [...CAFE_QUESTIONS], durationMinutes: 60 }],
      language: 'de',
    })
    const browser = await launchChromium()
    let helper: BoardClient | null = null
    try {
      const table = server.event.links.tables[0]!
      // Phone notes first, while no board of the table has ever been open.
      for (const note of PHONE_NOTES) await sendPhoneNote(server, note.column, note.text)

      helper = new BoardClient(server.boards[0]!, 'Bench moderator', () => {})
      await withTimeout(
        helper.synced(),
        READY_TIMEOUT_MS,
        'the bench client did not sync',
        server.failed,
      )
      const view = (await (
        await fetch(`${server.origin}/api/events/${server.event.id}`, {
          headers: { authorization: `Bearer ${server.event.organiserToken}` },
        })
      ).json()) as { config: { stations: Station[] } }
      const station = view.config.stations[0]!
      await untilFrames(helper, station, server.failed)

      const context = await newDevice(browser)
      await prepareRoomReading(context)
      const page = await context.newPage()
      await page.goto(table.projector)
      const figures: SizeFigures[] = []
      for (const perColumn of SIZES) {
        fillCafeTable(helper, station, perColumn)
        figures.push(await measureSize(page, perColumn, station.columns.length, server.failed))
      }
      await context.close()
      printReport(browserName(browser), figures)
      if (
        figures.some(
          (size) => size.cut.size > 0 || size.spilling.size > 0 || size.seen.size !== size.expected,
        )
      ) {
        process.exitCode = 1
      }
    } finally {
      helper?.destroy()
      await browser.close()
      await server.stop()
    }
  },
}

async function sendPhoneNote(server: OurServerRun, column: number, text: string): Promise<void> {
  const table = server.event.links.tables[0]!
  const response = await fetch(
    `${server.origin}/api/events/${encodeURIComponent(server.event.id)}/tables/${encodeURIComponent(table.id)}/notes`,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${table.tokens.participant}`,
      },
      body: JSON.stringify({ text, column }),
    },
  )
  if (!response.ok)
    throw new Error(`a phone note was refused: ${response.status} ${await response.text()}`)
}

async function untilFrames(
  client: BoardClient,
  station: Station,
  signal: AbortSignal,
): Promise<void> {
  const ids = station.columns.map((_, column) => stationFrameId(station.id, column))
  const all = () => ids.every((id) => client.record(id) !== undefined)
  if (all()) return
  await withTimeout(
    new Promise<void>((resolve) => {
      const check = () => {
        if (!all()) return
        client.doc.off('afterTransaction', check)
        resolve()
      }
      client.doc.on('afterTransaction', check)
    }),
    READY_TIMEOUT_MS,
    'the server did not write the station’s frames',
    signal,
  )
}

/** Waits until the projector holds every note, then reads every page of every column. */
async function measureSize(
  page: Page,
  perColumn: number,
  columns: number,
  signal: AbortSignal,
): Promise<SizeFigures> {
  const expected = perColumn * columns
  await withTimeout(
    page.waitForFunction(
      (total) => {
        const counts = [
          ...document.querySelectorAll<HTMLElement>('[data-testid="room-column"]'),
        ].map((column) => Number(column.dataset.notes))
        return counts.reduce((sum, count) => sum + count, 0) === total
      },
      expected,
      { timeout: READY_TIMEOUT_MS },
    ),
    READY_TIMEOUT_MS,
    `the projector never held ${expected} notes`,
    signal,
  )
  // The font and the hyphenation patterns arrive on their own; let the fit settle.
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
  await pause(500, signal)
  const first = await readRoom(page)
  const screenshot = path.join(tmpdir(), `tablecloth-projector-${perColumn}.png`)
  await page.screenshot({ path: screenshot })

  const seen = new Set(first.shown)
  const cut = new Set(first.cut)
  const spilling = new Set(first.spilling)
  const fontPx = [...first.fontPx]
  const pages = Math.max(...first.columns.map((column) => column.pages))
  if (pages > 1) {
    // Watch the pages turn until every page of every column has been on screen.
    const shownPages = first.columns.map((column) => new Set([column.page]))
    const deadline = Date.now() + PAGES_TIMEOUT_MS
    while (first.columns.some((column, index) => shownPages[index]!.size < column.pages)) {
      if (Date.now() > deadline) break
      await pause(1000, signal)
      const reading = await readRoom(page)
      reading.columns.forEach((column, index) => shownPages[index]?.add(column.page))
      reading.shown.forEach((id) => seen.add(id))
      reading.cut.forEach((id) => cut.add(id))
      reading.spilling.forEach((id) => spilling.add(id))
      fontPx.push(...reading.fontPx)
    }
  }
  return { perColumn, first, seen, pages, cut, spilling, fontPx, expected, screenshot }
}

function printReport(browser: string, figures: SizeFigures[]): void {
  const notes = [...WHAT_WORKS, ...WHERE_IT_STICKS]
  const mean = notes.reduce((sum, text) => sum + text.length, 0) / notes.length
  console.log('')
  console.log(
    [
      `Projector (room view): one table at ${SCREEN.width}×${SCREEN.height} in headless ${browser}, a station of`,
      `two questions filling up. Notes in the style of the Winnenden report (${notes.length} texts, ${Math.round(mean)}`,
      `characters on average, long compounds), ${PHONE_NOTES.length} of them sent from phones before any board was`,
      'open, one cluster of three under a heading, dots on every fifth note. Sizes are CSS pixels',
      'on a 1920×1080 screen.',
    ].join('\n'),
  )
  console.log('')
  const px = (value: number) => (Number.isFinite(value) ? `${value} px` : '–')
  printTable(
    [
      'notes per column',
      'drawn',
      'cut off',
      'spilling',
      'smallest text',
      'median text',
      'heading',
      'paging',
      'target',
    ],
    figures.map((size) => {
      const sorted = [...size.fontPx].sort((a, b) => a - b)
      const smallest = sorted[0] ?? NaN
      const median = sorted[Math.floor(sorted.length / 2)] ?? NaN
      const perColumn = size.first.columns.map((column) => `${column.fontPx}`).join(' / ')
      const paging =
        size.pages > 1
          ? `${size.pages} pages (${size.first.columns.map((column) => column.pages).join(' / ')})`
          : 'no'
      const target =
        size.perColumn <= LEGIBLE_UP_TO
          ? `0 cut, 0 spilling, ≥ ${LEGIBLE_PX} px`
          : '0 cut, 0 spilling, ≥ 18 px or paged'
      return [
        String(size.perColumn),
        `${size.seen.size} of ${size.expected}${size.pages > 1 ? ` (${size.first.shown.length} at once)` : ''}`,
        String(size.cut.size),
        String(size.spilling.size),
        `${px(smallest)} (${perColumn})`,
        px(median),
        `${px(Math.min(...size.first.headingPx))}${size.first.headingsAligned ? ', aligned' : ', NOT aligned'}`,
        paging,
        target,
      ]
    }),
  )
  console.log('')
  for (const size of figures) {
    if (size.first.indicators.length > 0) {
      console.log(
        `${size.perColumn} per column, paging indicators: ${size.first.indicators.join(' | ')}`,
      )
    }
  }
  console.log(`Screenshots: ${figures.map((size) => size.screenshot).join(', ')}`)
  const below = figures.filter(
    (size) => size.perColumn <= LEGIBLE_UP_TO && Math.min(...size.fontPx) < LEGIBLE_PX,
  )
  if (below.length > 0) {
    console.log(
      `Below ${LEGIBLE_PX} px at ${below.map((size) => size.perColumn).join(', ')} notes per column.`,
    )
  }
  if (figures.some((size) => Math.min(...size.first.headingPx) < HEADING_PX)) {
    console.log(`A column heading is below ${HEADING_PX} px.`)
  }
  console.log(
    [
      '',
      'drawn: notes on screen over every page of every column, of the notes the board holds. cut off: a',
      'card not wholly on screen (past an edge, under the station bar) or covered by another. spilling:',
      'a card whose text sticks out of it (scroll size beyond its box). Text sizes are the computed',
      'font sizes of the note texts on screen (one per column; the figures in brackets), the heading',
      'the smallest column question. A paged column turns every 12 s; the bench watches every page.',
    ].join('\n'),
  )
}
