import { chromium, type Browser, type Page } from '@playwright/test'
import type { CreateEventResponse } from '@tablecloth/shared'
import { CHROMIUM_FLAGS } from '../fixtures/chromiumFlags'
import { cafeConfig, nextStation } from '../fixtures/eventApi'
import { expect, test } from '../fixtures/fixtures'
import { PhonePage } from '../fixtures/PhonePage'
import { ThemesPage } from '../fixtures/ThemesPage'

/**
 * The day as a venue runs it: the laptop's server under a host name on
 * plain http, which the browser treats as an insecure context (no
 * `crypto.randomUUID`, no service worker). The other specs open
 * `127.0.0.1`, which browsers count as secure, so this one opens every page
 * of this features as `http://venue.lan:<port>` in a browser of its
 * own that resolves that name to this machine and nothing else.
 */
const HOST = 'venue.lan'

let browser: Browser

test.beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      ...CHROMIUM_FLAGS,
      `--host-resolver-rules=MAP ${HOST} 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE localhost`,
    ],
  })
})

test.afterAll(async () => {
  await browser.close()
})

/** A new device on the venue network, failing the test on any script error of its pages. */
async function openOnLan(link: string, errors: string[], phone = false): Promise<Page> {
  const context = await browser.newContext(
    phone
      ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'de-DE' }
      : { viewport: { width: 1366, height: 768 }, locale: 'de-DE' },
  )
  const page = await context.newPage()
  page.on('pageerror', (error) => errors.push(`${link.split('#')[0]}: ${error.message}`))
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (!['data:', 'blob:'].includes(url.protocol) && url.hostname !== HOST)
      errors.push(`request to another host: ${request.url()}`)
  })
  await page.goto(link)
  expect(await page.evaluate(() => window.isSecureContext)).toBe(false)
  return page
}

function onLan(link: string, port: string): string {
  const url = new URL(link)
  url.hostname = HOST
  url.port = port
  return url.toString()
}

test('on a venue network under a host name: a group phone follows its group, the host recaps, the plenary gathers themes', async ({
  api,
  server,
}) => {
  const port = new URL(server.baseUrl).port
  const event: CreateEventResponse = await api.createEvent(
    cafeConfig({
      tables: [{ topic: 'Sprache' }, { topic: 'Arbeit' }, { topic: 'Wohnen' }],
      groups: [{ name: 'Rot' }, { name: 'Blau' }, { name: 'Grün' }],
      rotation: { mode: 'generated' },
    }),
  )
  const errors: string[] = []
  const red = event.links.groups.find((group) => group.name === 'Rot')!

  const phone = new PhonePage(await openOnLan(onLan(red.participant, port), errors, true))
  await expect(phone.noteField).toBeVisible()
  const firstTable = (await phone.page.getByRole('heading', { level: 1 }).textContent()) ?? ''
  await phone.questions.first().check()
  await phone.write('Kinderbetreuung fehlt')
  await phone.sendButton.click()
  await expect(phone.sentMessage).toHaveText('Gesendet – erscheint gleich am Board')

  await nextStation(server.baseUrl, event, 0)
  const banner = phone.page.getByRole('status').filter({ hasText: 'Ihr seid jetzt am Tisch' })
  await expect(banner).toBeVisible()
  await expect(phone.page.getByRole('heading', { level: 1 })).not.toHaveText(firstTable)
  await phone.questions.first().check()
  await phone.write('Kinderbetreuungsangebote ausbauen')
  await phone.sendButton.click()
  await expect(phone.sentMessage).toHaveText('Gesendet – erscheint gleich am Board')

  // The table the group sat at first: its moderator recaps what the group left.
  const firstLink = event.links.tables.find((table) => table.title === firstTable)!
  const board = await openOnLan(onLan(firstLink.board, port), errors)
  const recapButton = board.getByRole('button', { name: /Was vor euch geschah/ })
  await recapButton.click()
  await expect(board.getByTestId('recap-dialog')).toContainText('Kinderbetreuung fehlt')
  await board.keyboard.press('Escape')
  await expect(board.getByTestId('recap-dialog')).toBeHidden()

  // The organiser's themes view: the two notes from two tables make one suggestion.
  const gallery = onLan(event.links.gallery.replace('/gallery', '/gallery?view=themes'), port)
  const organiserGallery = gallery.replace(/token=[^&]+/, `token=${event.organiserToken}`)
  const themes = new ThemesPage(await openOnLan(organiserGallery, errors))
  await expect(themes.view).toHaveAttribute('data-editable', 'true')
  await themes.page.getByRole('button', { name: 'Vorschläge holen' }).click()
  const suggestion = themes.suggestion('Kinderbetreuung')
  await expect(suggestion).toContainText('Kinderbetreuung fehlt')
  await expect(suggestion).toContainText('Kinderbetreuungsangebote ausbauen')
  await themes.saved(() => suggestion.getByRole('button', { name: 'Übernehmen' }).click())
  await expect(themes.theme('Kinderbetreuung')).toBeVisible()

  expect(errors).toEqual([])
})
