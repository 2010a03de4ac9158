import { rectsOverlap, type Rect } from '@tablecloth/shared'
import type { BoardPage, BoardNote } from '../fixtures/BoardPage'
import { cafeConfig, type EventApi } from '../fixtures/eventApi'
import { expect, test } from '../fixtures/fixtures'
import { ProjectorPage } from '../fixtures/ProjectorPage'

/**
 * A café day where group "Blau" sits at "Sprache" in station 1, so notes
 * written there are light blue. Station 1 asks "Was läuft gut?" and
 * "Wo hakt es?".
 */
async function createCafe(api: EventApi) {
  return api.createEvent(
    cafeConfig({
      tables: [
        { id: 'sprache', topic: 'Sprache', moderator: 'Ana' },
        { id: 'arbeit', topic: 'Arbeit', moderator: 'Ben' },
      ],
      groups: [
        { id: 'blau', name: 'Blau', colour: 'light-blue' },
        { id: 'gruen', name: 'Grün', colour: 'light-green' },
      ],
      rotation: {
        mode: 'fixed',
        plan: [
          { blau: 'sprache', gruen: 'arbeit' },
          { blau: 'arbeit', gruen: 'sprache' },
        ],
      },
    }),
  )
}

function inside(inner: Rect, outer: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.w <= outer.x + outer.w &&
    inner.y + inner.h <= outer.y + outer.h
  )
}

/** The notes on a board by their text; fails on a text that is missing or there twice. */
async function notesByText(board: BoardPage, texts: string[]): Promise<BoardNote[]> {
  const notes = await board.notes()
  return texts.map((text) => {
    const matching = notes.filter((note) => note.text === text)
    expect(matching, `notes reading ${JSON.stringify(text)}`).toHaveLength(1)
    return matching[0]!
  })
}

function expectNoOverlap(notes: BoardNote[]): void {
  for (const [index, note] of notes.entries()) {
    for (const other of notes.slice(index + 1)) {
      expect(rectsOverlap(note.bounds, other.bounds), `${note.text} / ${other.text}`).toBe(false)
    }
  }
}

test.describe('capture at the board', () => {
  test('notes typed by keyboard land in the active column, tidy and in the group’s colour', async ({
    api,
    openBoard,
    newContext,
  }) => {
    const event = await createCafe(api)
    const links = event.links.tables[0]!
    const board = await openBoard(links.board)
    const { capture } = board

    await expect(capture.columns).toHaveText(['1 Was läuft gut?', '2 Wo hakt es?'])
    expect(await capture.activeColumn()).toBe('1 Was läuft gut?')
    const first = [
      'Sprachcafé donnerstags',
      'Kinderbetreuung klappt\nauch in den Ferien',
      'Ehrenamt trägt viel',
    ]
    for (const text of first) await capture.writeNote(text)

    await capture.nextColumn()
    expect(await capture.activeColumn()).toBe('2 Wo hakt es?')
    const second = ['Wartezeiten beim Amt', '„Digitale Akte“ fehlt']
    for (const text of second) await capture.writeNote(text)

    await expect.poll(async () => (await board.notes()).length).toBe(5)
    const columns = [await board.column(0, 0), await board.column(0, 1)]
    const written = [first, second]
    for (const [index, column] of columns.entries()) {
      const notes = await notesByText(board, written[index]!)
      for (const note of notes) {
        expect(inside(note.bounds, column.bounds), `${note.text} inside ${column.question}`).toBe(
          true,
        )
        expect(await capture.parentOf(note.id)).toBe(column.id)
        expect(await capture.colour(note.id)).toBe('light-blue')
        expect(note.stationId, 'stamped with the station it was written in').toBe(column.stationId)
      }
    }
    expectNoOverlap(await board.notes())

    // Shift+Tab goes back, and a column button works with the mouse too.
    await capture.nextColumn({ backwards: true })
    expect(await capture.activeColumn()).toBe('1 Was läuft gut?')
    await capture.columns.nth(1).click()
    expect(await capture.activeColumn()).toBe('2 Wo hakt es?')
    await capture.field.fill('Per Knopf angeheftet')
    await capture.pinButton.click()
    await expect(capture.field).toHaveValue('')
    await expect(capture.field).toBeFocused()
    const [tapped] = await notesByText(board, ['Per Knopf angeheftet'])
    expect(inside(tapped!.bounds, (await board.column(0, 1)).bounds)).toBe(true)
    expectNoOverlap(await board.notes())

    // The projector shows the notes, not the capture bar.
    const projector = await ProjectorPage.openIn(await newContext(), links.projector)
    await expect(projector.notes).toHaveCount(await board.notes().then((notes) => notes.length))
    await expect(projector.page.getByTestId('capture-bar')).toHaveCount(0)
  })

  test('a full column grows downwards so the next note is still inside it', async ({
    api,
    openBoard,
  }) => {
    const event = await createCafe(api)
    const board = await openBoard(event.links.tables[0]!.board)
    const before = await board.column(0, 0)
    // The layout holds 18 notes per column (six rows of three).
    const texts = Array.from({ length: 19 }, (_, index) => `Punkt ${index + 1}`)
    for (const text of texts) await board.capture.writeNote(text)

    await expect
      .poll(async () => (await board.column(0, 0)).bounds.h)
      .toBeGreaterThan(before.bounds.h)
    const grown = await board.column(0, 0)
    const notes = await notesByText(board, texts)
    for (const note of notes) expect(inside(note.bounds, grown.bounds), note.text).toBe(true)
    expectNoOverlap(notes)
  })

  test('arrow keys walk the notes, Enter and F2 edit, + and the +1 button give dots', async ({
    api,
    openBoard,
    newContext,
  }, testInfo) => {
    const event = await createCafe(api)
    const links = event.links.tables[0]!
    const board = await openBoard(links.board)
    // A moderator's laptop on the projector: the station is fitted to this screen when it opens.
    await board.page.setViewportSize({ width: 1920, height: 1080 })
    await board.reload()
    const { capture } = board
    // Column 1 gets a second row: a b c / d; column 2 holds e beside c.
    for (const text of ['A gut', 'B gut', 'C gut', 'D gut']) await capture.writeNote(text)
    await capture.nextColumn()
    await capture.writeNote('E hakt')
    const [a, b, c, d, e] = await notesByText(board, ['A gut', 'B gut', 'C gut', 'D gut', 'E hakt'])
    const placesBefore = (await board.notes()).map((note) => [note.id, note.bounds])

    await capture.toBoard()
    const walk = async (key: string, expected: BoardNote) => {
      await capture.pressOnBoard(key)
      await expect
        .poll(() => capture.selection(), `${key} selects ${expected.text}`)
        .toEqual([expected.id])
    }
    await walk('ArrowRight', a!)
    await walk('ArrowRight', b!)
    await walk('ArrowDown', d!)
    await walk('ArrowUp', a!)
    await walk('ArrowRight', b!)
    await walk('ArrowRight', c!)
    await walk('ArrowRight', e!)
    await walk('ArrowRight', e!)
    await walk('ArrowLeft', c!)
    // tldraw's own nudge would have moved the selected notes a pixel per key.
    expect((await board.notes()).map((note) => [note.id, note.bounds])).toEqual(placesBefore)

    await capture.pressOnBoard('Enter')
    await expect.poll(() => capture.editing()).toBe(c!.id)
    // tldraw marks the note as editing a moment before its text editor mounts and takes focus;
    // keys pressed in between would go nowhere.
    const noteEditor = board.page.locator('.ProseMirror[contenteditable="true"]')
    await expect(noteEditor).toBeFocused()
    // Editing starts with the whole text selected, a moment after focus. Typing the whole new
    // text over a selection made explicitly does not depend on when that happens.
    await expect
      .poll(() => board.page.evaluate(() => window.getSelection()?.toString()))
      .toBe('C gut')
    await board.page.keyboard.press('ControlOrMeta+A')
    await board.page.keyboard.type('C gut und mehr')
    // Leave editing only once the text is in the editor, so Escape cannot overtake the typing.
    await expect(noteEditor).toHaveText('C gut und mehr')
    await board.page.keyboard.press('Escape')
    await expect.poll(() => capture.editing()).toBeNull()
    // Poll the texts themselves: notesByText asserts, and an assertion inside a poll ends it.
    await expect
      .poll(async () => (await board.notes()).filter((n) => n.text === 'C gut und mehr').length)
      .toBe(1)
    expect(await capture.selection()).toEqual([c!.id])

    await capture.pressOnBoard('F2')
    await expect.poll(() => capture.editing()).toBe(c!.id)
    await board.page.keyboard.press('Escape')
    await expect.poll(() => capture.editing()).toBeNull()

    await capture.pressOnBoard('+')
    await expect.poll(() => capture.votes(c!.id)).toBe(1)
    await expect(capture.badge(c!.id)).toHaveText('1')
    await capture.voteButton.click()
    await expect.poll(() => capture.votes(c!.id)).toBe(2)
    await expect(capture.badge(c!.id)).toHaveText('2')
    await expect.poll(() => capture.selection()).toEqual([c!.id])
    await board.page.screenshot({ path: testInfo.outputPath('board-1920x1080.png') })

    // The projector shows the count on the note, and no button to add one.
    const projector = new ProjectorPage(await (await newContext()).newPage())
    await projector.page.setViewportSize({ width: 1920, height: 1080 })
    await projector.open(links.projector)
    await expect(projector.dots(c!.id)).toHaveText('2')
    await expect(projector.page.getByTestId('vote-button')).toHaveCount(0)
    await projector.page.screenshot({ path: testInfo.outputPath('projector-1920x1080.png') })

    // Back to writing: Escape clears the selection, Enter returns to the capture field.
    await walk('ArrowDown', d!)
    await capture.pressOnBoard('Escape')
    await expect.poll(() => capture.selection()).toEqual([])
    await capture.pressOnBoard('Enter')
    await expect(capture.field).toBeFocused()
  })
})
