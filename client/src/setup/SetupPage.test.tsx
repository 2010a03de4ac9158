import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CreateEventResponse, ServerConfigResponse } from '@tablecloth/shared'
import { useServerConfig } from '../app/serverConfigStore'
import { useLanguage } from '../i18n/languageStore'
import { useMyEvents } from './myEventsStore'
import { SetupPage } from './SetupPage'
import { useSetupStore } from './setupStore'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true

let container: HTMLElement
let root: Root

function render() {
  container = document.createElement('div')
  document.body.append(container)
  root = createRoot(container)
  act(() => root.render(<SetupPage />))
}

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id)
  if (!element) throw new Error(`no element #${id}`)
  return element as T
}

/** The text of an element as assistive technology reads it: without aria-hidden parts. */
function spokenText(element: Element): string {
  const copy = element.cloneNode(true) as Element
  for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove()
  return copy.textContent?.trim() ?? ''
}

function buttonNamed(name: string): HTMLButtonElement {
  const button = [...container.querySelectorAll('button')].find(
    (candidate) => accessibleLabel(candidate) === name,
  )
  if (!button) throw new Error(`no button "${name}"`)
  return button
}

function click(element: HTMLElement) {
  act(() => element.click())
}

/** Types into a controlled input the way React listens for it. */
function type(input: HTMLInputElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set
  act(() => {
    setter?.call(input, value)
    input.dispatchEvent(new Event('input', { bubbles: true }))
  })
}

/** A control's name from aria-labelledby, aria-label, its label or (buttons) its text. */
function accessibleLabel(control: HTMLElement): string {
  const labelledBy = control.getAttribute('aria-labelledby')
  if (labelledBy) {
    return labelledBy
      .split(' ')
      .map((id) => spokenText(byId(id)))
      .join(' ')
  }
  const ariaLabel = control.getAttribute('aria-label')
  if (ariaLabel) return ariaLabel
  if (control instanceof HTMLButtonElement) return spokenText(control)
  const label = container.querySelector(`label[for="${control.id}"]`)
  return label ? spokenText(label) : ''
}

const CONFIG: ServerConfigResponse = {
  tldrawLicenseKey: null,
  protocol: 1,
  setupPinRequired: false,
}

/**
 * Plays the server: `/api/config` answers `config`, every other request
 * `answer`. Returns the requests other than the config's.
 */
function serve(
  answer: (path: string, init: RequestInit) => Promise<Response> | Response,
  config: Partial<ServerConfigResponse> = {},
) {
  const requests: Array<{ path: string; init: RequestInit }> = []
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const path = String(input)
    if (path === '/api/config') return new Response(JSON.stringify({ ...CONFIG, ...config }))
    requests.push({ path, init })
    return answer(path, init)
  })
  return requests
}

async function submitForm() {
  await act(async () => {
    container.querySelector<HTMLButtonElement>('button[type="submit"]')!.click()
  })
}

function failureText(): string {
  return container.querySelector('.setup-submit [role="alert"]')?.textContent ?? ''
}

beforeEach(() => {
  localStorage.clear()
  useServerConfig.setState({ config: null, status: 'loading' })
  serve(() => new Response(null, { status: 404 }))
  useSetupStore.setState(useSetupStore.getInitialState(), true)
  useMyEvents.setState({ events: [] })
  useLanguage.setState({ language: 'de', tldrawLocale: 'de' })
})

afterEach(() => {
  act(() => root.unmount())
  container.remove()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

describe('setup page', () => {
  it('offers the start choices first and the form once one is picked', () => {
    render()
    expect(container.querySelector('form')).toBeNull()
    expect(byId<HTMLButtonElement>('setup-start-export').disabled).toBe(true)
    click(byId('setup-start-template'))
    expect(container.querySelectorAll('fieldset.setup-entry--tables')).toHaveLength(11)
    expect(byId<HTMLInputElement>('setup-title').value).toContain('Pakt für Integration')
    expect(container.querySelector('[role="status"]')?.textContent).toContain(
      'Die Vorlage ist geladen.',
    )
  })

  it('labels every control and gives every element its own id', () => {
    render()
    click(byId('setup-start-template'))
    act(() => {
      useSetupStore.getState().addGroup()
      useSetupStore.getState().setRotationMode('fixed')
    })
    const controls = [
      ...container.querySelectorAll<HTMLElement>('input:not([type="file"]), select, button'),
    ]
    expect(controls.length).toBeGreaterThan(50)
    for (const control of controls) {
      expect(accessibleLabel(control).trim(), control.outerHTML.slice(0, 80)).not.toBe('')
    }
    const ids = [...container.querySelectorAll('[id]')].map((element) => element.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('links each issue to its field, and the summary to the fields', () => {
    render()
    click(byId('setup-start-empty'))
    const submit = container.querySelector<HTMLButtonElement>('button[type="submit"]')!
    click(submit)

    const summary = byId('setup-issue-summary')
    expect(document.activeElement).toBe(summary)
    expect(summary.textContent).toContain('Titel: Bitte ausfüllen.')
    expect(summary.textContent).toContain('Station 1, Frage 1: Bitte ausfüllen.')

    const title = byId<HTMLInputElement>('setup-title')
    expect(title.getAttribute('aria-invalid')).toBe('true')
    const description = byId(title.getAttribute('aria-describedby')!)
    expect(description.textContent).toBe('Titel: Bitte ausfüllen.')

    const link = [...summary.querySelectorAll('a')].find((a) => a.textContent?.startsWith('Titel'))!
    click(link)
    expect(document.activeElement).toBe(title)

    type(title, 'Café der Vielfalt')
    expect(title.hasAttribute('aria-invalid')).toBe(false)
    expect(summary.textContent).not.toContain('Titel:')
  })

  it('moves a table with the keyboard and keeps focus on it', () => {
    render()
    click(byId('setup-start-template'))
    const firstTopic = byId<HTMLInputElement>('setup-tables-0-topic').value
    const down = byId<HTMLButtonElement>('setup-tables-0-down')
    act(() => down.focus())
    click(down)
    expect(byId<HTMLInputElement>('setup-tables-1-topic').value).toBe(firstTopic)
    expect(document.activeElement?.id).toBe('setup-tables-1-down')
    expect(container.querySelector('[aria-live="polite"]')?.textContent).toBe(
      'Tisch 1 ist jetzt an Position 2.',
    )
  })

  it('adds a question up to the limit and focuses the new one', () => {
    render()
    click(byId('setup-start-empty'))
    const add = byId<HTMLButtonElement>('setup-stations-0-columns-add')
    for (let i = 0; i < 4; i++) click(add)
    expect(document.activeElement?.id).toBe('setup-stations-0-columns-5')
    expect(add.disabled).toBe(true)
    expect(byId('setup-stations-0-columns-count').textContent).toBe('6 von höchstens 6 Fragen')
  })

  it('previews the generated rotation', () => {
    render()
    click(byId('setup-start-template'))
    act(() => {
      const store = useSetupStore.getState()
      store.addGroup()
      store.addGroup()
      store.editEntry('groups', 0, { name: 'Rot' })
      store.setRotationMode('generated')
    })
    const preview = container.querySelector('table')!
    const rows = [...preview.querySelectorAll('tbody tr')].map((row) =>
      [...row.children].map((cell) => cell.textContent),
    )
    expect(rows[0]?.[0]).toBe('Rot')
    expect(rows[1]?.[0]).toBe('Gruppe 2')
    expect(rows[0]?.slice(1)).toHaveLength(3)
    expect(rows[0]?.[1]).toMatch(/^Tisch 1 – /)
  })

  it('shows the control room link after creating, and lists the event on this device', async () => {
    const created: CreateEventResponse = {
      id: 'ev1',
      organiserToken: 'secret',
      links: {
        control: 'http://localhost/e/ev1/control#token=secret',
        gallery: 'g',
        tables: [],
        groups: [],
      },
    }
    serve(() => new Response(JSON.stringify(created), { status: 201 }))
    render()
    click(byId('setup-start-template'))
    await submitForm()
    expect(document.getElementById('setup-pin')).toBeNull()
    const link = byId<HTMLInputElement>('setup-result-control-link')
    expect(link.value).toBe(created.links.control)
    expect(byId(link.getAttribute('aria-describedby')!).textContent).toContain(
      'Diesen Link sicher aufbewahren: nur mit ihm lässt sich die Veranstaltung steuern.',
    )
    const open = [...container.querySelectorAll('a')].find(
      (a) => a.textContent === 'Kontrollraum öffnen',
    )
    expect(open?.getAttribute('href')).toBe(created.links.control)
    expect(container.textContent).toContain('Meine Veranstaltungen auf diesem Gerät')
  })

  it('says the server is unreachable and keeps the form as typed', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    serve(() => Promise.reject(new TypeError('Failed to fetch')))
    render()
    click(byId('setup-start-template'))
    await submitForm()
    expect(container.querySelector('[role="alert"]')?.textContent).toContain(
      'Server nicht erreichbar',
    )
    expect(byId<HTMLInputElement>('setup-tables-0-topic').value).toBe(
      'Frauen, Kinderbetreuung, Sprache',
    )
  })

  it('speaks English when switched', () => {
    render()
    click(byId('setup-start-empty'))
    act(() => useLanguage.getState().setLanguage('en'))
    expect(container.querySelector('h1')?.textContent).toBe('Set up an event')
    expect(buttonNamed('Add table')).toBeTruthy()
  })

  it('asks for the setup PIN where the server wants one, and sends it with the event', async () => {
    const created = {
      id: 'ev1',
      organiserToken: 's',
      links: { control: 'c', gallery: 'g', tables: [], groups: [] },
    }
    const requests = serve(() => new Response(JSON.stringify(created), { status: 201 }), {
      setupPinRequired: true,
    })
    render()
    await act(async () => {}) // the server's config arrives
    click(byId('setup-start-template'))
    const pin = byId<HTMLInputElement>('setup-pin')
    expect(accessibleLabel(pin)).toBe('Einrichtungs-PIN')
    expect(byId(pin.getAttribute('aria-describedby')!).textContent).toContain(
      'Die PIN bekommst du von der Person, die den Server betreibt.',
    )
    expect(pin.type).toBe('password')

    type(pin, '4711')
    await submitForm()
    expect(new Headers(requests[0]?.init.headers).get('X-Setup-Pin')).toBe('4711')
  })

  it('says when the PIN is missing or wrong, next to the button, and keeps the event as typed', async () => {
    serve(
      () =>
        new Response(
          JSON.stringify({ error: { code: 'setup_pin_required', message: 'PIN needed' } }),
          { status: 403 },
        ),
    )
    render()
    await act(async () => {})
    click(byId('setup-start-template'))
    // This server's config said nothing of a PIN (an older config, say): the refusal asks for it.
    expect(document.getElementById('setup-pin')).toBeNull()
    type(byId<HTMLInputElement>('setup-title'), 'Café der Vielfalt')
    await submitForm()

    expect(failureText()).toContain('PIN fehlt oder stimmt nicht')
    const pin = byId<HTMLInputElement>('setup-pin')
    expect(pin.getAttribute('aria-invalid')).toBe('true')
    expect(pin.getAttribute('aria-describedby')).toContain('setup-submit-failure')
    expect(byId<HTMLInputElement>('setup-title').value).toBe('Café der Vielfalt')

    act(() => useLanguage.getState().setLanguage('en'))
    expect(failureText()).toContain('The PIN is missing or wrong')
  })

  it('says when this device may create an event again after too many', async () => {
    serve(
      () =>
        new Response(JSON.stringify({ error: { code: 'rate_limited', message: 'slow down' } }), {
          status: 429,
          headers: { 'retry-after': '290' },
        }),
    )
    render()
    click(byId('setup-start-template'))
    await submitForm()
    expect(failureText()).toBe(
      'Zu viele neue Veranstaltungen von diesem Gerät; in 5 Minuten wieder möglich. Dein Entwurf bleibt gespeichert.',
    )
    act(() => useLanguage.getState().setLanguage('en'))
    expect(failureText()).toContain('possible again in 5 minutes')
    expect(byId<HTMLInputElement>('setup-tables-0-topic').value).toBe(
      'Frauen, Kinderbetreuung, Sprache',
    )
  })
})
