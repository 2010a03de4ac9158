import type { BrowserContext, Page } from 'playwright-core'

/**
 * Times how long a page takes from the start of its navigation until it is
 * ready to use, inside the page itself: a `MutationObserver` waits for an
 * element matching the ready selector, and the time is taken after the frame
 * that first shows it has been drawn (the same rAF-then-message step as the
 * paint probe). Times are `performance.now()`, which counts from the start of
 * the navigation, so they include the request for the HTML itself.
 */

declare global {
  interface Window {
    /** Ms from the navigation's start until the ready element was first painted. */
    __benchReady?: Promise<number>
  }
}

/**
 * Runs in every page of the context before the app's scripts, from its source
 * text: it may use nothing from outside its own body.
 */
function installReadyProbe(selector: string): void {
  window.__benchReady = new Promise<number>((resolve) => {
    const afterPaint = () => {
      requestAnimationFrame(() => {
        const channel = new MessageChannel()
        channel.port1.onmessage = () => resolve(performance.now())
        channel.port2.postMessage(null)
      })
    }
    const observer = new MutationObserver(() => {
      if (!document.querySelector(selector)) return
      observer.disconnect()
      afterPaint()
    })
    // The document exists before any of its elements; attributes cover `disabled` going away.
    observer.observe(document, { subtree: true, childList: true, attributes: true })
  })
}

/**
 * tsx (esbuild with keepNames) wraps named functions in calls to a `__name`
 * helper, which a page does not have; the functions sent to it need one.
 */
const NAME_HELPER = 'globalThis.__name ??= (target) => target'

/** Makes every page of `context` time itself until `selector` first matches. */
export async function addReadyProbe(context: BrowserContext, selector: string): Promise<void> {
  await context.addInitScript({ content: NAME_HELPER })
  await context.addInitScript(installReadyProbe, selector)
}

/** The ready time of the page's current document; call after its navigation committed. */
export async function readyTime(page: Page, timeoutMs: number): Promise<number> {
  const reading = page.evaluate(
    () => window.__benchReady ?? Promise.reject(new Error('no ready probe')),
  )
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${page.url()} was not ready within ${timeoutMs} ms`)),
      timeoutMs,
    )
  })
  try {
    return await Promise.race([reading, timeout])
  } finally {
    clearTimeout(timer)
  }
}
