import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { Station } from '@tablecloth/shared'
import { pause, withTimeout } from './abortableWait'
import { BoardClient } from './BoardClient'
import { newDevice } from './browser/chromium'
import { addPaintProbe, PaintProbe } from './browser/paintProbe'
import { sampleTree, type TreeUsage } from './processUsage'
import { fillStation } from './stationFill'
import type { OurServerRun } from './targets/ourServer'

export interface CaptureOptions {
  /** The board's current station, whose columns get the notes. */
  station: Pick<Station, 'id' | 'columns'>
  /** Notes on the board whenever a note is captured. */
  notes: number
  warmupNotes: number
  measuredNotes: number
}

/** Per measured note, ms from the moderator's Enter until each screen painted it. */
export interface CaptureTimes {
  sameScreen: number[]
  secondScreen: number[]
  /** The place (0-based) in the first column's grid where every captured note landed. */
  landingPlace: number
  /** CPU over the measured notes: the bench's processes (with server and browser) and the rest. */
  usage: TreeUsage
}

/** Loading a board with a thousand notes takes a few seconds in software rendering. */
const LOAD_TIMEOUT_MS = 60_000
/** Lets the board's camera and the projector's fit settle on the filled station before anything is timed. */
const SETTLE_MS = 2_000
const NOTE_TIMEOUT_MS = 10_000
/** Quiet between notes, so one note's sync traffic and re-renders are over before the next. */
const BETWEEN_NOTES_MS = 250

const NOTE_SHAPES = '.tl-shape[data-shape-type="note"]'
/** The projector's room view and its cards (client/src/room). */
const ROOM_COLUMNS = '[data-testid="room-column"]'
const ROOM_CARDS = '[data-testid="room-note"]'
/** The moderator's capture field and its status line (client/src/board/capture/CaptureBar.tsx). */
const CAPTURE_FIELD = '[data-testid="capture-field"]'
const CAPTURE_STATUS = '#capture-status'

/** One board screen in a device of its own, with the paint probe installed. */
interface Screen {
  context: BrowserContext
  page: Page
  probe: PaintProbe
  /** The moderator's tldraw board, or the projector's room view. */
  kind: 'board' | 'projector'
}

/**
 * The projector pages a column of 500 notes, a page every 12 s on the wall
 * clock (`Date.now()`). The bench holds that clock still in the projector's
 * page (on the first page, or the last: see `showLastPage`), so the gap it
 * made stays on screen while notes are timed; the paint probe times with
 * `performance`, which is left alone.
 */
const HOLD_PAGES = 'Date.now = () => 0'

/**
 * Fills the first table's board, opens it as the moderator's board and as
 * its projector, each in its own browser context, then pins notes through
 * the capture bar one at a time: type the text, press Enter, wait until both
 * screens painted it, delete it again and wait until both dropped it.
 *
 * Where a captured note lands is the capture bar's choice: the first free
 * place of the column's grid. The filled column has no free place in view,
 * so the bench first deletes one note that both screens show in full. Every
 * captured note then fills that gap, on a board of the same size, in view on
 * both screens, and neither camera has a reason to move.
 */
export async function measureCaptureToPaint(
  browser: Browser,
  server: OurServerRun,
  options: CaptureOptions,
): Promise<CaptureTimes> {
  const table = server.event.links.tables[0]
  const address = server.boards[0]
  if (!table || !address) throw new Error('the event has no table')
  // Stays on the board to make the gap and to delete each captured note again.
  const helper = new BoardClient(address, 'Bench helper', () => {})
  const screens: Screen[] = []
  try {
    await withTimeout(
      helper.synced(),
      LOAD_TIMEOUT_MS,
      'the bench client did not sync',
      server.failed,
    )
    const columns = await fillStation(helper, options.station, options.notes + 1, server.failed)

    const moderator = await openScreen(browser, table.board, 'board')
    screens.push(moderator)
    const projector = await openScreen(browser, table.projector, 'projector')
    screens.push(projector)
    await Promise.all(screens.map((screen) => expectNotes(screen, options.notes + 1)))
    await pause(SETTLE_MS, server.failed)

    let inView = await Promise.all(screens.map((screen) => notesInView(screen)))
    let shownOnBoth = (columns[0] ?? []).filter((id) => inView.every((ids) => ids.has(id)))
    if (shownOnBoth.length === 0) {
      // The board shows the column's lowest rows: so does the projector's last page.
      await showLastPage(projector)
      inView = await Promise.all(screens.map((screen) => notesInView(screen)))
      shownOnBoth = (columns[0] ?? []).filter((id) => inView.every((ids) => ids.has(id)))
    }
    // From the middle of those: a captured note's text may be a line longer
    // than the one it replaces, which can move the last card of the
    // projector's page on to the next page, never one in the middle.
    const gap = shownOnBoth[Math.floor(shownOnBoth.length / 2)]
    const landingPlace = gap ? (columns[0] ?? []).indexOf(gap) : -1
    if (!gap) {
      const first = new Set(columns[0] ?? [])
      const counts = inView.map(
        (ids) => `${[...ids].filter((id) => first.has(id)).length} of ${ids.size}`,
      )
      throw new Error(
        `no note of the first column is in full view on both screens (first column in view: ${counts.join(' on the board, ')} on the projector)`,
      )
    }
    helper.remove(gap)
    await Promise.all(screens.map((screen) => expectNotes(screen, options.notes)))
    // The field is enabled once the editor is up and the board knows its station.
    await moderator.page.waitForFunction(
      (selector) => document.querySelector<HTMLTextAreaElement>(selector)?.disabled === false,
      CAPTURE_FIELD,
      { timeout: LOAD_TIMEOUT_MS },
    )
    await pause(SETTLE_MS, server.failed)

    const field = moderator.page.locator(CAPTURE_FIELD)
    const sameScreen: number[] = []
    const secondScreen: number[] = []
    let usage: { stop(): TreeUsage } | null = null
    // Tells this run's notes apart from any text already on the board.
    const tag = Math.random().toString(36).slice(2, 8)
    const total = options.warmupNotes + options.measuredNotes
    for (let n = 1; n <= total; n++) {
      if (n === options.warmupNotes + 1) usage = sampleTree(process.pid)
      const text = `Captured note ${n} ${tag}`
      await Promise.all(screens.map((screen) => screen.probe.watch(text)))
      await field.fill(text)
      await field.press('Enter')
      const [ownPaint, projectorPaint] = await withTimeout(
        Promise.all([moderator.probe.painted(), projector.probe.painted()]),
        NOTE_TIMEOUT_MS,
        `note ${n} was not painted on both screens within ${NOTE_TIMEOUT_MS} ms`,
        server.failed,
      ).catch(async (error: unknown) => {
        throw new Error(`${String(error)} (${await describeScreens(moderator, projector)})`, {
          cause: error,
        })
      })
      const enterAt = await moderator.probe.enterAt()
      if (enterAt === null) throw new Error(`the moderator's page saw no Enter for note ${n}`)
      const own = ownPaint - enterAt
      const second = projectorPaint - enterAt
      if (own < 0 || second < 0) {
        throw new Error(
          `note ${n} was painted before Enter (${own} ms, ${second} ms): the clocks disagree`,
        )
      }
      if (n > options.warmupNotes) {
        sameScreen.push(own)
        secondScreen.push(second)
      }

      const id = await withTimeout(
        helper.untilNoteWithText(text),
        NOTE_TIMEOUT_MS,
        `note ${n} did not reach the bench's client within ${NOTE_TIMEOUT_MS} ms`,
        server.failed,
      )
      helper.remove(id)
      await withTimeout(
        Promise.all(screens.map((screen) => screen.probe.gone())),
        NOTE_TIMEOUT_MS,
        `note ${n} was not removed from both screens within ${NOTE_TIMEOUT_MS} ms`,
        server.failed,
      )
      await pause(BETWEEN_NOTES_MS, server.failed)
    }
    if (!usage) throw new Error('no note was measured')
    return { sameScreen, secondScreen, landingPlace, usage: usage.stop() }
  } finally {
    for (const screen of screens) await screen.context.close()
    helper.destroy()
  }
}

async function openScreen(browser: Browser, url: string, kind: Screen['kind']): Promise<Screen> {
  const context = await newDevice(browser)
  await addPaintProbe(context)
  if (kind === 'projector') await context.addInitScript({ content: HOLD_PAGES })
  const page = await context.newPage()
  await page.goto(url)
  return { context, page, probe: new PaintProbe(page), kind }
}

/** How long the room view shows a page of a paged column (client/src/room/roomPaging.ts). */
const PAGE_MS = 12_000

/**
 * Turns the projector's first column to its last page and keeps it there:
 * the held clock (`HOLD_PAGES`) is set to that page's time; the room view
 * reads it at its next turn, within a page's time.
 */
async function showLastPage(projector: Screen): Promise<void> {
  const pages = await projector.page.evaluate(
    (selector) => Number(document.querySelector<HTMLElement>(selector)?.dataset.pages ?? 1),
    ROOM_COLUMNS,
  )
  await projector.page.evaluate(
    (at) => {
      Date.now = () => at
    },
    (pages - 1) * PAGE_MS,
  )
  await projector.page.waitForFunction(
    ({ selector, last }) =>
      document.querySelector<HTMLElement>(selector)?.dataset.page === String(last),
    { selector: ROOM_COLUMNS, last: pages },
    { timeout: 2 * PAGE_MS + LOAD_TIMEOUT_MS },
  )
}

/**
 * How many notes the screen holds: tldraw's note shapes on the board (culled
 * ones are in the DOM too), the notes of every page of every column in the
 * projector's room view.
 */
function noteCount(screen: Screen): Promise<number> {
  return screen.page.evaluate(
    ({ kind, shapes, columns }) =>
      kind === 'board'
        ? document.querySelectorAll(shapes).length
        : [...document.querySelectorAll<HTMLElement>(columns)].reduce(
            (sum, column) => sum + Number(column.dataset.notes),
            0,
          ),
    { kind: screen.kind, shapes: NOTE_SHAPES, columns: ROOM_COLUMNS },
  )
}

/** Waits until the screen holds exactly `count` notes. */
async function expectNotes(screen: Screen, count: number): Promise<void> {
  const deadline = Date.now() + LOAD_TIMEOUT_MS
  let held = await noteCount(screen).catch(() => -1)
  while (held !== count) {
    if (Date.now() > deadline) {
      throw new Error(`${screen.page.url().split('#')[0]} holds ${held} notes instead of ${count}`)
    }
    await screen.page.waitForTimeout(100)
    held = await noteCount(screen).catch(() => -1)
  }
}

/**
 * The ids of the notes a screen draws whole: inside tldraw's canvas on the
 * board (tldraw gives a note's element its shape's id and hides culled
 * shapes), the cards on the projector's page on screen.
 */
async function notesInView(screen: Screen): Promise<Set<string>> {
  if (screen.kind === 'projector') {
    const ids = await screen.page.evaluate((selector) => {
      const width = document.documentElement.clientWidth
      const height = document.documentElement.clientHeight
      return [...document.querySelectorAll<HTMLElement>(selector)].flatMap((card) => {
        const box = card.getBoundingClientRect()
        const whole =
          card.checkVisibility() &&
          box.top >= 0 &&
          box.left >= 0 &&
          box.bottom <= height &&
          box.right <= width
        return whole && card.dataset.noteId ? [card.dataset.noteId] : []
      })
    }, ROOM_CARDS)
    return new Set(ids)
  }
  const page = screen.page
  const ids = await page.evaluate((selector) => {
    const canvas = document.querySelector('.tl-canvas')?.getBoundingClientRect()
    if (!canvas) return []
    return [...document.querySelectorAll(selector)].flatMap((shape) => {
      const box = shape.getBoundingClientRect()
      const whole =
        shape.checkVisibility() &&
        box.top >= canvas.top &&
        box.bottom <= canvas.bottom &&
        box.left >= canvas.left &&
        box.right <= canvas.right
      const id = shape.querySelector('[id^="shape:"]')?.id
      return whole && id ? [id] : []
    })
  }, NOTE_SHAPES)
  return new Set(ids)
}

/** Where the watched note got on each screen, and what the capture bar said. */
async function describeScreens(moderator: Screen, projector: Screen): Promise<string> {
  const [own, second, status] = await Promise.all([
    moderator.probe.progress(),
    projector.probe.progress(),
    moderator.page.locator(CAPTURE_STATUS).textContent(),
  ])
  return `board: ${own}, projector: ${second}, capture status: "${status ?? ''}"`
}
