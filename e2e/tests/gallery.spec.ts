import type { CreateEventResponse } from '@tablecloth/shared'
import { auditAccessibility } from '../fixtures/accessibilityAudit'
import { organiserAccessOf } from '../fixtures/eventApi'
import { expect, test } from '../fixtures/fixtures'
import { GalleryPage } from '../fixtures/GalleryPage'
import { chooseLanguage } from '../fixtures/languageSwitch'

/** tldraw's canvas and the export's invisible layout box: tldraw's markup, not ours. */
const TLDRAW = '.tl-container'

/** The room's screen. */
test.use({ viewport: { width: 1920, height: 1080 } })

const SPRACHE = ['Sprachcafé donnerstags', 'Kurse am Abend fehlen']
const ARBEIT = ['Praktika über den Sportverein']
const LATE_NOTE = 'Jobbörse im Rathaus'
/** Notes written in station 1 and in station 2. */
const FIRST = 'Station eins: Sprachkurse'
const SECOND = 'Station zwei: Räume'

/** Switches every board of the event to the next station, as the control room does. */
async function nextStation(baseUrl: string, event: CreateEventResponse): Promise<void> {
  const { id, organiserToken } = organiserAccessOf(event.links.control)
  const url = new URL(`/api/events/${encodeURIComponent(id)}/stations/next`, baseUrl)
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${organiserToken}` },
  })
  expect(response.status).toBe(200)
}

test.describe('plenary gallery', () => {
  test('shows every table live in a grid and one after another, by keys and clicker', async ({
    api,
    page,
    openBoard,
  }, testInfo) => {
    const event = await api.createEvent()
    const [sprache, arbeit] = event.links.tables
    const spracheBoard = await openBoard(sprache!.board)
    for (const text of SPRACHE) await spracheBoard.capture.writeNote(text)
    const arbeitBoard = await openBoard(arbeit!.board)
    for (const text of ARBEIT) await arbeitBoard.capture.writeNote(text)

    const sockets: string[] = []
    page.on('websocket', (socket) => sockets.push(new URL(socket.url()).pathname))
    const gallery = new GalleryPage(page)
    await gallery.open(event.links.gallery, 3)
    await expect(page).toHaveTitle('Galerie · Zukunftswerkstatt Winnenden · Tablecloth')
    expect(new URL(page.url()).hash, 'the token leaves the address bar').toBe('')

    // The grid: every table with its topic, and the notes on the images of the boards.
    expect(await gallery.tileTopics()).toEqual(['Sprache', 'Arbeit', 'Wohnen'])
    await gallery.expectTileShows('Sprache', SPRACHE, ARBEIT)
    await gallery.expectTileShows('Arbeit', ARBEIT, SPRACHE)
    // An empty board still shows its columns.
    const questions = ['Was läuft gut?', 'Wo hakt es?']
    await gallery.expectTileShows('Wohnen', questions, [...SPRACHE, ...ARBEIT])
    await expect(gallery.canvases, 'no editor runs in the grid').toHaveCount(0)
    expect(sockets.filter((path) => path.startsWith('/sync/')).sort()).toEqual(
      event.links.tables.map((table) => `/sync/${event.id}/${table.id}`).sort(),
    )

    // A note written now reaches its tile by itself.
    await arbeitBoard.capture.writeNote(LATE_NOTE)
    await gallery.expectTileShows('Arbeit', [...ARBEIT, LATE_NOTE])
    await page.screenshot({ path: testInfo.outputPath('gallery-grid.png') })
    const gridAudit = await auditAccessibility(page, 'gallery: grid', { exclude: [TLDRAW] })
    expect(gridAudit.blocking).toEqual([])

    // Sequence mode: G, then the arrow keys and a clicker's PageDown / PageUp.
    await expect(gallery.tile('Sprache')).toBeFocused()
    await gallery.press('g')
    await gallery.expectTableShown('Sprache')
    await expect(gallery.sequence.getByText('Moderation: Ana')).toBeVisible()
    await gallery.expectNotesOnScreen(SPRACHE)
    await expect(gallery.canvases, 'one editor, for the board shown').toHaveCount(1)
    await expect(gallery.position).toHaveText('Tisch 1 von 3')

    await gallery.press('ArrowRight')
    await gallery.expectTableShown('Arbeit')
    await gallery.expectNotesOnScreen([...ARBEIT, LATE_NOTE])
    await page.screenshot({ path: testInfo.outputPath('gallery-sequence.png') })
    const audit = await auditAccessibility(page, 'gallery: sequence', { exclude: [TLDRAW] })
    expect(audit.blocking).toEqual([])
    await gallery.press('PageDown')
    await gallery.expectTableShown('Wohnen')
    await expect(gallery.position).toHaveText('Tisch 3 von 3')
    await gallery.press('PageDown')
    await gallery.expectTableShown('Wohnen')
    await gallery.press('PageUp')
    await gallery.expectTableShown('Arbeit')
    await expect(gallery.canvases).toHaveCount(1)

    // Live in sequence mode too: the note appears as it is written.
    await arbeitBoard.capture.writeNote('Mentoring für Azubis')
    await gallery.expectNotesOnScreen(['Mentoring für Azubis'])

    await gallery.press('Home')
    await gallery.expectTableShown('Sprache')
    await gallery.press('End')
    await gallery.expectTableShown('Wohnen')

    // Buttons for mouse and touch; Esc goes back to the grid, with the table shown marked.
    await page.getByRole('button', { name: 'Vorheriger Tisch' }).click()
    await gallery.expectTableShown('Arbeit')
    await gallery.press('Escape')
    await expect(gallery.grid).toBeVisible()
    await expect(gallery.tile('Arbeit')).toHaveAttribute('aria-current', 'true')
    await expect(gallery.tile('Arbeit')).toBeFocused()
    await expect(gallery.canvases).toHaveCount(0)
    await gallery.expectTileShows('Arbeit', ['Mentoring für Azubis'])

    // A click on a tile opens that table large.
    await gallery.tile('Wohnen').click()
    await gallery.expectTableShown('Wohnen')

    await chooseLanguage(page, 'en')
    await expect(gallery.currentTable).toHaveText('Topic table: Wohnen')
    await expect(page).toHaveTitle('Gallery · Zukunftswerkstatt Winnenden · Tablecloth')
  })

  test('follows the station change and shows any station on request', async ({
    api,
    page,
    server,
    openBoard,
  }) => {
    const event = await api.createEvent()
    const board = await openBoard(event.links.tables[0]!.board)
    await board.capture.writeNote(FIRST)

    const gallery = new GalleryPage(page)
    await gallery.open(event.links.gallery, 3)
    await gallery.expectTileShows('Sprache', [FIRST])
    await gallery.tile('Sprache').click()
    await gallery.expectTableShown('Sprache')
    await expect(gallery.stationShown).toHaveText('Station 1 von 2: Station 1')

    await nextStation(server.baseUrl, event)
    await expect(board.stationQuestions).toHaveText(['Was brauchen wir?'])
    await board.capture.writeNote(SECOND)

    // The current station, live: station 2 and its notes; station 1 is out of the picture.
    await expect(gallery.stationShown).toHaveText('Station 2 von 2: Station 2')
    const questions = gallery.sequence.getByRole('list', { name: /Leitfragen/ })
    await expect(questions).toHaveText('Was brauchen wir?')
    await gallery.expectNotesOnScreen([SECOND], [FIRST])

    // Filtered to station 1: its notes, on the board and on the tile.
    await gallery.chooseStation(0)
    await expect(gallery.stationShown).toHaveText('Station 1 von 2: Station 1')
    await gallery.expectNotesOnScreen([FIRST], [SECOND])
    await gallery.press('Escape')
    await gallery.expectTileShows('Sprache', [FIRST], [SECOND])
    await expect(gallery.tile('Sprache')).toHaveAttribute('data-focus', 'station:0')

    // All stations: the whole board.
    await gallery.chooseStation('all')
    await gallery.expectTileShows('Sprache', [FIRST, SECOND])
    await gallery.chooseStation('current')
    await gallery.expectTileShows('Sprache', [SECOND], [FIRST])
  })

  test('advances by itself when asked, and pauses on input', async ({ api, page }) => {
    const event = await api.createEvent()
    const gallery = new GalleryPage(page)
    await gallery.open(event.links.gallery, 3)

    await gallery.chooseAutoAdvance(10)
    await gallery.expectTableShown('Sprache')
    await expect(gallery.countdown).toHaveText(/^Weiter in \d+ s$/)
    // Nobody touches anything: the next table comes on its own.
    await expect(gallery.currentTable).toHaveText('Thementisch: Arbeit', { timeout: 15_000 })

    // Any key holds it; the button carries on.
    await gallery.press('Shift')
    await expect(gallery.countdown).toHaveText('Angehalten')
    await expect(gallery.autoAdvanceToggle).toHaveText('Fortsetzen')
    await gallery.autoAdvanceToggle.click()
    await expect(gallery.countdown).toHaveText(/^Weiter in \d+ s$/)
    await gallery.autoAdvanceToggle.click()
    await expect(gallery.countdown).toHaveText('Angehalten')
    await expect(gallery.currentTable).toHaveText('Thementisch: Arbeit')

    await gallery.chooseAutoAdvance(null)
    await expect(gallery.countdown).toHaveCount(0)
  })
})
