import type { EventView } from '@tablecloth/shared'
import { expect, test } from '../fixtures/fixtures'
import { ControlRoomPage } from '../fixtures/ControlRoomPage'

test('a second control room that missed the station change is told so, and the day moves only once', async ({
  api,
  server,
  newContext,
  openControlRoom,
}) => {
  const event = await api.createEvent()
  const viewPath = `/api/events/${event.id}`
  const quick = await openControlRoom(event.links.control)

  // The slow room's view stays as it first loaded until it tries to move the day on.
  const page = await (await newContext()).newPage()
  let frozen: string | null = null
  let freeze = false
  await page.route(
    (url) => url.pathname === viewPath,
    async (route) => {
      if (route.request().method() !== 'GET') return route.continue()
      if (freeze && frozen !== null) {
        return route.fulfill({ status: 200, contentType: 'application/json', body: frozen })
      }
      const response = await route.fetch()
      let body: string
      try {
        body = await response.text()
      } catch {
        // The page gave this request up (it loads its view again on every
        // change) and Playwright dropped the answer with it: nobody waits for it.
        return
      }
      frozen = body
      return route.fulfill({ response, body })
    },
  )
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname.endsWith('/stations/next')) {
      freeze = false
    }
  })
  const slow = new ControlRoomPage(page)
  await slow.open(event.links.control)
  freeze = true

  await quick.advanceStation()
  await expect(quick.stationHeading).toHaveText('Station 2 von 2')
  await expect(slow.stationHeading).toHaveText('Station 1 von 2')

  page.once('dialog', (dialog) => void dialog.accept())
  const answered = page.waitForResponse(
    (response) =>
      response.request().method() === 'POST' &&
      new URL(response.url()).pathname.endsWith('/stations/next'),
  )
  await slow.advanceButton.click()
  const response = await answered
  expect(response.status()).toBe(409)
  expect(JSON.parse(response.request().postData() ?? '{}')).toEqual({ from: 0 })

  await expect(
    page.locator('section[aria-labelledby="station-heading"]').getByRole('alert'),
  ).toHaveText(
    'Die Station wurde inzwischen schon gewechselt, hier oder in einem anderen Kontrollraum: Jetzt läuft „Station 2“. Prüfe, ob du wirklich noch weiterschalten willst.',
  )
  await expect(slow.stationHeading).toHaveText('Station 2 von 2')

  const view = (await (
    await fetch(new URL(viewPath, server.baseUrl), {
      headers: { authorization: `Bearer ${event.organiserToken}` },
    })
  ).json()) as EventView
  expect(view.currentStation, 'the day moved on once').toBe(1)
})
