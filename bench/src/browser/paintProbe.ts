import type { BrowserContext, Page } from 'playwright-core'

/**
 * Times notes from the moderator's Enter until a screen paints them, inside
 * the pages themselves: the bench only tells each page which text to watch
 * for, and reads the times afterwards. Times are wall-clock milliseconds
 * (`performance.timeOrigin + performance.now()`), so times taken in different
 * pages (processes) of one machine compare directly.
 */

/** What the probe publishes in each page as `window.__benchPaint`. */
interface PageProbe {
  /** When Enter was last pressed in this page, before the app handled it; null before that. */
  enterAt: number | null
  /**
   * Starts watching the board for a note showing `text` and forgets the last
   * Enter; call before the note exists.
   */
  watch(text: string): void
  /** When the frame that first shows the watched note was painted. */
  painted(): Promise<number>
  /** Resolves once the watched note has left the page again. */
  gone(): Promise<void>
  /** How far the watched note got, to explain a note that never showed. */
  progress: WatchProgress
}

/** Not in the DOM yet; in it but not drawn (e.g. culled); painted. */
export type WatchProgress = 'absent' | 'hidden' | 'painted'

declare global {
  interface Window {
    __benchPaint?: PageProbe
  }
}

/**
 * Runs in the page, before the app's own scripts, from its source text:
 * it may use nothing from outside its own body.
 */
function installProbe(): void {
  const wallClock = () => performance.timeOrigin + performance.now()
  let enterAt: number | null = null
  // Capture phase on the window runs before React's handler on the app's root.
  window.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) enterAt = wallClock()
    },
    { capture: true },
  )

  let painted: Promise<number> = Promise.reject(new Error('nothing watched yet'))
  painted.catch(() => {})
  let shape: Element | null = null
  let progress: WatchProgress = 'absent'

  /**
   * A note is a tldraw shape on the moderator's board and a card of the room
   * view on the projector. Both also write note text into hidden measuring
   * elements, which are neither.
   */
  const NOTE = '.tl-shape, [data-testid="room-note"]'
  /** The room view draws text with soft hyphens where it may break. */
  const holds = (node: Node, text: string) =>
    node.textContent?.replaceAll('\u00AD', '').includes(text) === true

  /** The note's element, if `node` holds the text inside one. */
  const shapeHolding = (node: Node, text: string): Element | null => {
    if (!holds(node, text)) return null
    const element = node instanceof Element ? node : node.parentElement
    if (!element) return null
    const around = element.closest(NOTE)
    if (around) return around
    for (const inner of element.querySelectorAll(NOTE)) {
      if (holds(inner, text)) return inner
    }
    return null
  }

  const probe: PageProbe = {
    get enterAt() {
      return enterAt
    },
    get progress() {
      return progress
    },
    watch(text) {
      const container = document.querySelector('.tl-container, [data-testid="room-station"]')
      if (!container) throw new Error('no board (tldraw) or room view on this page')
      shape = null
      progress = 'absent'
      enterAt = null
      painted = new Promise<number>((resolve, reject) => {
        // The DOM change is drawn in the next frame. Its requestAnimationFrame
        // callbacks run before that frame's style, layout and paint; a task
        // queued from one runs once the frame is done, which is the time kept.
        // A culled shape (display: none) is in the DOM but not drawn: wait for
        // the frame that shows it.
        const awaitPaint = (element: Element) => {
          requestAnimationFrame(() => {
            if (!element.isConnected) {
              reject(new Error(`the note "${text}" left the page before it was shown`))
            } else if (!element.checkVisibility()) {
              progress = 'hidden'
              awaitPaint(element)
            } else {
              const channel = new MessageChannel()
              channel.port1.onmessage = () => {
                progress = 'painted'
                resolve(wallClock())
              }
              channel.port2.postMessage(null)
            }
          })
        }

        const observer = new MutationObserver((records) => {
          for (const record of records) {
            const nodes = record.type === 'characterData' ? [record.target] : record.addedNodes
            for (const node of nodes) {
              const found = shapeHolding(node, text)
              if (!found) continue
              observer.disconnect()
              shape = found
              awaitPaint(found)
              return
            }
          }
        })
        observer.observe(container, { childList: true, characterData: true, subtree: true })
      })
      // Read through painted(); a note that never comes is the bench's timeout to report.
      painted.catch(() => {})
    },
    painted: () => painted,
    gone() {
      const watched = shape
      return new Promise<void>((resolve) => {
        const check = () => {
          if (watched?.isConnected) requestAnimationFrame(check)
          else resolve()
        }
        check()
      })
    },
  }
  window.__benchPaint = probe
}

/**
 * The bench runs under tsx, whose transform wraps named inner functions in
 * calls to a `__name` helper. Functions handed to a page are sent as source
 * text, without the helper, so each page gets a stand-in that does nothing.
 */
const NAME_HELPER = 'globalThis.__name ??= (target) => target'

/** Installs the probe in every page the context opens from now on. */
export async function addPaintProbe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: NAME_HELPER })
  await context.addInitScript(installProbe)
}

/** The probe in one page, from the bench's side. */
export class PaintProbe {
  constructor(readonly page: Page) {}

  watch(text: string): Promise<void> {
    return this.page.evaluate((watched) => window.__benchPaint!.watch(watched), text)
  }

  painted(): Promise<number> {
    return this.page.evaluate(() => window.__benchPaint!.painted())
  }

  enterAt(): Promise<number | null> {
    return this.page.evaluate(() => window.__benchPaint!.enterAt)
  }

  gone(): Promise<void> {
    return this.page.evaluate(() => window.__benchPaint!.gone())
  }

  progress(): Promise<WatchProgress> {
    return this.page.evaluate(() => window.__benchPaint!.progress)
  }
}
