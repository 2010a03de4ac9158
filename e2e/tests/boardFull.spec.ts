import { expect } from '../fixtures/fixtures'
import { testOnServerWith } from '../fixtures/serverWithEnv'

/** The smallest cap the server takes: a few dozen long notes fill it. */
const MAX_BOARD_BYTES = 64 * 1024

testOnServerWith({ MAX_BOARD_BYTES: String(MAX_BOARD_BYTES) })(
  'a full board says so, stops taking edits and stays readable',
  async ({ api, openBoard }) => {
    const event = await api.createEvent()
    const board = await openBoard(event.links.tables[0]!.board)

    const long = 'Ein langer Gedanke, der viel Platz braucht. '.repeat(40)
    for (let i = 0; i < 100 && (await board.connectionState()) !== 'stopped'; i++) {
      await board.addNote(`${i}: ${long}`, (i % 10) * 220, Math.floor(i / 10) * 220)
    }
    await board.expectConnection('stopped')
    const notice = board.page.locator('.refusal-notice')
    await expect(notice).toHaveAttribute('role', 'alert')
    await expect(notice).toContainText('Dieses Board ist voll')
    await expect(notice).toContainText('Bitte wende dich an das Organisationsteam.')

    // Readable, and no longer editable: the notes stay, a new one is not taken.
    const shown = await board.noteTexts()
    expect(shown.length).toBeGreaterThan(0)
    expect(await board.isReadOnly()).toBe(true)
    await board.addNote('Nach dem Vollwerden', 0, 3000)
    expect(await board.noteTexts()).toEqual(shown)

    // After a reload the device offers the server the notes it refused, and hears the same.
    await board.reload({ online: false })
    await board.expectConnection('stopped')
    await expect(notice).toContainText('Dieses Board ist voll')
    expect(await board.noteTexts()).toEqual(shown)
  },
)
