import fs from 'node:fs'
import type { EventView } from '@tablecloth/shared'
import { winnendenTemplate } from '@tablecloth/shared'
import { expect, test } from '../fixtures/fixtures'
import { readTimer } from '../fixtures/timerReading'

test.describe('the timer at a station change', () => {
  test('waits for the organiser after a station change, on the boards and in the control room', async ({
    api,
    openBoard,
    openControlRoom,
  }) => {
    const event = await api.createEvent(winnendenTemplate())
    const control = await openControlRoom(event.links.control)
    const board = await openBoard(event.links.tables[0]!.board)
    await control.startTimer()
    await expect(board.timer).toHaveAttribute('data-state', 'running')

    await control.advanceStation()
    await expect(control.stationHeading).toHaveText('Station 2 von 3')
    // Station 2 lasts 75 minutes and has not started: the organiser starts it once the groups sit.
    await expect(board.stationTitle).toHaveText('Station 2 von 3')
    for (const timer of [control.timer, board.timer]) {
      await expect(timer).toHaveAttribute('data-state', 'paused')
      expect(await readTimer(timer)).toMatchObject({ state: 'paused', text: '1:15:00' })
    }
    await control.startTimer()
    await expect(board.timer).toHaveAttribute('data-state', 'running')
  })

  test('starts by itself when the setup asked for it', async ({ api, openControlRoom }) => {
    const event = await api.createEvent({ ...winnendenTemplate(), startTimerOnStationChange: true })
    const control = await openControlRoom(event.links.control)
    await expect(control.timer).toHaveAttribute('data-state', 'paused')
    await control.advanceStation()
    await expect(control.timer).toHaveAttribute('data-state', 'running')
  })
})

test.describe('setup: the event’s language and the timer setting', () => {
  test('are chosen in the form, created with the event and kept in the JSON export and import', async ({
    server,
    openSetup,
  }, testInfo) => {
    const setup = await openSetup()
    await setup.loadTemplate()
    const page = setup.page
    const language = page.getByLabel('Sprache der Veranstaltung')
    const timer = page.getByLabel('Timer beim Stationswechsel automatisch starten')
    await expect(language).toHaveValue('de')
    await expect(timer).not.toBeChecked()
    await expect(language.locator('option')).toHaveText(['Deutsch', 'English'])

    await language.selectOption('en')
    await timer.check()

    // The exported file carries both, and an import brings them back.
    const downloaded = page.waitForEvent('download')
    await page.getByRole('button', { name: /^JSON exportieren/ }).click()
    const file = testInfo.outputPath('event.json')
    await (await downloaded).saveAs(file)
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({
      language: 'en',
      startTimerOnStationChange: true,
    })
    await language.selectOption('de')
    await timer.uncheck()
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: /^JSON importieren/ }).click()
    await (await chooser).setFiles(file)
    await expect(language).toHaveValue('en')
    await expect(timer).toBeChecked()

    const control = new URL(await setup.createEvent())
    const eventId = control.pathname.split('/')[2]!
    const token = new URLSearchParams(control.hash.slice(1)).get('token')!
    const view = (await (
      await fetch(`${server.baseUrl}/api/events/${eventId}`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as EventView
    expect(view.config).toMatchObject({ language: 'en', startTimerOnStationChange: true })
  })
})
