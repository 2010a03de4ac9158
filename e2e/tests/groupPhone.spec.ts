import fs from 'node:fs'
import type { Page, TestInfo } from '@playwright/test'
import {
  generateRotationPlan,
  type CreateEventResponse,
  type EventConfigInput,
  type Results,
  type RotationConfig,
} from '@tablecloth/shared'
import { auditAccessibility } from '../fixtures/accessibilityAudit'
import { expectedModules, moduleCount, modulesOf } from '../fixtures/qrModules'
import { nextStation } from '../fixtures/eventApi'
import { expect, test } from '../fixtures/phoneFixtures'

/** The phone the screenshots are taken on: a common phone's screen, 390×844. */
const SCREENSHOT_VIEWPORT = { width: 390, height: 844 }

const TABLES = ['Sprache', 'Arbeitsmarktintegration', 'Wohnen und Nachbarschaft']

/** Three tables, two stations, three groups seated as `rotation` says. */
function groupCafe(rotation: RotationConfig): EventConfigInput {
  return {
    title: 'Zukunftswerkstatt Winnenden',
    date: '2026-11-25',
    venue: 'Hermann-Schwab-Halle',
    tables: TABLES.map((topic) => ({ topic })),
    stations: [
      { title: 'Ankommen', columns: ['Was läuft gut?', 'Wo hakt es?'], durationMinutes: 30 },
      { title: 'Vertiefen', columns: ['Was brauchen wir?'], durationMinutes: 30 },
    ],
    groups: [
      { name: 'Gelb', colour: 'yellow' },
      { name: 'Blau', colour: 'light-blue' },
      { name: 'Grün', colour: 'light-green' },
    ],
    rotation,
  }
}

/** The notes of a table and station in the results, as `text (group)`. */
async function resultNotes(
  baseUrl: string,
  event: CreateEventResponse,
  tableNumber: number,
  stationIndex: number,
): Promise<string[]> {
  const response = await fetch(new URL(`/api/events/${event.id}/results.json`, baseUrl), {
    headers: { authorization: `Bearer ${event.organiserToken}` },
  })
  const results = (await response.json()) as Results
  const table = results.tables.find((entry) => entry.number === tableNumber)
  const station = table?.stations[stationIndex]
  return (station?.columns ?? []).flatMap((column) =>
    column.notes.map((note) => `${note.text} (${note.group ?? '–'})`),
  )
}

async function keepScreenshot(page: Page, name: string, testInfo: TestInfo): Promise<void> {
  const path = testInfo.outputPath(name)
  await page.screenshot({ path, fullPage: true })
  if (process.env.SCREENSHOT_DIR) fs.copyFileSync(path, `${process.env.SCREENSHOT_DIR}/${name}`)
}

test.describe('group phones', () => {
  test('a group’s phone writes at its seat, follows the group at a station change and says so', async ({
    api,
    server,
    openPhone,
  }, testInfo) => {
    const event = await api.createEvent(groupCafe({ mode: 'generated' }))
    const plan = generateRotationPlan(['g1', 'g2', 'g3'], ['t1', 't2', 't3'], 2)
    const seat = (station: number) => Number(plan[station]!.g2!.slice(1))
    const blue = event.links.groups.find((group) => group.name === 'Blau')!
    const phone = await openPhone(blue.participant)
    await phone.page.setViewportSize(SCREENSHOT_VIEWPORT)

    await test.step('the phone shows the group and the table it sits at', async () => {
      await expect(phone.page.getByTestId('phone-group')).toHaveText('Gruppe Blau')
      await expect(phone.page.getByText(`Tisch ${seat(0)}`, { exact: true })).toBeVisible()
      await expect(phone.page.getByRole('heading', { level: 1 })).toHaveText(TABLES[seat(0) - 1]!)
      expect(phone.page.url(), 'the token leaves the address bar').not.toContain('token=')
      expect(await phone.scrollsSideways()).toBe(false)
    })

    await test.step('a note lands on that table, in the group’s name', async () => {
      await phone.sendNote('Wo hakt es?', 'Sprachkurse am Abend fehlen')
      await expect
        .poll(() => resultNotes(server.baseUrl, event, seat(0), 0))
        .toEqual(['Sprachkurse am Abend fehlen (Blau)'])
      await keepScreenshot(phone.page, 'group-phone-before-move.png', testInfo)
    })

    await test.step('at the station change the phone moves to the new table and says so', async () => {
      await phone.write('Noch nicht fertig gedacht')
      await nextStation(server.baseUrl, event, 0)
      const banner = phone.page.getByRole('status').filter({ hasText: 'Ihr seid jetzt' })
      await expect(banner).toContainText(
        `Ihr seid jetzt am Tisch ${seat(1)}: ${TABLES[seat(1) - 1]}`,
      )
      await expect(phone.page.getByRole('heading', { level: 1 })).toHaveText(TABLES[seat(1) - 1]!)
      await expect(phone.station).toHaveText('Station 2 von 2: Vertiefen')
      // The draft typed before the move is still there, and goes nowhere by itself.
      await expect(phone.noteField).toHaveValue('Noch nicht fertig gedacht')
      await keepScreenshot(phone.page, 'group-phone-after-move.png', testInfo)
      expect((await auditAccessibility(phone.page, 'group phone: moved')).blocking).toEqual([])
    })

    await test.step('the next note lands on the new table', async () => {
      await phone.chooseQuestion('Was brauchen wir?')
      await phone.sendButton.click()
      await expect(phone.sentMessage).toHaveText('Gesendet – erscheint gleich am Board')
      await expect
        .poll(() => resultNotes(server.baseUrl, event, seat(1), 1))
        .toEqual(['Noch nicht fertig gedacht (Blau)'])
      expect(await resultNotes(server.baseUrl, event, seat(0), 1)).toEqual([])
    })
  })

  test('in free rotation the phone asks once per station which table the group sits at', async ({
    api,
    server,
    openPhone,
  }, testInfo) => {
    const event = await api.createEvent(groupCafe({ mode: 'free' }))
    const green = event.links.groups.find((group) => group.name === 'Grün')!
    const phone = await openPhone(green.participant, { form: false })
    const question = phone.page.getByRole('heading', { name: 'An welchem Tisch sitzt ihr gerade?' })

    await expect(question).toBeVisible()
    await expect(phone.noteField).toHaveCount(0)
    expect((await auditAccessibility(phone.page, 'group phone: which table')).blocking).toEqual([])
    await phone.page.setViewportSize(SCREENSHOT_VIEWPORT)
    await keepScreenshot(phone.page, 'group-phone-which-table.png', testInfo)
    await phone.page.getByRole('button', { name: /Tisch 2\s*Arbeitsmarktintegration/ }).click()
    await expect(phone.page.getByRole('heading', { level: 1 })).toHaveText(TABLES[1]!)
    await phone.sendNote('Was läuft gut?', 'Beratung im Jobcenter hilft')
    await expect
      .poll(() => resultNotes(server.baseUrl, event, 2, 0))
      .toEqual(['Beratung im Jobcenter hilft (Grün)'])

    // Remembered on the device: a reload does not ask again.
    await phone.page.reload()
    await expect(phone.page.getByRole('heading', { level: 1 })).toHaveText(TABLES[1]!)

    // The person can change it.
    await phone.page.getByRole('button', { name: 'Anderen Tisch wählen' }).click()
    await expect(question).toBeVisible()
    await phone.page.getByRole('button', { name: /Tisch 3\s*Wohnen/ }).click()
    await expect(phone.page.getByRole('heading', { level: 1 })).toHaveText(TABLES[2]!)

    // A new station asks again.
    await nextStation(server.baseUrl, event, 0)
    await expect(question).toBeVisible()
  })

  test('the QR sheet prints a card per group with its name and a code of its phone link', async ({
    api,
    openControlRoom,
  }, testInfo) => {
    const event = await api.createEvent(groupCafe({ mode: 'generated' }))
    const control = await openControlRoom(event.links.control)
    const sheet = await control.openQrSheet()
    const cards = sheet.getByTestId('qr-sheet-group-card')
    await expect(cards).toHaveCount(3)
    await expect(cards.getByRole('heading')).toHaveText([
      'Gruppe Gelb',
      'Gruppe Blau',
      'Gruppe Grün',
    ])
    for (const [index, group] of event.links.groups.entries()) {
      const card = cards.nth(index)
      await expect(card).toContainText(
        'Scannt diesen Code: euer Handy führt euch von Tisch zu Tisch.',
      )
      const image = card.getByRole('img')
      await expect(image).toHaveAccessibleName(`QR-Code für die Handys der Gruppe ${group.name}`)
      expect(await modulesOf(image, moduleCount(group.participant))).toEqual(
        expectedModules(group.participant),
      )
    }
    // As printed: only the sheet's pages, the whole A4 page of cards in view.
    await control.page.setViewportSize({ width: 900, height: 1200 })
    await control.page.emulateMedia({ media: 'print' })
    const path = testInfo.outputPath('group-cards.png')
    await sheet.getByTestId('qr-sheet-group-page').screenshot({ path })
    if (process.env.SCREENSHOT_DIR)
      fs.copyFileSync(path, `${process.env.SCREENSHOT_DIR}/group-cards.png`)
  })
})
