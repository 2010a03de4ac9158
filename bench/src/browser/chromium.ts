import { chromium, type Browser, type BrowserContext } from 'playwright-core'

/** Debian's Chromium, as in the e2e tests; Playwright's own browsers are never installed. */
const CHROMIUM = '/usr/bin/chromium'

/** Nothing in the background that would compete with the pages or reach off the machine. */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** A full-HD screen, what a projector or a moderator's laptop on an external display shows. */
export const SCREEN = { width: 1920, height: 1080 }

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS })
}

/**
 * A device of its own: a fresh browser context (own storage, own renderer
 * process), as a second machine would be. Service workers are blocked: the
 * app's worker would cache the whole build in the background, which is
 * network and CPU the figures should not include.
 */
export function newDevice(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: SCREEN, serviceWorkers: 'block' })
}

/** The browser's version, for the report. */
export function browserName(browser: Browser): string {
  return `Chromium ${browser.version()}`
}
