import type { FitCard, MeasuredBox, RoomMeasure } from './roomFit'
import { ROOM_CLASSES, dotsText } from './roomMarkup'

/** Beyond this many remembered boxes the cache starts over (a long day of resizes). */
const CACHE_LIMIT = 20_000

/**
 * Measures the room's text in the DOM: each card, cluster heading and column
 * heading is built with the very classes and structure the room draws it
 * with (`roomMarkup.ts`), set into `host` (an invisible element inside the
 * room, so the same styles apply) at the width and text size asked about,
 * and read back. All boxes of one call are built first and read after, so a
 * call costs one layout. Answers are remembered by text, width and size.
 */
export class DomRoomMeasure implements RoomMeasure {
  private readonly cache = new Map<string, MeasuredBox>()

  constructor(private readonly host: HTMLElement) {}

  /** Forgets every answer, e.g. once the room's font has loaded. */
  clear(): void {
    this.cache.clear()
  }

  cards(cards: readonly FitCard[], width: number, fontPx: number): MeasuredBox[] {
    return this.boxes(
      cards.map((card) => ({
        key: `card\u0000${card.lang ?? ''}\u0000${card.text}\u0000${card.votes}\u0000${card.breakAnywhere === true}\u0000${width}\u0000${fontPx}`,
        build: () => cardElement(card, width, fontPx),
      })),
    )
  }

  clusterHeading(text: string, width: number, fontPx: number): MeasuredBox {
    return this.boxes([
      {
        key: `cluster\u0000${text}\u0000${width}\u0000${fontPx}`,
        build: () => headingElement('h3', ROOM_CLASSES.clusterHeading, text, width, fontPx),
      },
    ])[0]!
  }

  columnHeading(text: string, width: number, fontPx: number): MeasuredBox {
    return this.boxes([
      {
        key: `column\u0000${text}\u0000${width}\u0000${fontPx}`,
        build: () => headingElement('h2', ROOM_CLASSES.columnHeading, text, width, fontPx),
      },
    ])[0]!
  }

  private boxes(requests: Array<{ key: string; build: () => Measured }>): MeasuredBox[] {
    const answers = requests.map((request) => this.cache.get(request.key))
    const missing = requests.flatMap((request, index) =>
      answers[index] === undefined ? [{ index, key: request.key, measured: request.build() }] : [],
    )
    if (missing.length === 0) return answers as MeasuredBox[]
    if (this.cache.size + missing.length > CACHE_LIMIT) this.cache.clear()
    const fragment = document.createDocumentFragment()
    for (const { measured } of missing) fragment.append(measured.box)
    this.host.append(fragment)
    for (const { index, key, measured } of missing) {
      const box: MeasuredBox = {
        height: Math.ceil(measured.box.getBoundingClientRect().height),
        // A word wider than the line sticks out of the text's box sideways.
        overflows: measured.text.scrollWidth > measured.text.clientWidth,
      }
      this.cache.set(key, box)
      answers[index] = box
    }
    this.host.replaceChildren()
    return answers as MeasuredBox[]
  }
}

interface Measured {
  box: HTMLElement
  text: HTMLElement
}

function cardElement(card: FitCard, width: number, fontPx: number): Measured {
  const box = document.createElement('li')
  box.className =
    ROOM_CLASSES.card + (card.breakAnywhere ? ` ${ROOM_CLASSES.cardBreakAnywhere}` : '')
  box.style.width = `${width}px`
  box.style.fontSize = `${fontPx}px`
  if (card.votes > 0) {
    const dots = document.createElement('span')
    dots.className = ROOM_CLASSES.dots
    dots.textContent = dotsText(card.votes)
    box.append(dots)
  }
  const text = document.createElement('p')
  text.className = ROOM_CLASSES.cardText
  text.dir = 'auto'
  if (card.lang) text.lang = card.lang
  text.textContent = card.text
  box.append(text)
  return { box, text }
}

function headingElement(
  tag: 'h2' | 'h3',
  className: string,
  content: string,
  width: number,
  fontPx: number,
): Measured {
  const box = document.createElement(tag)
  box.className = className
  box.style.width = `${width}px`
  box.style.fontSize = `${fontPx}px`
  box.textContent = content
  return { box, text: box }
}
