import { rectContainsPoint, stationLayout, type Rect } from '@tablecloth/shared'
import { organiserAccessOf } from '../fixtures/eventApi'
import { expect, test } from '../fixtures/fixtures'
import { ProjectorPage } from '../fixtures/ProjectorPage'
import { expectedModules, moduleCount, modulesOf } from '../fixtures/qrModules'

/** Legible from several metres on a 1080p projector. */
const MIN_TEXT_PIXELS = 28
/** tldraw's XL note text, in page units. */
const XL_TEXT = 32
/** The least a note's text shrinks to before long words wrap, in page units. */
const TEXT_FLOOR = 25

const FIRST_COLUMN = [
  'Sprachcafé donnerstags',
  'Die Kita hilft bei den Kursen, auch in den Ferien, und das klappt gut so wie es ist',
  'مقهى اللغة يساعدنا كثيرا',
]
const SECOND_COLUMN = ['Zu wenig Räume 🏠', 'Busse fahren abends nicht mehr zu uns']
/** Wider than a note at full size: tldraw alone would shrink the text to about 14 px. */
const LONG_WORDS = 'Kinderbetreuungsangebote fehlen'

test.use({ viewport: { width: 1920, height: 1080 } })

/** Whether the projector shows the top edge of every column of a station, across. */
async function showsColumnTopsOf(projector: ProjectorPage, stationIndex: number, columns: number) {
  const layout = stationLayout(stationIndex, columns)
  const view: Rect = await projector.viewport()
  return layout.columns.every(
    (column) =>
      rectContainsPoint(view, { x: column.x, y: column.y }) &&
      rectContainsPoint(view, { x: column.x + column.w, y: column.y }),
  )
}

test.describe('projector', () => {
  test('shows the current station large and fitted, without editing chrome', async ({
    api,
    server,
    openBoard,
    newContext,
  }, testInfo) => {
    const event = await api.createEvent()
    const links = event.links.tables[0]!
    const board = await openBoard(links.board)
    const projector = await ProjectorPage.openIn(await newContext(), links.projector)

    for (const text of FIRST_COLUMN) await board.capture.writeNote(text)
    await board.capture.nextColumn()
    for (const text of [...SECOND_COLUMN, LONG_WORDS]) await board.capture.writeNote(text)

    const texts = [...FIRST_COLUMN, ...SECOND_COLUMN, LONG_WORDS]
    await expect.poll(() => projector.noteTexts()).toEqual([...texts].sort())
    await expect(projector.stationQuestions).toHaveText(['Was läuft gut?', 'Wo hakt es?'])
    await expect(projector.timer).toBeVisible()
    for (const text of texts) {
      await expect(projector.page.locator('.tl-shape').getByText(text)).toBeVisible()
    }
    await expect(projector.editingChrome).toHaveCount(0)
    await expect.poll(() => showsColumnTopsOf(projector, 0, 2)).toBe(true)

    const byText = new Map((await projector.notes()).map((note) => [note.id, note.text]))
    // Polled: the camera glides to each new fit, and the text is measured as drawn.
    const smallestText = async () => {
      const sizes = await projector.noteTextSizes()
      expect(sizes).toHaveLength(texts.length)
      return Math.min(...sizes.map((size) => size.screenPixels))
    }
    await expect.poll(smallestText).toBeGreaterThanOrEqual(MIN_TEXT_PIXELS)
    const sizes = await projector.noteTextSizes()
    // A word a little too wide shrinks its note's text at most to 25; a longer one wraps instead.
    for (const size of sizes) {
      expect(size.fontSize, byText.get(size.noteId)).toBeGreaterThanOrEqual(TEXT_FLOOR)
      expect(size.fontSize, byText.get(size.noteId)).toBeLessThanOrEqual(XL_TEXT)
      expect(size.overflows, byText.get(size.noteId)).toBe(false)
    }
    const longSize = sizes.find((size) => byText.get(size.noteId) === LONG_WORDS)!
    expect(longSize.fontSize, 'the long word wraps at the floor').toBe(TEXT_FLOOR)
    testInfo.annotations.push({
      type: 'note text size',
      description: sizes
        .map((size) => `${byText.get(size.noteId)}: ${size.fontSize}px × ${size.zoom.toFixed(3)}`)
        .join('; '),
    })
    await projector.page.screenshot({ path: testInfo.outputPath('projector-station-1.png') })

    const station1Zoom = await projector.zoom()
    const response = await fetch(
      new URL(`/api/events/${encodeURIComponent(event.id)}/stations/next`, server.baseUrl),
      {
        method: 'POST',
        headers: { authorization: `Bearer ${organiserAccessOf(event.links.control).organiserToken}` },
      },
    )
    expect(response.status).toBe(200)

    await expect(projector.stationQuestions).toHaveText(['Was brauchen wir?'])
    await expect.poll(() => showsColumnTopsOf(projector, 1, 1)).toBe(true)
    await expect.poll(() => showsColumnTopsOf(projector, 0, 2)).toBe(false)
    expect(await projector.zoom()).toBeGreaterThan(station1Zoom)
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
    const image = code.getByRole('img', { name: `QR-Code: Notizen vom Handy an „${links.title}“ schicken` })
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
