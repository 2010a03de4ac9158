import { strFromU8 } from 'fflate'
import { stationLayout, type SnapshotSummary } from '@tablecloth/shared'
import type { BoardPage } from '../fixtures/BoardPage'
import { BoardImagesBlock, pngFacts, svgFacts, YELLOW_NOTE } from '../fixtures/boardImagesZip'
import type { ControlRoomPage } from '../fixtures/ControlRoomPage'
import { cafeConfig, organiserAccessOf } from '../fixtures/eventApi'
import { expect, test } from '../fixtures/fixtures'

const STATIONS = [
  { title: 'Ankommen', columns: ['Was läuft gut?', 'Wo hakt es?'], durationMinutes: 45 },
  { title: 'Bleiben', columns: ['Was brauchen wir?'], durationMinutes: 30 },
  { title: 'Abschluss', columns: ['Was nehmen wir mit?'], durationMinutes: 20 },
]
const TITLE = 'Zukunftswerkstatt „Winnenden“'

/** Notes per table, station and column, written on the moderators' boards. */
const NOTES: Record<'first' | 'second', string[][][]> = {
  first: [
    [['Sprachcafé „donnerstags“ ☕'], ['مقهى اللغة يساعدنا كثيرا']],
    [['Mehr Ehrenamtliche gesucht 🙌']],
    [['Weitermachen im Frühjahr 🌱']],
  ],
  second: [
    [['Ausbildung läuft gut 👍', 'Übergänge in Arbeit'], ['Zu wenige Praktikumsplätze „vor Ort“']],
    [['Anerkennung der Abschlüsse dauert']],
    [['Noch nicht gesichert']],
  ],
}

/** The folders the ZIP names after the tables: numbered, with path separators made safe. */
const FOLDERS = { first: '01-Sprache & Begegnung', second: '02-Arbeit-Beruf' }
const STEMS = ['station-1-Ankommen', 'station-2-Bleiben', 'station-3-Abschluss']

/** An image in the ZIP and what it must show. */
interface Expected {
  table: 'first' | 'second'
  stationIndex: number
  path: string
}

const EXPECTED: Expected[] = [
  { table: 'first', stationIndex: 0, path: `${FOLDERS.first}/${STEMS[0]}` },
  { table: 'first', stationIndex: 1, path: `${FOLDERS.first}/${STEMS[1]}` },
  // Running, drawn from the state kept before a restore.
  { table: 'first', stationIndex: 2, path: `${FOLDERS.first}/${STEMS[2]}` },
  { table: 'second', stationIndex: 0, path: `${FOLDERS.second}/${STEMS[0]}` },
  { table: 'second', stationIndex: 1, path: `${FOLDERS.second}/${STEMS[1]}` },
]

test.describe('board images', () => {
  test.use({ viewport: { width: 1400, height: 900 } })

  test('the control room downloads every table at every station as SVG and PNG in one ZIP', async ({
    api,
    server,
    openBoard,
    openControlRoom,
  }, testInfo) => {
    test.setTimeout(240_000)
    const event = await api.createEvent(
      cafeConfig({
        title: TITLE,
        tables: [
          { topic: 'Sprache & Begegnung', moderator: 'Ana' },
          { topic: 'Arbeit/Beruf', moderator: 'Ben' },
        ],
        stations: STATIONS,
      }),
    )
    const access = organiserAccessOf(event.links.control)
    const tables = { first: event.links.tables[0]!, second: event.links.tables[1]! }
    const control = await openControlRoom(event.links.control)
    const boards = {
      first: await openBoard(tables.first.board),
      second: await openBoard(tables.second.board),
    }

    const organiser = async (path: string) => {
      const response = await fetch(new URL(`/api/events/${encodeURIComponent(event.id)}${path}`, server.baseUrl), {
        method: 'POST',
        headers: { authorization: `Bearer ${access.organiserToken}` },
      })
      expect(response.status, `POST ${path}`).toBe(200)
    }

    for (const stationIndex of [0, 1, 2]) {
      await test.step(`both tables write station ${stationIndex + 1}`, async () => {
        const station = STATIONS[stationIndex]!
        await expect(control.stationHeading).toHaveText(`Station ${stationIndex + 1} von 3: ${station.title}`)
        for (const table of ['first', 'second'] as const) {
          await expect(boards[table].stationQuestions).toHaveText(station.columns)
          await writeStation(boards[table], NOTES[table][stationIndex]!)
          await expectCounts(control, tables[table].id, NOTES[table][stationIndex]!)
        }
        if (stationIndex < 2) await organiser('/stations/next')
      })
    }

    await test.step('a restore on the first table keeps its running station as a snapshot', async () => {
      const station2 = (await api.snapshots(access)).find(
        (snapshot) => snapshot.tableId === tables.first.id && snapshot.stationIndex === 1,
      )!
      await organiser(`/snapshots/${station2.id}/restore`)
    })

    const images = new BoardImagesBlock(control.page)
    const zip = await test.step('the organiser downloads the board images by keyboard', async () => {
      await expect(images.button).toHaveText('Tafelbilder herunterladen (ZIP)')
      const zip = await images.download()
      await expect(images.button, 'the button keeps the keyboard focus').toBeFocused()
      return zip
    })
    const snapshots = await api.snapshots(access)

    await test.step('the ZIP is named after the event and holds the images and a README', async () => {
      expect(zip.fileName).toBe(`${TITLE}-Tafelbilder.zip`)
      expect(Object.keys(zip.files).sort()).toEqual(
        ['README.txt', ...EXPECTED.flatMap(({ path }) => [`${path}.png`, `${path}.svg`])].sort(),
      )
      expect(zip.statuses[0]).toBe('Bilder werden vorbereitet …')
      expect(zip.statuses.filter((status) => status.startsWith('Bild '))).toEqual(
        EXPECTED.map((_, index) => `Bild ${index + 1} von ${EXPECTED.length} …`),
      )
      expect(zip.statuses.at(-1)).toBe(`${EXPECTED.length} Tafelbilder gespeichert: ${zip.fileName}`)
    })

    await test.step('every SVG is well-formed, stands alone and shows exactly its station’s notes', async () => {
      for (const image of EXPECTED) {
        const svg = await svgFacts(control.page, strFromU8(zip.files[`${image.path}.svg`]!))
        expect(svg.wellFormed, image.path).toBe(true)
        expect(svg.outsideReferences, image.path).toEqual([])
        expect(svg.embeddedFonts, `${image.path}: tldraw's fonts embedded`).toBeGreaterThan(0)
        const layout = stationLayout(image.stationIndex, STATIONS[image.stationIndex]!.columns.length)
        expect([svg.width, svg.height], `${image.path}: the station's band with a margin`).toEqual([
          layout.frame.w + 80,
          layout.frame.h + 80,
        ])
        expect(svg.text, image.path).toContain(STATIONS[image.stationIndex]!.title)
        for (const question of STATIONS[image.stationIndex]!.columns) expect(svg.text, image.path).toContain(question)
        for (const table of ['first', 'second'] as const) {
          NOTES[table].forEach((station, stationIndex) => {
            for (const text of station.flat()) {
              const shown = table === image.table && stationIndex === image.stationIndex
              expect(svg.text.includes(text), `${image.path}: "${text}"`).toBe(shown)
            }
          })
        }
      }
    })

    await test.step('every PNG is twice the SVG’s size and shows its notes', async () => {
      const sizes: string[] = []
      for (const image of EXPECTED) {
        const svg = await svgFacts(control.page, strFromU8(zip.files[`${image.path}.svg`]!))
        const png = pngFacts(zip.files[`${image.path}.png`]!, YELLOW_NOTE)
        expect([png.width, png.height], image.path).toEqual([svg.width * 2, svg.height * 2])
        // A 200-unit note is 400 × 400 pixels at 2×; its text and rounded shadow take some.
        const notes = NOTES[image.table][image.stationIndex]!.flat().length
        expect(png.colourPixels, `${image.path}: yellow note pixels`).toBeGreaterThan(notes * 100_000)
        expect(png.colourPixels, `${image.path}: yellow note pixels`).toBeLessThan(notes * 160_000 + 1)
        expect(png.inkPixels, `${image.path}: more than the notes is drawn`).toBeGreaterThan(png.colourPixels)
        sizes.push(`${image.path}.png ${png.width}×${png.height} ${zip.files[`${image.path}.png`]!.length} B`)
      }
      testInfo.annotations.push(
        { type: 'board images', description: `${zip.bytes.length} B ZIP in ${zip.millis} ms` },
        { type: 'png sizes', description: sizes.join('; ') },
      )
      await testInfo.attach(zip.fileName, { body: Buffer.from(zip.bytes), contentType: 'application/zip' })
    })

    await test.step('the README names each image’s snapshot, and why the second table has none for station 3', async () => {
      const readme = strFromU8(zip.files['README.txt']!)
      const lines = readme.split('\r\n')
      expect(lines[0]).toBe(`Tafelbilder: ${TITLE}`)
      const section = (table: 'first' | 'second') => {
        const start = lines.indexOf(`${FOLDERS[table]}/`)
        expect(start, `${FOLDERS[table]}/ in README.txt`).toBeGreaterThan(0)
        const end = lines.indexOf('', start)
        return lines.slice(start, end === -1 ? undefined : end)
      }
      const id = (table: 'first' | 'second', stationIndex: number, reason: SnapshotSummary['reason']) =>
        latestSnapshot(snapshots, tables[table].id, stationIndex, reason).id
      expect(section('first')).toEqual([
        `${FOLDERS.first}/`,
        '  Thementisch 1: Sprache & Begegnung',
        '  Station 1: Ankommen',
        `    Dateien: ${STEMS[0]}.svg, ${STEMS[0]}.png`,
        expect.stringMatching(sourceLine('Stand beim Stationswechsel', id('first', 0, 'station-change'))),
        '  Station 2: Bleiben',
        `    Dateien: ${STEMS[1]}.svg, ${STEMS[1]}.png`,
        expect.stringMatching(sourceLine('Stand beim Stationswechsel', id('first', 1, 'station-change'))),
        '  Station 3: Abschluss',
        `    Dateien: ${STEMS[2]}.svg, ${STEMS[2]}.png`,
        expect.stringMatching(
          sourceLine('Station läuft noch; Stand vor einer Wiederherstellung', id('first', 2, 'pre-restore')),
        ),
      ])
      expect(section('second')).toEqual([
        `${FOLDERS.second}/`,
        '  Thementisch 2: Arbeit/Beruf',
        '  Station 1: Ankommen',
        `    Dateien: ${STEMS[0]}.svg, ${STEMS[0]}.png`,
        expect.stringMatching(sourceLine('Stand beim Stationswechsel', id('second', 0, 'station-change'))),
        '  Station 2: Bleiben',
        `    Dateien: ${STEMS[1]}.svg, ${STEMS[1]}.png`,
        expect.stringMatching(sourceLine('Stand beim Stationswechsel', id('second', 1, 'station-change'))),
        '  Station 3: Abschluss',
        '    Kein Bild: Die Station läuft noch, und von ihr ist noch kein Stand gesichert.',
      ])
    })
  })

  test('says so when no board has been saved yet', async ({ api, openControlRoom }) => {
    const event = await api.createEvent()
    const control = await openControlRoom(event.links.control)
    const images = new BoardImagesBlock(control.page)
    await images.button.focus()
    await control.page.keyboard.press('Enter')
    await expect(images.status).toHaveText(
      'Noch kein Board gesichert. Tafelbilder gibt es ab dem ersten Stationswechsel („Boards sichern und weiter“).',
    )
    await expect(images.button).toBeFocused()
  })
})

/** Types a station's notes into its columns, left to right, from the capture bar. */
async function writeStation(board: BoardPage, columns: string[][]): Promise<void> {
  for (const [index, notes] of columns.entries()) {
    if (index > 0) await board.capture.nextColumn()
    for (const text of notes) await board.capture.writeNote(text)
  }
}

/** Waits until the server holds the notes: the control room counts them per column. */
async function expectCounts(control: ControlRoomPage, tableId: string, columns: string[][]): Promise<void> {
  for (const [index, notes] of columns.entries()) {
    await expect(control.columnCount(tableId, index)).toHaveText(String(notes.length))
  }
}

function latestSnapshot(
  snapshots: SnapshotSummary[],
  tableId: string,
  stationIndex: number,
  reason: SnapshotSummary['reason'],
): SnapshotSummary {
  const matching = snapshots.filter(
    (snapshot) => snapshot.tableId === tableId && snapshot.stationIndex === stationIndex && snapshot.reason === reason,
  )
  expect(matching.length, `${reason} snapshots of ${tableId} at station ${stationIndex + 1}`).toBeGreaterThan(0)
  return matching.at(-1)!
}

/** "    Quelle: <what>, <date and time> (Snapshot <id>)" */
function sourceLine(what: string, snapshotId: string): RegExp {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`^    Quelle: ${escape(what)}, \\d{2}\\.\\d{2}\\.\\d{4}, \\d{2}:\\d{2}:\\d{2} \\(Snapshot ${escape(snapshotId)}\\)$`)
}
