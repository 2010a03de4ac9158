import { organiserAccessOf } from '../fixtures/eventApi'
import { expect, test } from '../fixtures/fixtures'
import { ProjectorPage } from '../fixtures/ProjectorPage'
import { expectedModules, moduleCount, modulesOf } from '../fixtures/qrModules'

/** Legible from the back of a room on a 1080p projector. */
const MIN_TEXT_PIXELS = 24
const HEADING_PIXELS = 40

const FIRST_COLUMN = [
  'Sprachcafé donnerstags',
  'Die Kita hilft bei den Kursen, auch in den Ferien, und das klappt gut so wie es ist',
  'مقهى اللغة يساعدنا كثيرا',
]
const SECOND_COLUMN = ['Zu wenig Räume 🏠', 'Busse fahren abends nicht mehr zu uns']
/** Wider than a card's line at a large size: broken at a syllable, with a visible hyphen. */
const LONG_WORDS = 'Kinderbetreuungsangebote fehlen'

test.use({ viewport: { width: 1920, height: 1080 } })

test.describe('projector', () => {
  test('shows the current station large, each question over its column, without tldraw', async ({
    api,
    server,
    openBoard,
    newContext,
  }, testInfo) => {
    const event = await api.createEvent()
    const links = event.links.tables[0]!
    const board = await openBoard(links.board)
    const context = await newContext()
    // Everything the projector page loads, to show that tldraw is not among it.
    const scripts: Array<Promise<string>> = []
    context.on('response', (response) => {
      if (/\.m?js$/.test(new URL(response.url()).pathname)) scripts.push(response.text())
    })
    const page = await context.newPage()
    await page.setViewportSize({ width: 1920, height: 1080 })
    const projector = new ProjectorPage(page)
    await projector.open(links.projector)

    for (const text of FIRST_COLUMN) await board.capture.writeNote(text)
    await board.capture.nextColumn()
    for (const text of [...SECOND_COLUMN, LONG_WORDS]) await board.capture.writeNote(text)

    const texts = [...FIRST_COLUMN, ...SECOND_COLUMN, LONG_WORDS]
    await expect.poll(() => projector.noteTexts()).toEqual([...texts].sort())
    await projector.waitForNotes(texts.length)
    expect(await projector.questionTexts()).toEqual(['Was läuft gut?', 'Wo hakt es?'])
    await expect(projector.timer).toBeVisible()
    await expect(projector.tldraw).toHaveCount(0)
    const screen = await projector.screen()
    for (const card of screen.cards) {
      expect(card.box.top, card.text).toBeGreaterThanOrEqual(screen.stationBar.bottom)
      expect(card.box.bottom, card.text).toBeLessThanOrEqual(1080)
      expect(card.spills, card.text).toBe(false)
      expect(card.fontPx, card.text).toBeGreaterThanOrEqual(MIN_TEXT_PIXELS)
    }
    for (const column of screen.columns) {
      expect(column.headingPx).toBeGreaterThanOrEqual(HEADING_PIXELS)
      expect(Math.abs(column.headingBox.left - column.box.left)).toBeLessThanOrEqual(1)
    }
    // Arabic reads right to left; every note keeps its exact text.
    const arabic = projector.notes.filter({ hasText: 'مقهى' }).locator('.room-card__text')
    await expect(arabic).toHaveAttribute('dir', 'auto')
    expect(await arabic.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl')
    testInfo.annotations.push({
      type: 'note text size',
      description: screen.columns
        .map((column) => `${column.question}: ${column.fontPx} px`)
        .join('; '),
    })
    await projector.page.screenshot({ path: testInfo.outputPath('projector-station-1.png') })

    // No file the projector loaded is tldraw's: the marker its build carries is in none of them.
    const bodies = await Promise.all(scripts)
    expect(bodies.length).toBeGreaterThan(0)
    for (const body of bodies) expect(body).not.toContain('@tldraw/editor')
    expect(await page.evaluate(() => window.__tablecloth?.editor)).toBeUndefined()

    const station1Font = Math.min(...screen.columns.map((column) => column.fontPx))
    const response = await fetch(
      new URL(`/api/events/${encodeURIComponent(event.id)}/stations/next`, server.baseUrl),
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${organiserAccessOf(event.links.control).organiserToken}`,
        },
      },
    )
    expect(response.status).toBe(200)

    // The next station: its one question over the whole width, none of the first station's notes.
    await expect.poll(() => projector.questionTexts()).toEqual(['Was brauchen wir?'])
    await expect(projector.notes).toHaveCount(0)
    await board.capture.writeNote('Ein Raum für die Sprachkurse')
    await expect.poll(() => projector.noteTexts()).toEqual(['Ein Raum für die Sprachkurse'])
    await projector.waitForNotes(1)
    const station2 = await projector.screen()
    expect(station2.columns[0]!.fontPx).toBeGreaterThanOrEqual(station1Font)
    expect(station2.columns[0]!.box.right - station2.columns[0]!.box.left).toBeGreaterThan(1800)
    await projector.page.screenshot({ path: testInfo.outputPath('projector-station-2.png') })
  })

  test('shows the table’s phone link as a QR code, which opens the phone page of that table', async ({
    api,
    newContext,
  }) => {
    const event = await api.createEvent()
    const links = event.links.tables[0]!
    const projector = await ProjectorPage.openIn(await newContext(), links.projector)

    const code = projector.page.getByRole('complementary', { name: 'Notizen vom Handy' })
    await expect(code).toBeVisible()
    await expect(code).toContainText('Eigene Notizen? QR-Code scannen')
    const image = code.getByRole('img', {
      name: `QR-Code: Notizen vom Handy an „${links.title}“ schicken`,
    })
    await expect(image).toBeVisible()
    // It encodes the participant link the organiser hands out for this table.
    const size = moduleCount(links.participant)
    expect(await modulesOf(image, size)).toEqual(expectedModules(links.participant))
    // And still after a reload, when the link's fragment is no longer in the address bar.
    await projector.page.reload()
    expect(new URL(projector.page.url()).hash).toBe('')
    await expect(image).toBeVisible()
    expect(await modulesOf(image, size)).toEqual(expectedModules(links.participant))
  })
})
