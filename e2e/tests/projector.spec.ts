import { rectContainsPoint, stationLayout, type Rect } from '@tablecloth/shared'
import { organiserAccessOf } from '../fixtures/eventApi'
import { expect, test } from '../fixtures/fixtures'
import { ProjectorPage } from '../fixtures/ProjectorPage'

/** Legible from several metres on a 1080p projector. */
const MIN_TEXT_PIXELS = 28
/** tldraw's XL note text, in page units; it draws less only when a word is wider than the note. */
const XL_TEXT = 32

const FIRST_COLUMN = [
  'Sprachcafé donnerstags',
  'Die Kita hilft bei den Kursen, auch in den Ferien, und das klappt gut so wie es ist',
  'مقهى اللغة يساعدنا كثيرا',
]
const SECOND_COLUMN = ['Zu wenig Räume 🏠', 'Busse fahren abends nicht mehr zu uns']
/**
 * tldraw shrinks a note's text when one word is wider than the note (here to
 * 14 px), so such notes are measured and reported, not held to the minimum.
 */
const LONG_WORDS = 'Kinderbetreuungsangebote fehlen'

test.use({ viewport: { width: 1920, height: 1080 } })

/** Whether the projector shows the whole heading of a station (and so its column tops). */
async function showsHeadingOf(projector: ProjectorPage, stationIndex: number, columns: number) {
  const { header } = stationLayout(stationIndex, columns)
  const view: Rect = await projector.viewport()
  return (
    rectContainsPoint(view, { x: header.x, y: header.y }) &&
    rectContainsPoint(view, { x: header.x + header.w, y: header.y + header.h })
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
    await expect.poll(() => showsHeadingOf(projector, 0, 2)).toBe(true)

    const byText = new Map((await projector.notes()).map((note) => [note.id, note.text]))
    // Polled: the camera glides to each new fit, and the text is measured as drawn.
    const smallestFullSizeText = async () => {
      const full = (await projector.noteTextSizes()).filter((size) => size.fontSize >= XL_TEXT)
      expect(full.length).toBeGreaterThanOrEqual(texts.length - 2)
      return Math.min(...full.map((size) => size.screenPixels))
    }
    await expect.poll(smallestFullSizeText).toBeGreaterThanOrEqual(MIN_TEXT_PIXELS)
    const sizes = await projector.noteTextSizes()
    const shrunk = sizes.filter((size) => size.fontSize < XL_TEXT).map((size) => byText.get(size.noteId))
    expect(shrunk).toContain(LONG_WORDS)
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
    await expect.poll(() => showsHeadingOf(projector, 1, 1)).toBe(true)
    await expect.poll(() => showsHeadingOf(projector, 0, 2)).toBe(false)
    expect(await projector.zoom()).toBeGreaterThan(station1Zoom)
    await projector.page.screenshot({ path: testInfo.outputPath('projector-station-2.png') })
  })
})
