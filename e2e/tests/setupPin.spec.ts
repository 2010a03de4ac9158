import { expect } from '../fixtures/fixtures'
import { testOnServerWith } from '../fixtures/serverWithEnv'

const PIN = 'Kaffee-4711'

testOnServerWith({ SETUP_PIN: PIN })(
  'a hosted server asks for its setup PIN, and a missing or wrong one loses nothing',
  async ({ openSetup }) => {
    const setup = await openSetup()
    await setup.loadTemplate()
    await expect(setup.pinField).toBeVisible()
    await expect(setup.pinField).toHaveAccessibleDescription(
      /Die PIN bekommst du von der Person, die den Server betreibt\./,
    )
    const title = setup.page.locator('#setup-title')
    await title.fill('Café mit PIN')

    expect(await setup.submit()).toEqual({ status: 403, pin: null })
    await expect(setup.failure).toContainText('PIN fehlt oder stimmt nicht')
    await expect(setup.pinField).toBeFocused()
    await expect(setup.pinField).toHaveAttribute('aria-invalid', 'true')

    await setup.pinField.fill('falsch')
    expect(await setup.submit()).toEqual({ status: 403, pin: 'falsch' })
    await expect(setup.failure).toContainText('PIN fehlt oder stimmt nicht')
    await expect(title).toHaveValue('Café mit PIN')

    await setup.pinField.fill(PIN)
    await setup.createEvent()
    await expect(setup.result).toBeVisible()
  },
)

testOnServerWith({ EVENTS_PER_HOUR: '1' })(
  'too many new events from one device: the page says when it works again and keeps the draft',
  async ({ api, openSetup }) => {
    // The server lets a few events through at once; these use them up from this machine.
    for (let i = 0; i < 5; i++) await api.createEvent()
    const setup = await openSetup()
    await setup.loadTemplate()
    await expect(setup.pinField, 'this server asks for no PIN').toHaveCount(0)

    expect((await setup.submit()).status).toBe(429)
    await expect(setup.failure).toHaveText(
      /^Zu viele neue Veranstaltungen von diesem Gerät; in \d+ Minuten wieder möglich\. Dein Entwurf bleibt gespeichert\.$/,
    )
    await expect(setup.submitButton).toBeVisible()
    await expect(setup.page.locator('#setup-title')).not.toHaveValue('')
  },
)
