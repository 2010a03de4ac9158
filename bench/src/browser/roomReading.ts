import type { BrowserContext, Page } from 'playwright-core'

/**
 * The bench runs under tsx, whose transform wraps named inner functions in
 * calls to a `__name` helper; functions handed to a page go as source text,
 * without it. Every page of `context` gets a stand-in that does nothing.
 */
export async function prepareRoomReading(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: 'globalThis.__name ??= (target) => target' })
}

/** What one screen of the projector's room view shows, as measured in its DOM. */
export interface RoomReading {
  /** Per column, left to right. */
  columns: Array<{ notes: number; page: number; pages: number; fontPx: number; perRow: number }>
  /** Ids of the cards on screen now. */
  shown: string[]
  /** Cards not wholly on screen: past an edge, under the station bar, or covered by another card. */
  cut: string[]
  /** Cards whose text sticks out of them, downwards or sideways. */
  spilling: string[]
  /** Note text sizes on screen, in CSS pixels (a 1920×1080 screen at scale 1 shows them 1:1). */
  fontPx: number[]
  /** Every column question's text size. */
  headingPx: number[]
  /** Every question lies over its own column, edge to edge within 1 px. */
  headingsAligned: boolean
  /** The paging indicators' texts, e.g. „noch 12 Karten 1/2“. */
  indicators: string[]
}

/** Reads the room view on `page` (runs in the page; may use nothing from outside its body). */
export function readRoom(page: Page): Promise<RoomReading> {
  return page.evaluate(() => {
    const rectOf = (element: Element) => element.getBoundingClientRect()
    const bar = document.querySelector('[data-testid="station-bar"]')
    const barBottom = bar ? rectOf(bar).bottom : 0
    const room = document.querySelector('[data-testid="room-station"]')
    const roomBox = room ? rectOf(room) : new DOMRect(0, 0, 0, 0)
    const screen = {
      w: document.documentElement.clientWidth,
      h: document.documentElement.clientHeight,
    }
    const cards = [...document.querySelectorAll<HTMLElement>('[data-testid="room-note"]')]
    const boxes = cards.map(rectOf)
    const cut: string[] = []
    const spilling: string[] = []
    cards.forEach((card, index) => {
      const box = boxes[index]!
      const id = card.dataset.noteId ?? ''
      const onScreen =
        box.left >= 0 &&
        box.top >= 0 &&
        box.right <= screen.w &&
        box.bottom <= screen.h &&
        box.top >= barBottom &&
        box.left >= roomBox.left - 0.5 &&
        box.right <= roomBox.right + 0.5 &&
        box.bottom <= roomBox.bottom + 0.5
      const covered = boxes.some(
        (other, at) =>
          at !== index &&
          other.left < box.right - 0.5 &&
          box.left < other.right - 0.5 &&
          other.top < box.bottom - 0.5 &&
          box.top < other.bottom - 0.5,
      )
      if (!onScreen || covered || !card.checkVisibility()) cut.push(id)
      const text = card.querySelector<HTMLElement>('.room-card__text')
      const spills =
        card.scrollHeight > card.clientHeight + 1 ||
        card.scrollWidth > card.clientWidth + 1 ||
        (text !== null && text.scrollWidth > text.clientWidth + 1) ||
        (text !== null && rectOf(text).bottom > box.bottom + 0.5)
      if (spills) spilling.push(id)
    })
    const columns = [...document.querySelectorAll<HTMLElement>('[data-testid="room-column"]')]
    const headings = columns.map((column) =>
      column.querySelector<HTMLElement>('[data-testid="room-column-heading"]'),
    )
    const headingsAligned = columns.every((column, index) => {
      const heading = headings[index]
      if (!heading) return false
      const a = rectOf(column)
      const b = rectOf(heading)
      return (
        Math.abs(a.left - b.left) <= 1 &&
        Math.abs(a.right - b.right) <= 1 &&
        b.bottom <= a.top + a.height
      )
    })
    return {
      columns: columns.map((column) => ({
        notes: Number(column.dataset.notes),
        page: Number(column.dataset.page),
        pages: Number(column.dataset.pages),
        fontPx: Number(column.dataset.fontPx),
        perRow: Number(column.dataset.perRow),
      })),
      shown: cards.map((card) => card.dataset.noteId ?? ''),
      cut,
      spilling,
      fontPx: cards.map((card) =>
        parseFloat(getComputedStyle(card.querySelector('.room-card__text') ?? card).fontSize),
      ),
      headingPx: headings.map((heading) =>
        heading ? parseFloat(getComputedStyle(heading).fontSize) : 0,
      ),
      headingsAligned,
      indicators: [...document.querySelectorAll('[data-testid="room-more"]')].map((element) =>
        (element.textContent ?? '').replace(/\s+/g, ' ').trim(),
      ),
    }
  })
}
