import type { Locator } from '@playwright/test'
import {
  classifyNotes,
  readBoardContents,
  winnendenTemplate,
  type CreateEventResponse,
  type TableLinks,
} from '@tablecloth/shared'
import { BoardPage } from '../fixtures/BoardPage'
import type { ControlRoomPage } from '../fixtures/ControlRoomPage'
import { organiserAccessOf, type EventApi } from '../fixtures/eventApi'
import { expect, test } from '../fixtures/fixtures'
import { readTimer } from '../fixtures/timerReading'

/** The reference day: 11 tables, 3 stations with two questions each. */
const template = winnendenTemplate()

/** The guiding questions of a station of the template (0-based). */
function questionsOf(stationIndex: number): string[] {
  const station = template.stations[stationIndex]
  if (!station) throw new Error(`The template has no station ${stationIndex + 1}`)
  return station.columns
}

const station1 = questionsOf(0)
const station2 = questionsOf(1)

/**
 * What two tables write at station 1, per question (column). Typographic
 * quotes, umlauts and Arabic, as on the day; the counts differ per column so
 * the control room's numbers tell the columns apart.
 */
const notesOfFirstTable = [
  ['„Sprachcafé“ jeden Donnerstag', 'Kinderbetreuung während der Kurse klappt'],
  ['نحتاج إلى دورات لغة في المساء'],
]
const notesOfSecondTable = [
  ['WLAN in allen Unterkünften'],
  [
    '„Digitale Akte“ fehlt noch',
    'مكتب رقمي للمواعيد',
    'Datenschutz bremst Übersetzungs-Apps für Ämter',
  ],
]

const sorted = (texts: string[]) => [...texts].sort()

/** The station bar's title, e.g. "Station 2 von 3": the template's "Station 2" is not said twice. */
const stationTitle = (number: number) => `Station ${number} von ${template.stations.length}`

/** The links of one table of an event (0-based, in config order). */
function tableAt(event: CreateEventResponse, index: number): TableLinks {
  const table = event.links.tables[index]
  if (!table) throw new Error(`The event has no table ${index + 1}`)
  return table
}

/** Writes each column's notes into station 1 of a board, in order. */
async function writeStation1(board: BoardPage, columns: string[][]): Promise<void> {
  for (const [columnIndex, texts] of columns.entries()) {
    for (const text of texts) await board.addNoteToColumn(0, columnIndex, text)
  }
}

/** What a board shows of the day once station 2 runs, with station 1 kept below it, dimmed. */
async function expectAtStation2(board: BoardPage, notes: string[]): Promise<void> {
  await expect(board.stationTitle).toHaveText(stationTitle(2))
  await expect(board.stationQuestions).toHaveText(station2)
  await expect
    .poll(async () => (await board.columns()).map((frame) => [frame.stationIndex, frame.question]))
    .toEqual([
      ...station1.map((question) => [0, question]),
      ...station2.map((question) => [1, question]),
    ])
  // The camera glides over to the new station.
  await expect.poll(() => board.showsStation(1), { message: 'station 2 is in view' }).toBe(true)

  const frames = await board.columns()
  for (const frame of frames) {
    if (frame.stationIndex === 0)
      expect(frame.opacity, `"${frame.question}" is dimmed`).toBeLessThan(1)
    else expect(frame.opacity, `"${frame.question}" is at full strength`).toBe(1)
  }
  const shown = await board.notes()
  expect(sorted(shown.map((note) => note.text))).toEqual(sorted(notes))
  for (const note of shown) {
    expect(
      note.shownOpacity,
      `station 1's note "${note.text}" is dimmed with its column`,
    ).toBeLessThan(1)
  }
}

/**
 * What the control room lists for one table's station-1 snapshot, read in
 * its read-only viewer, question by question.
 */
async function expectSnapshotInViewer(
  control: ControlRoomPage,
  table: TableLinks,
  columns: string[][],
): Promise<void> {
  await control.viewSnapshot(table.id, 'Station 1')
  await expect(control.snapshotViewer.getByRole('heading', { level: 2 })).toContainText(table.title)
  for (const [columnIndex, question] of station1.entries()) {
    await expect(control.snapshotNotes(question), `notes under "${question}"`).toHaveText(
      columns[columnIndex]!,
    )
  }
  await control.closeSnapshot()
}

/** The same snapshot over the HTTP API: its notes, sorted into station 1's questions. */
async function expectSnapshotInApi(
  api: EventApi,
  event: CreateEventResponse,
  table: TableLinks,
  columns: string[][],
): Promise<void> {
  const summaries = await api.snapshots(event)
  const ofTable = summaries.filter((summary) => summary.tableId === table.id)
  expect(ofTable.map((summary) => [summary.reason, summary.stationIndex])).toEqual([
    ['station-change', 0],
  ])
  const { snapshot, records } = await api.snapshot(event, ofTable[0]!.id)
  expect(snapshot.tableId).toBe(table.id)

  const contents = readBoardContents(records)
  const [station] = classifyNotes(contents.notes, contents.columns).stations
  expect(station?.stationId).toBe(snapshot.stationId)
  expect(station?.unsorted).toEqual([])
  expect(station?.columns.map((column) => column.notes.map((note) => note.text))).toEqual(columns)
}

/** Both timers' shown time if they agree, or both readings if not. */
async function sharedReading(first: Locator, second: Locator): Promise<string> {
  const [a, b] = await Promise.all([readTimer(first), readTimer(second)])
  const agree = a.text === b.text && a.state === b.state
  return agree ? `${a.state} ${a.text}` : `${a.state} ${a.text} ≠ ${b.state} ${b.text}`
}

test.describe('a café day', () => {
  test('two tables write, the day moves on, snapshots keep station 1, a restore can be undone', async ({
    api,
    openBoard,
    openSetup,
  }) => {
    const setup = await openSetup()
    await setup.loadTemplate()
    const access = organiserAccessOf(await setup.createEvent())
    // The boards' links are handed out from the control room; the test takes them from the API.
    const event: CreateEventResponse = { ...access, links: await api.links(access) }
    const control = await setup.openControlRoom()
    await expect(control.eventTitle).toHaveText(template.title)
    const first = tableAt(event, 0)
    const second = tableAt(event, 1)
    const third = tableAt(event, 2)
    const ana = await openBoard(first.board, { userName: 'Ana' })
    const ben = await openBoard(second.board, { userName: 'Ben' })
    // A third table's laptop, whose tab is closed during the station change.
    const cem = await openBoard(third.board, { userName: 'Cem' })
    const allOfFirst = notesOfFirstTable.flat()
    const allOfSecond = notesOfSecondTable.flat()

    await test.step('the boards start at station 1 with its questions as columns', async () => {
      await expect(control.stationHeading).toHaveText(stationTitle(1))
      for (const board of [ana, ben, cem]) {
        await expect(board.stationTitle).toHaveText(stationTitle(1))
        await expect(board.stationQuestions).toHaveText(station1)
        expect((await board.columns()).map((frame) => frame.question)).toEqual(station1)
        await expect
          .poll(() => board.showsStation(0), { message: 'station 1 is in view' })
          .toBe(true)
      }
    })

    await test.step('two tables write notes into both questions of station 1', async () => {
      await writeStation1(ana, notesOfFirstTable)
      await writeStation1(ben, notesOfSecondTable)
      expect(await ana.noteTexts()).toEqual(sorted(allOfFirst))
      expect(await ben.noteTexts()).toEqual(sorted(allOfSecond))
      // Every note remembers the station it was written at.
      const { stationId } = await ana.column(0, 0)
      for (const board of [ana, ben]) {
        expect(new Set((await board.notes()).map((note) => note.stationId))).toEqual(
          new Set([stationId]),
        )
      }
    })

    await test.step('the control room shows the boards online and their notes per question', async () => {
      for (const [table, columns] of [
        [first, notesOfFirstTable],
        [second, notesOfSecondTable],
      ] as const) {
        await expect(control.tableStatus(table.id)).toHaveAttribute('data-state', 'online')
        for (const [columnIndex, texts] of columns.entries()) {
          await expect(control.columnCount(table.id, columnIndex)).toHaveText(String(texts.length))
        }
      }
      await expect(control.tableStatus(third.id)).toHaveAttribute('data-state', 'online')
      await expect(control.tableStatus(tableAt(event, 3).id)).toHaveAttribute(
        'data-state',
        'offline',
      )
    })

    await test.step('the third table closes its board', async () => {
      await cem.closeTab()
      await expect(control.tableStatus(third.id)).toHaveAttribute('data-state', 'offline')
    })

    await test.step('the organiser moves on to station 2', async () => {
      await control.advanceStation()
      await expect(control.stationHeading).toHaveText(stationTitle(2))
      // The counts now speak of station 2's questions, which have no notes yet.
      await expect(control.tableCard(first.id).getByRole('rowheader')).toHaveText(station2)
      await expect(control.columnCount(first.id, 0)).toHaveText('0')
    })

    await test.step('both boards show station 2 and keep station 1 below it, dimmed', async () => {
      await expectAtStation2(ana, allOfFirst)
      await expectAtStation2(ben, allOfSecond)
    })

    await test.step('"Station 1 ansehen" looks back, "Aktuelle Station" returns', async () => {
      await ana.lookBackAt(1)
      await expect.poll(() => ana.showsStation(0), { message: 'station 1 is in view' }).toBe(true)
      expect(await ana.showsStation(1), 'station 2 is out of view').toBe(false)
      await ana.showCurrentStation()
      await expect.poll(() => ana.showsStation(1), { message: 'station 2 is in view' }).toBe(true)
    })

    await test.step('a board closed during the change opens at station 2', async () => {
      const reopened = await BoardPage.openIn(cem.page.context(), third.board)
      await expectAtStation2(reopened, [])
    })

    await test.step('each table’s snapshot holds its own notes under the right question', async () => {
      await expectSnapshotInViewer(control, first, notesOfFirstTable)
      await expectSnapshotInViewer(control, second, notesOfSecondTable)
      await expectSnapshotInApi(api, event, first, notesOfFirstTable)
      await expectSnapshotInApi(api, event, second, notesOfSecondTable)
    })

    await test.step('a restore brings a deleted note back live; undoing it removes it again', async () => {
      const deleted = notesOfFirstTable[1]![0]!
      const remaining = sorted(allOfFirst.filter((text) => text !== deleted))
      // A second device at the table: once it sees the deletion, the server has it too.
      const tablet = await openBoard(first.board)
      const loadedAt = await ana.loadedAt()

      await ana.deleteNote(deleted)
      await expect.poll(() => tablet.noteTexts()).toEqual(remaining)

      await control.restoreSnapshot(first.id, 'Station 1')
      await expect(control.undoRestoreButton).toBeVisible()
      await expect.poll(() => ana.noteTexts()).toEqual(sorted(allOfFirst))
      await expect.poll(() => tablet.noteTexts()).toEqual(sorted(allOfFirst))
      expect(await ana.loadedAt(), 'the note came back without a reload').toBe(loadedAt)
      // The restore brings back the notes, not the day: station 2 still runs.
      await expectAtStation2(ana, allOfFirst)

      await control.undoRestore()
      // Undoing ends the offer; it never turns into a redo under the same label.
      await expect(control.undoRestoreButton).toBeHidden()
      await expect.poll(() => ana.noteTexts()).toEqual(remaining)
      await expect.poll(() => tablet.noteTexts()).toEqual(remaining)
      await expect(ana.stationTitle).toHaveText(stationTitle(2))
      expect(await ana.loadedAt()).toBe(loadedAt)
    })
  })

  test('the station timer runs in step in the control room and on the boards', async ({
    api,
    openBoard,
    openControlRoom,
  }) => {
    const event = await api.createEvent(winnendenTemplate())
    const first = tableAt(event, 0)
    const control = await openControlRoom(event.links.control)
    const board = await openBoard(first.board)

    await expect(board.timer).toHaveAttribute('data-state', 'paused')
    await expect(control.timer).toHaveAttribute('data-state', 'paused')
    expect(await sharedReading(board.timer, control.timer)).toBe('paused 1:00:00')

    // The server pushes the timer to the boards over their open sockets: the
    // board asks the API nothing. (A 1 s ceiling once stood for "pushed, not
    // polled"; on a busy machine rendering alone can take longer.)
    const boardApiCalls: string[] = []
    board.page.on('request', (request) => {
      const { pathname } = new URL(request.url())
      if (pathname.startsWith('/api/')) boardApiCalls.push(`${request.method()} ${pathname}`)
    })

    await control.startTimer()
    await expect(board.timer).toHaveAttribute('data-state', 'running')
    // Both count from the server's clock, so they agree to the second. The ceiling
    // stays under a minute: past it the timer would read 58:xx and fail anyway.
    await expect
      .poll(() => sharedReading(board.timer, control.timer), { timeout: 30_000 })
      .toMatch(/^running (1:00:00|59:\d{2})$/)

    await control.pauseTimer()
    await expect(board.timer).toHaveAttribute('data-state', 'paused')
    // Paused within its first minute, a 60-minute timer still shows 59:xx or the full hour.
    await expect
      .poll(() => sharedReading(board.timer, control.timer), { timeout: 30_000 })
      .toMatch(/^paused (1:00:00|59:\d{2})$/)
    expect(boardApiCalls, 'API calls the board made for the timer').toEqual([])
  })
})
