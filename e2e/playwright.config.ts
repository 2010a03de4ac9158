import { defineConfig } from '@playwright/test'
import { CHROMIUM_FLAGS } from './fixtures/chromiumFlags'

/**
 * Browser tests against the real server (started per test by the `server`
 * fixture) in Debian's Chromium. Flakes are bugs: no retries.
 *
 * Tests wait on events (a locator's state, a poll of the page, an HTTP answer,
 * a server log line), never on the clock, so the ceilings below only decide how
 * long a broken test takes to fail. They are generous because CI machines are
 * busy: on two cores under a load average of ~10, opening a board (server
 * start, page load, editor, websocket sync) took over 15 s.
 */
export default defineConfig({
  testDir: 'tests',
  outputDir: 'test-results',
  forbidOnly: true,
  retries: 0,
  // Two cores: one browser at a time, tests in file order.
  workers: 1,
  fullyParallel: false,
  // One test may open a server and several devices, each of which may take a minute when busy.
  timeout: 180_000,
  // A hung run must not hold CI forever. A healthy one takes ~12 min on two quiet cores and
  // took 28 min with a load average of 12–15 from other work on the machine, 39 min with two
  // busy loops on top (load average 14 on the whole, up to 20).
  globalTimeout: 60 * 60_000,
  expect: {
    timeout: 60_000,
    // toPass ignores `timeout` above unless told, and would otherwise retry until the test ends.
    toPass: { timeout: 60_000 },
  },
  reporter: 'list',
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    locale: 'de-DE',
    serviceWorkers: 'allow',
    // Also the default for waitForFunction, waitForResponse and waitForEvent.
    actionTimeout: 60_000,
    navigationTimeout: 60_000,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        ...CHROMIUM_FLAGS,
        // Belt and braces for the origin guard: a page that reaches for a host
        // name other than the loopback server fails to resolve it, so a test
        // run sends nothing off this machine even when the guard fires.
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
      ],
    },
  },
})
