import { winnendenTemplate } from '@tablecloth/shared'
import type { BoardPage } from '../fixtures/BoardPage'
import { expect, test } from '../fixtures/fixtures'
import { chooseLanguage } from '../fixtures/languageSwitch'

/** tldraw's select tool in its toolbar; its label comes from tldraw's own translations. */
function selectTool(board: BoardPage) {
  return board.page.getByTestId('tools.select')
}

test.describe('language', () => {
  test('switching the board to English changes our chrome and tldraw’s, and survives a reload', async ({
    api,
    openBoard,
  }) => {
    const event = await api.createEvent(winnendenTemplate())
    const board = await openBoard(event.links.tables[0]!.board)
    const bar = board.capture.bar
    // tldraw's toolbar shows in the drawing view; the view is remembered across the reload.
    await board.showDrawingTools()

    await expect(board.stationTitle).toHaveText('Station 1 von 3')
    await expect(bar).toHaveAccessibleName('Notizen schreiben')
    await expect(
      bar.getByRole('textbox', { name: 'Notiz für Spalte 1: Was läuft gut?' }),
    ).toBeVisible()
    await expect(board.capture.pinButton).toHaveText('Anheften')
    await expect(selectTool(board)).toHaveAttribute('aria-label', /^Auswählen/)

    await chooseLanguage(board.page, 'en')
    const inEnglish = async () => {
      await expect(board.stationTitle).toHaveText('Station 1 of 3')
      await expect(bar).toHaveAccessibleName('Write notes')
      await expect(
        bar.getByRole('textbox', { name: 'Note for column 1: Was läuft gut?' }),
      ).toBeVisible()
      await expect(board.capture.pinButton).toHaveText('Pin')
      await expect(selectTool(board)).toHaveAttribute('aria-label', /^Select/)
    }
    await inEnglish()

    await board.reload()
    await inEnglish()
  })

  test('the control room writes the event’s date in the chosen language', async ({
    api,
    openControlRoom,
  }) => {
    const event = await api.createEvent(winnendenTemplate())
    const controlRoom = await openControlRoom(event.links.control)

    await expect(controlRoom.eventDetails).toHaveText(
      '2. Juli 2019 · Hermann-Schwab-Halle Winnenden',
    )
    await expect(controlRoom.stationHeading).toHaveText('Station 1 von 3')

    await chooseLanguage(controlRoom.page, 'en')
    await expect(controlRoom.eventDetails).toHaveText(
      '2 July 2019 · Hermann-Schwab-Halle Winnenden',
    )
    await expect(controlRoom.stationHeading).toHaveText('Station 1 of 3')
  })

  test('a note in Arabic with emoji and German quotes keeps its text exactly', async ({
    api,
    openBoard,
  }) => {
    const event = await api.createEvent()
    const board = await openBoard(event.links.tables[0]!.board)
    await chooseLanguage(board.page, 'en')
    const text = 'مرحبا بالجميع 👋🏽 „Gemeinsam“ 👩‍👩‍👧 🇩🇪 ١٢٣'

    await board.capture.writeNote(text)

    await expect.poll(async () => (await board.notes()).map((note) => note.text)).toEqual([text])
    await expect(
      board.page.locator('.tl-shape .tl-rich-text').filter({ hasText: text }),
    ).toHaveCount(1)
  })
})
