import fs from 'node:fs'
import { rectsOverlap, type CreateEventResponse, type Rect } from '@tablecloth/shared'
import { NOTE_CORPUS } from '@tablecloth/shared/testing'
import { clusterHeadings, clusterIds } from '../fixtures/clusterBoard'
import { cafeConfig, type EventApi } from '../fixtures/eventApi'
import { expect, test } from '../fixtures/fixtures'
import { boardLink, ModeratorLaptop, type ShownNote } from '../fixtures/ModeratorLaptop'
import { sendPhoneNotes } from '../fixtures/phoneNotes'

/**
 * The moderator's board on a 1366×768 laptop, the smallest screen it is
 * made for: it opens on the current station's rows in use with readable
 * text, tldraw's panels stay out of the way until the moderator draws, and
 * nothing the board draws in front of the notes covers another note.
 */

/** A day whose first station asks two questions and whose second asks three. */
async function createDay(api: EventApi): Promise<CreateEventResponse> {
  return api.createEvent(
    cafeConfig({
      stations: [
        { title: 'Station 1', columns: ['Was läuft gut?', 'Wo hakt es?'], durationMinutes: 45 },
        {
          title: 'Station 2',
          columns: ['Was brauchen wir?', 'Wer packt an?', 'Was zuerst?'],
          durationMinutes: 30,
        },
      ],
    }),
  )
}

/** Fills the first station from phones: `left` notes in the first column, `right` in the second. */
async function fillStation(
  baseUrl: string,
  event: CreateEventResponse,
  left: number,
  right: number,
) {
  const notes = [
    ...Array.from({ length: left }, (_, i) => ({
      text: NOTE_CORPUS[i % NOTE_CORPUS.length]!,
      column: 0,
    })),
    ...Array.from({ length: right }, (_, i) => ({
      text: NOTE_CORPUS[(i + 11) % NOTE_CORPUS.length]!,
      column: 1,
    })),
  ]
  return sendPhoneNotes(baseUrl, event, notes)
}

function covers(rect: Rect, notes: readonly ShownNote[], except: readonly string[]): string[] {
  return notes
    .filter((note) => !except.includes(note.id) && rectsOverlap(rect, note.screen))
    .map((note) => note.id)
}

/** Keeps a screenshot with the test's output, to look at as a moderator would. */
async function keepScreenshot(laptop: ModeratorLaptop, name: string, path: string): Promise<void> {
  await laptop.screenshot(path)
  if (process.env.SCREENSHOT_DIR) fs.copyFileSync(path, `${process.env.SCREENSHOT_DIR}/${name}`)
}

test.describe('the moderator’s board on a 1366×768 laptop', () => {
  test('opens fitted to the current station’s rows in use, note text never below 14 px', async ({
    api,
    server,
    newContext,
  }, testInfo) => {
    const event = await createDay(api)
    await fillStation(server.baseUrl, event, 14, 24)
    const laptop = await ModeratorLaptop.open(await newContext(), boardLink(event))
    await laptop.cameraSettled()
    await keepScreenshot(
      laptop,
      'moderator-open-14-24.png',
      testInfo.outputPath('moderator-open-14-24.png'),
    )

    expect(await laptop.zoom()).toBeGreaterThanOrEqual(14 / 25)
    const onScreen = await laptop.notesOnScreen()
    expect(onScreen.length).toBeGreaterThanOrEqual(9)
    for (const note of await laptop.notes())
      expect(note.textPixels, note.shownText).toBeGreaterThanOrEqual(14)
    // Both columns across; more rows than fit: the lowest ones, where the next notes go.
    const columns = await laptop.board.columns()
    const view = await laptop.board.viewport()
    for (const column of columns.filter((c) => c.stationIndex === 0)) {
      expect(column.bounds.x).toBeGreaterThanOrEqual(view.x)
      expect(column.bounds.x + column.bounds.w).toBeLessThanOrEqual(view.x + view.w)
    }
    const notes = await laptop.board.notes()
    const lowest = notes.reduce((a, b) =>
      b.bounds.y + b.bounds.h > a.bounds.y + a.bounds.h ? b : a,
    )
    expect(onScreen.map((note) => note.id)).toContain(lowest.id)

    // A new station opens on its own columns, all three across, text still 14 px or more.
    const advanced = await fetch(new URL(`/api/events/${event.id}/stations/next`, server.baseUrl), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${event.organiserToken}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ from: 0 }),
    })
    expect(advanced.status).toBe(200)
    await expect(laptop.board.stationTitle).toHaveText(/^Station 2 von 2/)
    await laptop.cameraSettled()
    await keepScreenshot(
      laptop,
      'moderator-station-2.png',
      testInfo.outputPath('moderator-station-2.png'),
    )
    expect(await laptop.zoom()).toBeGreaterThanOrEqual(14 / 25)
    const next = await laptop.board.viewport()
    for (const column of (await laptop.board.columns()).filter((c) => c.stationIndex === 1)) {
      expect(column.bounds.x).toBeGreaterThanOrEqual(next.x)
      expect(column.bounds.x + column.bounds.w).toBeLessThanOrEqual(next.x + next.w)
      expect(column.bounds.y).toBeGreaterThanOrEqual(next.y)
    }
  })

  test('a station with few notes opens with all of them and its questions in view', async ({
    api,
    server,
    newContext,
  }, testInfo) => {
    const event = await createDay(api)
    await fillStation(server.baseUrl, event, 4, 5)
    const laptop = await ModeratorLaptop.open(await newContext(), boardLink(event))
    await laptop.cameraSettled()
    await keepScreenshot(
      laptop,
      'moderator-open-4-5.png',
      testInfo.outputPath('moderator-open-4-5.png'),
    )
    expect(await laptop.notesOnScreen()).toHaveLength(9)
    const view = await laptop.board.viewport()
    for (const column of (await laptop.board.columns()).filter((c) => c.stationIndex === 0)) {
      expect(column.bounds.y, 'the questions above the columns').toBeGreaterThanOrEqual(view.y)
    }
    for (const note of await laptop.notes()) expect(note.textPixels).toBeGreaterThanOrEqual(14)
  })

  test('Moderation hides tldraw’s style panel and menus; Zeichnen brings them back, by keyboard, remembered', async ({
    api,
    newContext,
  }) => {
    const event = await createDay(api)
    const laptop = await ModeratorLaptop.open(await newContext(), boardLink(event))
    await expect(laptop.modeButton('moderation')).toHaveAttribute('aria-pressed', 'true')
    await expect(laptop.modeButton('moderation')).toHaveText('Moderation')
    await expect(laptop.modeButton('drawing')).toHaveText('Zeichnen')
    await expect(laptop.stylePanel).toHaveCount(0)
    await expect(laptop.toolbar).toHaveCount(0)
    await expect(laptop.mainMenu).toHaveCount(0)

    // By keyboard: from the question buttons of the capture bar, Tab reaches the switch.
    await laptop.board.capture.columns.last().focus()
    await laptop.board.page.keyboard.press('Tab')
    await expect(laptop.modeButton('moderation')).toBeFocused()
    await laptop.board.page.keyboard.press('Tab')
    await expect(laptop.modeButton('drawing')).toBeFocused()
    await laptop.board.page.keyboard.press('Space')
    await expect(laptop.modeButton('drawing')).toHaveAttribute('aria-pressed', 'true')
    await expect(laptop.stylePanel).toBeVisible()
    await expect(laptop.toolbar).toBeVisible()
    await expect(laptop.mainMenu.first()).toBeVisible()

    // Remembered on this device.
    await laptop.board.reload()
    await expect(laptop.modeButton('drawing')).toHaveAttribute('aria-pressed', 'true')
    await expect(laptop.stylePanel).toBeVisible()
    await laptop.modeButton('moderation').click()
    await expect(laptop.stylePanel).toHaveCount(0)
    await expect(laptop.toolbar).toHaveCount(0)
  })

  test('“+1” and “Gruppieren” cover no other note; Ctrl+G on one note makes no cluster', async ({
    api,
    server,
    newContext,
  }, testInfo) => {
    const event = await createDay(api)
    await fillStation(server.baseUrl, event, 14, 16)
    const laptop = await ModeratorLaptop.open(await newContext(), boardLink(event))
    await laptop.cameraSettled()
    const onScreen = await laptop.notesOnScreen()
    expect(onScreen.length).toBeGreaterThanOrEqual(9)

    for (const note of onScreen) {
      await laptop.select(note.id)
      const button = laptop.board.capture.voteButton
      await expect(button).toBeVisible()
      const rect = (await laptop.rectInCanvas(button))!
      expect(covers(rect, await laptop.notes(), [note.id]), `+1 of ${note.shownText}`).toEqual([])
    }
    await keepScreenshot(
      laptop,
      'moderator-plus-one.png',
      testInfo.outputPath('moderator-plus-one.png'),
    )

    // Two notes side by side in the lowest row: the group button covers no other note.
    const byRow = [...onScreen].sort((a, b) => b.screen.y - a.screen.y || a.screen.x - b.screen.x)
    const [first, second] = byRow
      .map((note) => [
        note,
        byRow.find(
          (other) => other.screen.x > note.screen.x && Math.abs(other.screen.y - note.screen.y) < 1,
        ),
      ])
      .find(([, beside]) => beside !== undefined) as [ShownNote, ShownNote]
    await laptop.select(first.id, second.id)
    const group = laptop.board.page.getByTestId('cluster-button')
    await expect(group).toHaveText('Gruppieren')
    const groupRect = (await laptop.rectInCanvas(group))!
    expect(covers(groupRect, await laptop.notes(), [first.id, second.id])).toEqual([])
    await keepScreenshot(
      laptop,
      'moderator-group-button.png',
      testInfo.outputPath('moderator-group-button.png'),
    )

    // Ctrl+G on a single note: no cluster, no heading, no tldraw group, and no group button.
    await laptop.board.capture.toBoard()
    await laptop.select(first.id)
    await laptop.board.page.keyboard.press('ControlOrMeta+g')
    await expect(group).toHaveCount(0)
    expect(await clusterIds(laptop.board)).toEqual({})
    expect(await clusterHeadings(laptop.board)).toEqual([])
    const shapeTypes = await laptop.board.page.evaluate(() =>
      window.__tablecloth!.editor.getCurrentPageShapes().map((shape) => shape.type),
    )
    expect(shapeTypes).not.toContain('group')
  })
})
