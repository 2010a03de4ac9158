import { writeFile } from 'node:fs/promises'
import type { CreateEventResponse } from '@tablecloth/shared'
import { auditAccessibility } from '../fixtures/accessibilityAudit'
import { giveDots } from '../fixtures/dotVotes'
import { organiserAccessOf } from '../fixtures/eventApi'
import { expect, test } from '../fixtures/fixtures'
import {
  closingRoundConfig,
  notesPerColumn,
  QUESTIONS,
  TOPICS,
  writeClosingRound,
} from '../fixtures/galleryDay'
import { GalleryPage, type ShownNote } from '../fixtures/GalleryPage'
import { chooseLanguage } from '../fixtures/languageSwitch'

/** The room's screen. */
test.use({ viewport: { width: 1920, height: 1080 } })

/**
 * The smallest note text a tile may draw at 1920×1080 with 12 tables, in
 * CSS pixels (`TILE_MIN_FONT_PX` in client/src/gallery/roomSizes.ts).
 */
const TILE_FLOOR_PX = 14
/** The smallest note text in sequence mode: the room view's projector floor. */
const SEQUENCE_FLOOR_PX = 18

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

/** What is wrong with the notes a tile or the sequence draws, if anything: one line per problem. */
function unreadable(notes: ShownNote[], floorPx: number): string[] {
  return notes.flatMap((note) => [
    ...(note.fontPx < floorPx - 0.01 ? [`"${note.text}" at ${note.fontPx.toFixed(1)} px`] : []),
    ...(note.spills ? [`"${note.text}" spills out of its card`] : []),
    ...(note.inside ? [] : [`"${note.text}" lies outside its tile`]),
  ])
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

    // The grid: every table with its topic and the notes of its board, as the room view draws them.
    expect(await gallery.tileTopics()).toEqual(['Sprache', 'Arbeit', 'Wohnen'])
    await gallery.expectTileShows('Sprache', SPRACHE, ARBEIT)
    await gallery.expectTileShows('Arbeit', ARBEIT, SPRACHE)
    // An empty board still shows its questions.
    await expect
      .poll(() => gallery.tileQuestions('Wohnen'))
      .toEqual(['Was läuft gut?', 'Wo hakt es?'])
    await expect(gallery.canvases, 'no tldraw editor in the gallery').toHaveCount(0)
    expect(sockets.filter((path) => path.startsWith('/sync/')).sort()).toEqual(
      event.links.tables.map((table) => `/sync/${event.id}/${table.id}`).sort(),
    )

    // A note written now reaches its tile by itself.
    await arbeitBoard.capture.writeNote(LATE_NOTE)
    await gallery.expectTileShows('Arbeit', [...ARBEIT, LATE_NOTE])
    await page.screenshot({ path: testInfo.outputPath('gallery-grid-small.png') })
    const gridAudit = await auditAccessibility(page, 'gallery: grid')
    expect(gridAudit.blocking).toEqual([])

    // Sequence mode: G, then the arrow keys and a clicker's PageDown / PageUp.
    await expect(gallery.tileButton('Sprache')).toBeFocused()
    await gallery.press('g')
    await gallery.expectTableShown('Sprache')
    await expect(gallery.sequence.getByText('Moderation: Ana')).toBeVisible()
    await gallery.expectNotesOnScreen(SPRACHE)
    await expect(gallery.position).toHaveText('Tisch 1 von 3')
    await expect(gallery.canvases).toHaveCount(0)

    await gallery.press('ArrowRight')
    await gallery.expectTableShown('Arbeit')
    await gallery.expectNotesOnScreen([...ARBEIT, LATE_NOTE])
    await page.screenshot({ path: testInfo.outputPath('gallery-sequence-small.png') })
    const audit = await auditAccessibility(page, 'gallery: sequence')
    expect(audit.blocking).toEqual([])
    await gallery.press('PageDown')
    await gallery.expectTableShown('Wohnen')
    await expect(gallery.position).toHaveText('Tisch 3 von 3')
    // The end of the day (one station so far): nowhere further.
    await gallery.press('PageDown')
    await gallery.expectTableShown('Wohnen')
    await expect(page.getByTestId('gallery-next')).toBeDisabled()
    await gallery.press('PageUp')
    await gallery.expectTableShown('Arbeit')

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
    await expect(gallery.tileButton('Arbeit')).toBeFocused()
    await gallery.expectTileShows('Arbeit', ['Mentoring für Azubis'])

    // A click on a tile opens that table large.
    await gallery.tile('Wohnen').click()
    await gallery.expectTableShown('Wohnen')

    await chooseLanguage(page, 'en')
    await expect(gallery.currentTable).toHaveText('Table 3 – Wohnen')
    await expect(page).toHaveTitle('Gallery · Zukunftswerkstatt Winnenden · Tablecloth')
  })

  test('goes through the whole day station by station, with the dots on the notes', async ({
    api,
    page,
    server,
    openBoard,
  }) => {
    const event = await api.createEvent()
    const board = await openBoard(event.links.tables[0]!.board)
    await board.capture.writeNote(FIRST)
    await giveDots(board.page, FIRST, 3)

    const gallery = new GalleryPage(page)
    await gallery.open(event.links.gallery, 3)
    await expect(gallery.stationPosition).toHaveText('Station 1 von 2')
    await gallery.expectTileShows('Sprache', [FIRST])
    // Dots show wherever notes show.
    await expect
      .poll(
        async () => (await gallery.tileNotes('Sprache')).find((note) => note.text === FIRST)?.dots,
      )
      .toBe('3')
    // Station 2 has not started: nothing to step to.
    await expect(gallery.nextStationButton).toBeDisabled()
    await gallery.press('s')
    await expect(gallery.stationPosition).toHaveText('Station 1 von 2')

    await nextStation(server.baseUrl, event)
    await expect(board.stationQuestions).toHaveText(['Was brauchen wir?'])
    await board.capture.writeNote(SECOND)

    // The gallery stays on the station it shows; the next one can now be stepped to.
    await expect(gallery.nextStationButton).toBeEnabled()
    await expect(gallery.stationPosition).toHaveText('Station 1 von 2')
    await gallery.expectTileShows('Sprache', [FIRST], [SECOND])

    // S: every table at station 2. Shift+S: back to station 1.
    await gallery.press('s')
    await expect(gallery.stationPosition).toHaveText('Station 2 von 2')
    await gallery.expectTileShows('Sprache', [SECOND], [FIRST])
    await expect.poll(() => gallery.tileQuestions('Wohnen')).toEqual(['Was brauchen wir?'])
    await expect(gallery.tile('Sprache')).toHaveAttribute('data-station-index', '1')
    await gallery.press('Shift+S')
    await expect(gallery.stationPosition).toHaveText('Station 1 von 2')
    await gallery.expectTileShows('Sprache', [FIRST], [SECOND])
    await gallery.nextStationButton.click()
    await expect(gallery.stationPosition).toHaveText('Station 2 von 2')
    await gallery.previousStationButton.click()
    await expect(gallery.stationPosition).toHaveText('Station 1 von 2')

    // One by one, a clicker's Page Down walks station 1 on every table, then station 2.
    await gallery.tileButton('Sprache').focus()
    await gallery.press('g')
    const walk: string[] = []
    for (let step = 0; step < 6; step++) {
      await expect(gallery.sequence.getByTestId('room-station')).toBeVisible()
      walk.push(
        `${await gallery.stationShown.textContent()} · ${await gallery.currentTable.textContent()}`,
      )
      if (step < 5) await gallery.press('PageDown')
    }
    expect(walk).toEqual([
      'Station 1 von 2 · Tisch 1 – Sprache',
      'Station 1 von 2 · Tisch 2 – Arbeit',
      'Station 1 von 2 · Tisch 3 – Wohnen',
      'Station 2 von 2 · Tisch 1 – Sprache',
      'Station 2 von 2 · Tisch 2 – Arbeit',
      'Station 2 von 2 · Tisch 3 – Wohnen',
    ])
    await gallery.press('Home')
    await gallery.expectTableShown('Sprache')
    await gallery.expectNotesOnScreen([SECOND], [FIRST])
    await gallery.press('PageUp')
    await expect(gallery.stationShown).toHaveText('Station 1 von 2')
    await gallery.expectTableShown('Wohnen')
    await gallery.press('Home')
    await gallery.expectNotesOnScreen([FIRST], [SECOND])
    const large = (await gallery.sequenceNotes()).find((note) => note.text === FIRST)
    expect(large?.dots).toBe('3')
  })

  test('advances by itself when asked, and pauses on input', async ({ api, page }) => {
    const event = await api.createEvent()
    const gallery = new GalleryPage(page)
    await gallery.open(event.links.gallery, 3)

    await gallery.chooseAutoAdvance(10)
    await gallery.expectTableShown('Sprache')
    await expect(gallery.countdown).toHaveText(/^Weiter in \d+ s$/)
    // Nobody touches anything: the next table comes on its own.
    await expect(gallery.currentTable).toHaveText('Tisch 2 – Arbeit')

    // Any key holds it; the button carries on.
    await gallery.press('Shift')
    await expect(gallery.countdown).toHaveText('Angehalten')
    await expect(gallery.autoAdvanceToggle).toHaveText('Fortsetzen')
    await gallery.autoAdvanceToggle.click()
    await expect(gallery.countdown).toHaveText(/^Weiter in \d+ s$/)
    await gallery.autoAdvanceToggle.click()
    await expect(gallery.countdown).toHaveText('Angehalten')
    await expect(gallery.currentTable).toHaveText('Tisch 2 – Arbeit')

    await gallery.chooseAutoAdvance(null)
    await expect(gallery.countdown).toHaveCount(0)
  })

  test('12 tables at 1920×1080: every tile’s notes readable, inside the tile, the rest paged', async ({
    api,
    page,
    server,
    openBoard,
  }, testInfo) => {
    test.setTimeout(360_000)
    const event = await api.createEvent(closingRoundConfig())
    const written = await writeClosingRound(server.baseUrl, event)
    // Dots on two notes of the first table, given at its board.
    const board = await openBoard(event.links.tables[0]!.board)
    await expect.poll(async () => (await board.notes()).length).toBe(written[0])
    await giveDots(board.page, 'Sprachcafé donnerstags im Familienzentrum', 7)
    await giveDots(board.page, 'Kinderbetreuungsangebote während der Integrationskurse', 2)

    const gallery = new GalleryPage(page)
    const opened = Date.now()
    await gallery.open(event.links.gallery, TOPICS.length)
    await gallery.expectGridDrawn()
    const gridMillis = Date.now() - opened

    const sizes: number[] = []
    const paged: string[] = []
    for (const [tableIndex, { topic }] of TOPICS.entries()) {
      await test.step(`${topic}: readable, inside its tile, the rest paged`, async () => {
        const tile = gallery.tile(topic)
        await expect.poll(() => gallery.tileQuestions(topic)).toEqual([...QUESTIONS])
        // The room's pages turn on the wall clock (client/src/room/roomPaging.ts), so a tile may
        // open on the last page of both columns, with a note or two each: wait for a fuller page.
        await expect
          .poll(async () => (await gallery.tileNotes(topic)).length, {
            message: `${topic}: some notes on the tile`,
            timeout: 120_000,
          })
          .toBeGreaterThan(3)
        const notes = await gallery.tileNotes(topic)
        expect(notes.length, `${topic}: some notes on the tile`).toBeGreaterThan(0)
        expect(unreadable(notes, TILE_FLOOR_PX), topic).toEqual([])
        sizes.push(...notes.map((note) => note.fontPx))
        // Every note is on the tile now or counted in „noch n Karten“ under its column.
        const columns = tile.getByTestId('room-column')
        for (const columnIndex of [0, 1]) {
          const column = columns.nth(columnIndex)
          const total = notesPerColumn(tableIndex, columnIndex)
          await expect(column).toHaveAttribute('data-notes', String(total))
          const shown = await column.getByTestId('room-note').count()
          if (shown < total) {
            await expect(column.getByTestId('room-more')).toContainText(
              `noch ${total - shown} Karte`,
            )
            paged.push(`${topic} ${columnIndex + 1}: ${shown}/${total}`)
          } else {
            await expect(column.getByTestId('room-more')).toHaveCount(0)
          }
        }
      })
    }
    const smallest = Math.min(...sizes)
    testInfo.annotations.push(
      { type: 'smallest tile text', description: `${smallest.toFixed(1)} px` },
      { type: 'grid complete', description: `${gridMillis} ms from opening the link` },
      { type: 'paged columns', description: paged.join('; ') },
    )
    await page.screenshot({ path: testInfo.outputPath('gallery-grid-12.png') })

    // One table large, as the projector shows it, with its dots.
    await gallery.tileButton('Sprache').click()
    await gallery.expectTableShown('Sprache')
    await expect(
      gallery.sequence.locator('[data-testid="gallery-station-view"][data-fitted="true"]'),
    ).toHaveCount(1)
    const large = await gallery.sequenceNotes()
    const dots = Object.fromEntries(
      large.filter((note) => note.dots).map((note) => [note.text, note.dots]),
    )
    expect(dots).toEqual({
      'Sprachcafé donnerstags im Familienzentrum': '7',
      'Kinderbetreuungsangebote während der Integrationskurse': '2',
    })
    expect(large.length).toBeGreaterThan(6)
    expect(unreadable(large, SEQUENCE_FLOOR_PX)).toEqual([])
    testInfo.annotations.push({
      type: 'smallest sequence text',
      description: `${Math.min(...large.map((note) => note.fontPx)).toFixed(1)} px`,
    })
    await page.screenshot({ path: testInfo.outputPath('gallery-sequence-12.png') })
    const figures = testInfo.annotations.map(({ type, description }) => `${type}: ${description}`)
    await testInfo.attach('figures.txt', { body: figures.join('\n'), contentType: 'text/plain' })
    await writeFile(testInfo.outputPath('figures.txt'), figures.join('\n'))
  })
})
