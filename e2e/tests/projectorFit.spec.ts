import type { CreateEventResponse } from '@tablecloth/shared'
import type { BrowserContext } from '@playwright/test'
import type { BoardPage } from '../fixtures/BoardPage'
import {
  clusterAndDots,
  fillColumns,
  PHONE_NOTES,
  sendNote,
  sendPhoneNotes,
} from '../fixtures/cafeTable'
import { auditAccessibility } from '../fixtures/accessibilityAudit'
import { cafeConfig } from '../fixtures/eventApi'
import { chooseLanguage } from '../fixtures/languageSwitch'
import { expect, test } from '../fixtures/fixtures'
import { ProjectorPage, type Box, type RoomScreen } from '../fixtures/ProjectorPage'

/**
 * What the room sees: the projector at 1920×1080 guarantees the fit. Every
 * note whole on screen below the station bar, no text out of its card, each
 * question a heading of 40 px or more over its own column, text of 24 px or
 * more up to 24 notes per column, and beyond what fits pages or smaller text
 * (never below 18 px) with „noch n Karten“, never a note cut off.
 */

const SCREEN = { width: 1920, height: 1080 }
const LEGIBLE_PX = 24
const LEAST_PX = 18
const HEADING_PX = 40
const CLUSTER = { id: 'cluster:sprachkurse', heading: 'Sprachkurse' }

test.use({ viewport: SCREEN })

/**
 * A café table: the phone notes first, while no board is open, then the
 * moderator's notes up to `perColumn` per question, then on the moderator's
 * board a cluster of three under „Sprachkurse“ and dots on four notes.
 */
async function cafeTable(
  baseUrl: string,
  event: CreateEventResponse,
  perColumn: number,
  openBoard: (link: string) => Promise<BoardPage>,
) {
  const table = event.links.tables[0]!
  const phone = await sendPhoneNotes(baseUrl, event, table)
  const columns = await fillColumns(baseUrl, event, table, perColumn, phone)
  const board = await openBoard(table.board)
  await expect.poll(async () => (await board.notes()).length).toBe(perColumn * 2)
  const clustered = columns[0]!.slice(3, 6)
  const dots = {
    [columns[0]![1]!]: 3,
    [columns[0]![7]!]: 1,
    [columns[1]![2]!]: 5,
    [columns[1]![5]!]: 2,
  }
  await clusterAndDots(board, { ...CLUSTER, texts: clustered }, dots)
  return { table, columns, clustered, dots }
}

async function openProjector(
  newContext: () => Promise<BrowserContext>,
  link: string,
): Promise<ProjectorPage> {
  const page = await (await newContext()).newPage()
  await page.setViewportSize(SCREEN)
  const projector = new ProjectorPage(page)
  await projector.open(link)
  return projector
}

const moreCards = (count: number) => (count === 1 ? 'noch 1 Karte' : `noch ${count} Karten`)

const inside = (box: Box, outer: Box) =>
  box.left >= outer.left - 0.5 &&
  box.top >= outer.top - 0.5 &&
  box.right <= outer.right + 0.5 &&
  box.bottom <= outer.bottom + 0.5

const overlap = (a: Box, b: Box) =>
  a.left < b.right - 0.5 &&
  b.left < a.right - 0.5 &&
  a.top < b.bottom - 0.5 &&
  b.top < a.bottom - 0.5

/** The guarantee, on one screen: whole, below the bar, uncovered, no spill, headings over their columns. */
function expectWholeAndReadable(screen: RoomScreen, leastPx: number) {
  const viewport = { left: 0, top: 0, right: screen.viewport.width, bottom: screen.viewport.height }
  for (const card of screen.cards) {
    expect(inside(card.box, viewport), `${card.text} lies on the screen`).toBe(true)
    expect(card.box.top, `${card.text} is below the station bar`).toBeGreaterThanOrEqual(
      screen.stationBar.bottom,
    )
    expect(card.spills, `${card.text} stays inside its card`).toBe(false)
    expect(card.fontPx, card.text).toBeGreaterThanOrEqual(leastPx)
    for (const other of screen.cards) {
      if (other !== card)
        expect(overlap(card.box, other.box), `${card.text} / ${other.text}`).toBe(false)
    }
  }
  for (const column of screen.columns) {
    expect(column.headingLevel).toBe('H2')
    expect(column.headingPx, column.question).toBeGreaterThanOrEqual(HEADING_PX)
    expect(Math.abs(column.headingBox.left - column.box.left)).toBeLessThanOrEqual(1)
    expect(Math.abs(column.headingBox.right - column.box.right)).toBeLessThanOrEqual(1)
    expect(column.headingBox.top).toBeGreaterThanOrEqual(screen.stationBar.bottom)
    // Every card of the column lies under its heading, between its edges.
    const cards = screen.cards.filter((card) => inside(card.box, column.box))
    for (const card of cards) expect(card.box.top).toBeGreaterThanOrEqual(column.headingBox.bottom)
  }
  // Columns share the width and keep apart.
  const [left, right] = screen.columns
  if (left && right) expect(left.box.right).toBeLessThan(right.box.left)
  // One text size per column.
  for (const column of screen.columns) {
    const sizes = new Set(
      screen.cards.filter((card) => inside(card.box, column.box)).map((card) => card.fontPx),
    )
    expect(sizes.size).toBeLessThanOrEqual(1)
  }
}

/** Every paged column says how many of its notes are on its other pages, and which page shows. */
function expectPagingShown(screen: RoomScreen) {
  const paged = screen.columns.filter((column) => column.pages > 1)
  expect(screen.indicators).toHaveLength(paged.length)
  for (const column of paged) {
    const onScreen = screen.cards.filter((card) => inside(card.box, column.box)).length
    expect(screen.indicators).toContain(
      `${moreCards(column.notes - onScreen)} ${column.page}/${column.pages}`,
    )
  }
}

for (const perColumn of [14, 24]) {
  test(`shows ${perColumn} notes per column whole, legible and under their questions`, async ({
    api,
    server,
    openBoard,
    newContext,
  }, testInfo) => {
    const event = await api.createEvent(cafeConfig())
    const { table, columns, clustered, dots } = await cafeTable(
      server.baseUrl,
      event,
      perColumn,
      openBoard,
    )
    const projector = await openProjector(newContext, table.projector)
    await projector.waitForNotes(perColumn * 2)

    const screen = await projector.screen()
    await projector.page.screenshot({
      path: testInfo.outputPath(`projector-${perColumn}-per-column.png`),
    })
    expect(screen.columns.map((column) => column.question)).toEqual([
      'Was läuft gut?',
      'Wo hakt es?',
    ])
    expect(screen.columns.map((column) => column.pages)).toEqual([1, 1])
    await expect(projector.indicators).toHaveCount(0)
    expectWholeAndReadable(screen, LEGIBLE_PX)
    testInfo.annotations.push({
      type: 'text size per column',
      description: screen.columns
        .map((column) => `${column.question} ${column.fontPx} px × ${column.perRow}`)
        .join('; '),
    })

    // Every note is there, each under its own question, phone notes among them.
    const texts = screen.cards.map((card) => card.text).sort()
    expect(texts).toEqual([...columns[0]!, ...columns[1]!].sort())
    for (const [index, column] of screen.columns.entries()) {
      const shown = screen.cards
        .filter((card) => inside(card.box, column.box))
        .map((card) => card.text)
      expect(shown.sort()).toEqual([...columns[index]!].sort())
    }
    for (const note of PHONE_NOTES) expect(texts).toContain(note.text)

    // The cluster: its heading and its three notes together in one box.
    const cluster = projector.room.getByTestId('room-cluster')
    await expect(cluster).toHaveCount(1)
    expect(
      (await cluster.getByTestId('room-cluster-heading').textContent())?.replaceAll('\u00AD', ''),
    ).toBe(CLUSTER.heading)
    await expect(cluster.getByTestId('room-note')).toHaveCount(3)
    const inCluster = (await cluster.getByTestId('room-note').allTextContents()).map((text) =>
      text.replaceAll('\u00AD', ''),
    )
    expect(inCluster.sort()).toEqual([...clustered].sort())

    // Dots show on their notes.
    for (const [text, count] of Object.entries(dots)) {
      const card = screen.cards.find((candidate) => candidate.text === text)
      expect(card?.dots, text).toBe(String(count))
    }

    // Lists under real headings, readable for a screen reader too.
    await expect(projector.room.getByRole('list', { name: 'Was läuft gut?' })).toBeVisible()
    await expect(
      projector.room.getByRole('heading', { level: 3, name: CLUSTER.heading }),
    ).toBeVisible()
    expect(
      (await auditAccessibility(projector.page, `projector, ${perColumn} per column`)).blocking,
    ).toEqual([])
  })
}

test('shows 40 notes per column at 18 px or more, or pages them with „noch n Karten“, never cutting one', async ({
  api,
  server,
  openBoard,
  newContext,
}, testInfo) => {
  test.setTimeout(360_000)
  const event = await api.createEvent(cafeConfig())
  const { table, columns } = await cafeTable(server.baseUrl, event, 40, openBoard)
  const projector = await openProjector(newContext, table.projector)
  await projector.waitForNotes(80)
  await projector.page.screenshot({ path: testInfo.outputPath('projector-40-per-column.png') })

  const screens = await projector.everyPage()
  const seen = new Set<string>()
  for (const screen of screens) {
    expectWholeAndReadable(screen, LEAST_PX)
    expectPagingShown(screen)
    for (const card of screen.cards) seen.add(card.text)
  }
  expect([...seen].sort()).toEqual([...new Set([...columns[0]!, ...columns[1]!])].sort())
})

test('pages a column that does not fit at 18 px, every note reachable and „noch n Karten“ shown', async ({
  api,
  server,
  newContext,
}, testInfo) => {
  test.setTimeout(360_000)
  // Far more than a café table writes: long notes, 40 in one question.
  const long = (n: number) =>
    `${n + 1}. Qualifizierungsmaßnahmen und Kinderbetreuungsangebote müssen gemeinsam geplant werden, damit Frauen teilnehmen können`
  const event = await api.createEvent(cafeConfig())
  const table = event.links.tables[0]!
  await sendPhoneNotes(server.baseUrl, event, table)
  const texts: string[] = PHONE_NOTES.filter((note) => note.column === 0).map((note) => note.text)
  for (let n = texts.length; n < 40; n++) {
    await sendNote(server.baseUrl, event, table, table.tokens.moderator, 0, long(n))
    texts.push(long(n))
  }
  const projector = await openProjector(newContext, table.projector)
  await projector.waitForNotes(41)
  const first = await projector.screen()
  expect(first.columns[0]!.pages).toBeGreaterThan(1)
  await expect(projector.indicators.first()).toBeVisible()
  await projector.page.screenshot({ path: testInfo.outputPath('projector-paged.png') })

  const seen = new Set<string>()
  for (const screen of await projector.everyPage()) {
    expectWholeAndReadable(screen, LEAST_PX)
    expectPagingShown(screen)
    for (const card of screen.cards) seen.add(card.text)
  }
  expect([...seen].sort()).toEqual([...texts, PHONE_NOTES[1].text].sort())

  // In English the foot says so in English; the notes stay as written.
  await chooseLanguage(projector.page, 'en')
  await expect(projector.indicators.first()).toContainText(/^\d+ more cards? \d+\/\d+$/)
  expect((await projector.screen()).cards.map((card) => card.text)).toEqual(
    expect.arrayContaining([PHONE_NOTES[1].text]),
  )
})

test('a new note appears on the projector and the fit follows it', async ({
  api,
  server,
  openBoard,
  newContext,
}) => {
  const event = await api.createEvent(cafeConfig())
  const { table, columns } = await cafeTable(server.baseUrl, event, 6, openBoard)
  const projector = await openProjector(newContext, table.projector)
  await projector.waitForNotes(12)
  const before = await projector.screen()
  await fillColumns(server.baseUrl, event, table, 14, columns)
  await projector.waitForNotes(28)
  const after = await projector.screen()
  expectWholeAndReadable(after, LEGIBLE_PX)
  expect(Math.min(...after.columns.map((column) => column.fontPx))).toBeLessThan(
    Math.min(...before.columns.map((column) => column.fontPx)),
  )
})
