import { writeFile } from 'node:fs/promises'
import { strFromU8 } from 'fflate'
import { stationLayout, type SnapshotSummary } from '@tablecloth/shared'
import type { BoardPage } from '../fixtures/BoardPage'
import {
  BADGE_VIOLET,
  BoardImagesBlock,
  pngFacts,
  svgFacts,
  svgVoteBadges,
  YELLOW_NOTE,
} from '../fixtures/boardImagesZip'
import { giveDots } from '../fixtures/dotVotes'
import type { ControlRoomPage } from '../fixtures/ControlRoomPage'
import { cafeConfig, organiserAccessOf } from '../fixtures/eventApi'
import { expect, test } from '../fixtures/fixtures'

const STATIONS = [
  { title: 'Ankommen', columns: ['Was läuft gut?', 'Wo hakt es?'], durationMinutes: 45 },
  { title: 'Bleiben', columns: ['Was brauchen wir?'], durationMinutes: 30 },
  { title: 'Abschluss', columns: ['Was nehmen wir mit?'], durationMinutes: 20 },
]
const TITLE = 'Zukunftswerkstatt „Winnenden“'

/** A word longer than a note's line even at the smallest text: the board hyphenates it. */
const LONG_WORD_NOTE = 'Kinderbetreuungsangebote am Wochenende'

/** Notes per table, station and column, written on the moderators' boards. */
const NOTES: Record<'first' | 'second', string[][][]> = {
  first: [
    [['Sprachcafé „donnerstags“ ☕'], ['مقهى اللغة يساعدنا كثيرا']],
    [['Mehr Ehrenamtliche gesucht 🙌']],
    [['Weitermachen im Frühjahr 🌱']],
  ],
  second: [
    [
      ['Ausbildung läuft gut 👍', 'Übergänge in Arbeit'],
      ['Zu wenige Praktikumsplätze „vor Ort“', LONG_WORD_NOTE],
    ],
    [['Anerkennung der Abschlüsse dauert']],
    [['Noch nicht gesichert']],
  ],
}

/** Written on the second table's board just before the download: only the live board holds it. */
const LATE_NOTE = 'Kurz vor dem Herunterladen: Fahrdienst „Ehrenamt“'
/** Dots given at the boards: station 1 before its snapshot, station 3 on the live board. */
const DOTS = {
  ended: { text: 'Sprachcafé „donnerstags“ ☕', dots: 4 },
  live: { text: 'Noch nicht gesichert', dots: 12 },
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
  // Running: drawn from the live board.
  { table: 'first', stationIndex: 2, path: `${FOLDERS.first}/${STEMS[2]}` },
  { table: 'second', stationIndex: 0, path: `${FOLDERS.second}/${STEMS[0]}` },
  { table: 'second', stationIndex: 1, path: `${FOLDERS.second}/${STEMS[1]}` },
  { table: 'second', stationIndex: 2, path: `${FOLDERS.second}/${STEMS[2]}` },
]

/** The notes an image must show: its table's notes at its station, and the late note on the live one. */
function notesOf(image: Expected): string[] {
  const notes = NOTES[image.table][image.stationIndex]!.flat()
  return image.table === 'second' && image.stationIndex === 2 ? [...notes, LATE_NOTE] : notes
}

test.describe('board images', () => {
  test.use({ viewport: { width: 1400, height: 900 } })

  test('the control room downloads every table at every station as SVG and PNG in one ZIP, the running one live, with dots', async ({
    api,
    server,
    openBoard,
    openControlRoom,
  }, testInfo) => {
    test.setTimeout(480_000)
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
      const response = await fetch(
        new URL(`/api/events/${encodeURIComponent(event.id)}${path}`, server.baseUrl),
        {
          method: 'POST',
          headers: { authorization: `Bearer ${access.organiserToken}` },
        },
      )
      expect(response.status, `POST ${path}`).toBe(200)
    }

    /** A note's dots as the server's live board holds them (the organiser's board endpoint). */
    const serverVotes = async (tableId: string, text: string) => {
      const url = new URL(
        `/api/events/${encodeURIComponent(event.id)}/tables/${tableId}/board`,
        server.baseUrl,
      )
      const response = await fetch(url, {
        headers: { authorization: `Bearer ${access.organiserToken}` },
      })
      const { records } = (await response.json()) as {
        records: Array<{ type?: string; meta?: { votes?: number } }>
      }
      return (
        records.find((record) => record.type === 'note' && JSON.stringify(record).includes(text))
          ?.meta?.votes ?? 0
      )
    }

    for (const stationIndex of [0, 1, 2]) {
      await test.step(`both tables write station ${stationIndex + 1}`, async () => {
        const station = STATIONS[stationIndex]!
        await expect(control.stationHeading).toHaveText(
          `Station ${stationIndex + 1} von 3: ${station.title}`,
        )
        for (const table of ['first', 'second'] as const) {
          await expect(boards[table].stationQuestions).toHaveText(station.columns)
          await writeStation(boards[table], NOTES[table][stationIndex]!)
          await expectCounts(control, tables[table].id, NOTES[table][stationIndex]!)
        }
        // Dots on station 1 before its snapshot is taken; on the running station at the end.
        if (stationIndex === 0) {
          await giveDots(boards.first.page, DOTS.ended.text, DOTS.ended.dots)
          await expect
            .poll(() => serverVotes(tables.first.id, DOTS.ended.text))
            .toBe(DOTS.ended.dots)
        }
        if (stationIndex === 2) {
          await giveDots(boards.second.page, DOTS.live.text, DOTS.live.dots)
          await expect
            .poll(() => serverVotes(tables.second.id, DOTS.live.text))
            .toBe(DOTS.live.dots)
        }
        if (stationIndex < 2) await organiser('/stations/next')
      })
    }

    await test.step('the second table writes one more note just before the download', async () => {
      await boards.second.capture.writeNote(LATE_NOTE)
      await expectCounts(control, tables.second.id, [[...NOTES.second[2]![0]!, LATE_NOTE]])
    })

    const images = new BoardImagesBlock(control.page)
    const zip =
      await test.step('the organiser downloads the board images by keyboard', async () => {
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
      expect(zip.statuses.at(-1)).toBe(
        `${EXPECTED.length} Tafelbilder gespeichert: ${zip.fileName}`,
      )
    })

    await test.step('every SVG is well-formed, stands alone and shows exactly its station’s notes', async () => {
      for (const image of EXPECTED) {
        const svg = await svgFacts(control.page, strFromU8(zip.files[`${image.path}.svg`]!))
        expect(svg.wellFormed, image.path).toBe(true)
        expect(svg.outsideReferences, image.path).toEqual([])
        expect(svg.embeddedFonts, `${image.path}: tldraw's fonts embedded`).toBeGreaterThan(0)
        const layout = stationLayout(
          image.stationIndex,
          STATIONS[image.stationIndex]!.columns.length,
        )
        expect([svg.width, svg.height], `${image.path}: the station's band with a margin`).toEqual([
          layout.frame.w + 80,
          layout.frame.h + 80,
        ])
        expect(svg.text, image.path).toContain(STATIONS[image.stationIndex]!.title)
        for (const question of STATIONS[image.stationIndex]!.columns)
          expect(svg.text, image.path).toContain(question)
        for (const table of ['first', 'second'] as const) {
          NOTES[table].forEach((station, stationIndex) => {
            for (const text of station.flat()) {
              const shown = table === image.table && stationIndex === image.stationIndex
              expect(svg.text.includes(text), `${image.path}: "${text}"`).toBe(shown)
            }
          })
        }
        const late = image.table === 'second' && image.stationIndex === 2
        expect(svg.text.includes(LATE_NOTE), `${image.path}: the note written just before`).toBe(
          late,
        )
        if (image.table === 'second' && image.stationIndex === 0) {
          // Hyphenated at its syllables, as the board draws it: soft hyphens, shown where it breaks.
          const word = svg.hyphenatedText
            .split(' ')
            .find((candidate) => candidate.replaceAll('\u00ad', '') === 'Kinderbetreuungsangebote')
          expect(word, 'the long word, hyphenated').toContain('\u00ad')
        }
      }
    })

    await test.step('dots stand on their notes in the SVG and in the PNG', async () => {
      const dotted = {
        [`${FOLDERS.first}/${STEMS[0]}`]: DOTS.ended.dots,
        [`${FOLDERS.second}/${STEMS[2]}`]: DOTS.live.dots,
      }
      for (const image of EXPECTED) {
        const source = strFromU8(zip.files[`${image.path}.svg`]!)
        const badges = await svgVoteBadges(control.page, source)
        const dots = dotted[image.path]
        expect(
          badges.map((badge) => [badge.votes, badge.text]),
          `${image.path}: dot badges`,
        ).toEqual(dots ? [[String(dots), String(dots)]] : [])
        const png = pngFacts(zip.files[`${image.path}.png`]!, BADGE_VIOLET, 6)
        // A badge is 72 units across: about 16,000 violet pixels at 2×, less its count.
        if (dots)
          expect(png.colourPixels, `${image.path}: violet badge pixels`).toBeGreaterThan(8_000)
        else expect(png.colourPixels, `${image.path}: no badge`).toBeLessThan(200)
      }
    })

    await test.step('every PNG is twice the SVG’s size and shows its notes', async () => {
      const sizes: string[] = []
      for (const image of EXPECTED) {
        const svg = await svgFacts(control.page, strFromU8(zip.files[`${image.path}.svg`]!))
        const png = pngFacts(zip.files[`${image.path}.png`]!, YELLOW_NOTE)
        expect([png.width, png.height], image.path).toEqual([svg.width * 2, svg.height * 2])
        // A 200-unit note is 400 × 400 pixels at 2×; its text and rounded shadow take some,
        // and a note whose text wraps onto more lines grows downwards.
        const notes = notesOf(image).length
        expect(png.colourPixels, `${image.path}: yellow note pixels`).toBeGreaterThan(
          notes * 100_000,
        )
        expect(png.colourPixels, `${image.path}: yellow note pixels`).toBeLessThan(
          notes * 200_000 + 1,
        )
        expect(png.inkPixels, `${image.path}: more than the notes is drawn`).toBeGreaterThan(
          png.colourPixels,
        )
        sizes.push(
          `${image.path}.png ${png.width}×${png.height} ${zip.files[`${image.path}.png`]!.length} B`,
        )
      }
      testInfo.annotations.push(
        { type: 'board images', description: `${zip.bytes.length} B ZIP in ${zip.millis} ms` },
        { type: 'png sizes', description: sizes.join('; ') },
      )
      await writeFile(
        testInfo.outputPath('figures.txt'),
        testInfo.annotations.map(({ type, description }) => `${type}: ${description}`).join('\n'),
      )
      const saved = testInfo.outputPath(zip.fileName)
      await writeFile(saved, zip.bytes)
      await testInfo.attach(zip.fileName, { path: saved, contentType: 'application/zip' })
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
      const id = (
        table: 'first' | 'second',
        stationIndex: number,
        reason: SnapshotSummary['reason'],
      ) => latestSnapshot(snapshots, tables[table].id, stationIndex, reason).id
      const live = (running: boolean) =>
        new RegExp(
          `^    Quelle: ${running ? 'Station läuft noch' : 'Beim Stationswechsel wurde kein Stand gesichert'}; Board live gelesen am \\d{2}\\.\\d{2}\\.\\d{4}, \\d{2}:\\d{2}:\\d{2}$`,
        )
      for (const table of ['first', 'second'] as const) {
        expect(section(table)).toEqual([
          `${FOLDERS[table]}/`,
          `  Thementisch ${table === 'first' ? 1 : 2}: ${table === 'first' ? 'Sprache & Begegnung' : 'Arbeit/Beruf'}`,
          '  Station 1: Ankommen',
          `    Dateien: ${STEMS[0]}.svg, ${STEMS[0]}.png`,
          expect.stringMatching(
            sourceLine('Stand beim Stationswechsel', id(table, 0, 'station-change')),
          ),
          '  Station 2: Bleiben',
          `    Dateien: ${STEMS[1]}.svg, ${STEMS[1]}.png`,
          expect.stringMatching(
            sourceLine('Stand beim Stationswechsel', id(table, 1, 'station-change')),
          ),
          '  Station 3: Abschluss',
          `    Dateien: ${STEMS[2]}.svg, ${STEMS[2]}.png`,
          expect.stringMatching(live(true)),
        ])
      }
      expect(readme).toContain(
        'Die laufende Station zeigt das Board, wie es beim Herunterladen war',
      )
    })
  })

  test('at the first station, before any snapshot, the images come from the live boards', async ({
    api,
    openBoard,
    openControlRoom,
  }) => {
    const event = await api.createEvent()
    const control = await openControlRoom(event.links.control)
    const board = await openBoard(event.links.tables[0]!.board)
    await board.capture.writeNote('Gerade geschrieben')
    await expectCounts(control, event.links.tables[0]!.id, [['Gerade geschrieben']])

    const zip = await new BoardImagesBlock(control.page).download()
    const tables = event.links.tables.length
    expect(zip.statuses.at(-1)).toBe(`${tables} Tafelbilder gespeichert: ${zip.fileName}`)
    const first = Object.keys(zip.files).find(
      (path) => path.startsWith('01-') && path.endsWith('.svg'),
    )!
    const svg = await svgFacts(control.page, strFromU8(zip.files[first]!))
    expect(svg.text).toContain('Gerade geschrieben')
    expect(strFromU8(zip.files['README.txt']!)).toMatch(
      /Quelle: Station läuft noch; Board live gelesen am/,
    )
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
async function expectCounts(
  control: ControlRoomPage,
  tableId: string,
  columns: string[][],
): Promise<void> {
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
    (snapshot) =>
      snapshot.tableId === tableId &&
      snapshot.stationIndex === stationIndex &&
      snapshot.reason === reason,
  )
  expect(
    matching.length,
    `${reason} snapshots of ${tableId} at station ${stationIndex + 1}`,
  ).toBeGreaterThan(0)
  return matching.at(-1)!
}

/** "    Quelle: <what>, <date and time> (Snapshot <id>)" */
function sourceLine(what: string, snapshotId: string): RegExp {
  const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(
    `^    Quelle: ${escapeRegExp(what)}, \\d{2}\\.\\d{2}\\.\\d{4}, \\d{2}:\\d{2}:\\d{2} \\(Snapshot ${escapeRegExp(snapshotId)}\\)$`,
  )
}
