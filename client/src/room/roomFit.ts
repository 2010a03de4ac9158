/**
 * The room view's fit: for one station, how large each column's text is,
 * how many cards stand side by side, where every card goes and, when a
 * column holds more than fits at the smallest size, how it is paged.
 *
 * Pure: text is measured through a {@link RoomMeasure}, which the page
 * implements with the DOM (`roomMeasure.ts`) and the tests with a model.
 * The guarantee it gives, for any measure that tells the truth: every card
 * of a page lies inside the column's box, no card overlaps another, every
 * card is as tall as its text, and no note is left out of every page.
 */

/** A note as the fit sees it: its text as drawn (hyphenated) and its dots. */
export interface FitCard {
  id: string
  text: string
  votes: number
  /** The language the text is hyphenated in, as the card's `lang`. */
  lang?: string
  /**
   * A word wider than any card could be at the smallest size (a long URL):
   * such a card may break anywhere, so it never spills. Set by `fitStation`.
   */
  breakAnywhere?: boolean
}

export type FitEntry =
  | { kind: 'note'; card: FitCard }
  | { kind: 'cluster'; id: string; heading: string | undefined; cards: FitCard[] }

/** A measured box: its height in whole pixels, and whether a word sticks out sideways. */
export interface MeasuredBox {
  height: number
  overflows: boolean
}

/** Measures real text. Every answer is in CSS pixels, rounded up. */
export interface RoomMeasure {
  /** Note cards `width` px wide with text at `fontPx`, in the order given. */
  cards(cards: readonly FitCard[], width: number, fontPx: number): MeasuredBox[]
  /** A cluster's heading, `width` px wide, at its notes' `fontPx`. */
  clusterHeading(text: string, width: number, fontPx: number): MeasuredBox
  /** A column's question, `width` px wide, at `fontPx`. */
  columnHeading(text: string, width: number, fontPx: number): MeasuredBox
}

export interface RoomFitOptions {
  /** The smallest note text; below it a column pages instead. */
  minFontPx: number
  /** The largest note text, for columns with few notes. */
  maxFontPx: number
  /** The note text of a column that pages. */
  pagingFontPx: number
  /**
   * The column questions' size; shrinks towards `minHeadingFontPx` where it
   * would cost the notes text size, or a long question more than a quarter
   * of the height.
   */
  headingFontPx: number
  minHeadingFontPx: number
  /** At most this many cards side by side in a column. */
  maxPerRow: number
  /**
   * Cards side by side only while each is at least this many ems wide: a
   * narrower card holds a word or two per line, broken at every syllable.
   */
  minCardEm: number
  /**
   * Fewer cards side by side only while each stays at most this many ems
   * wide (unless `maxPerRow` are): longer lines are hard to follow, and a
   * lone note across a whole screen reads as a banner, not a card.
   */
  maxCardEm: number
  /** Height kept at the foot of a paged column for „noch n Karten“ and „2/3“. */
  indicatorHeightPx: number
}

export const DEFAULT_FIT_OPTIONS: RoomFitOptions = {
  minFontPx: 18,
  maxFontPx: 44,
  pagingFontPx: 24,
  headingFontPx: 48,
  minHeadingFontPx: 40,
  maxPerRow: 3,
  minCardEm: 8,
  maxCardEm: 22,
  indicatorHeightPx: 48,
}

export interface PlacedCard {
  kind: 'note'
  card: FitCard
  /** Relative to the column's body (or, inside a cluster, to the cluster's box). */
  x: number
  y: number
  w: number
  h: number
}

export interface PlacedCluster {
  kind: 'cluster'
  id: string
  heading: string | undefined
  /** A part after the first of a cluster too tall for one page. */
  continued: boolean
  x: number
  y: number
  w: number
  h: number
  /** The heading's box inside the cluster. */
  headingHeight: number
  cards: PlacedCard[]
}

export type PlacedEntry = PlacedCard | PlacedCluster

export interface ColumnPage {
  entries: PlacedEntry[]
  /** From the body's top to the lowest card's bottom edge. */
  height: number
  noteCount: number
}

export interface ColumnFit {
  fontPx: number
  perRow: number
  /** Space between cards, and inside a cluster's box. */
  gap: number
  pad: number
  /** One page unless the column pages. */
  pages: ColumnPage[]
  paged: boolean
  noteCount: number
  /** The body's height the pages are laid out for (the column's minus the indicator, when paged). */
  bodyHeight: number
}

export interface StationFit {
  width: number
  height: number
  columnWidth: number
  columnGap: number
  headingFontPx: number
  /** The row of headings: as tall as the tallest question, so every column starts level. */
  headingHeight: number
  /** Where the columns' bodies start, below the headings. */
  bodyTop: number
  bodyHeight: number
  columns: ColumnFit[]
}

export interface StationFitInput {
  width: number
  height: number
  columns: ReadonlyArray<{ heading: string; entries: readonly FitEntry[] }>
}

/** Space between cards at a text size: close enough to read as one column, apart enough to tell cards apart. */
export function spacingFor(fontPx: number): { gap: number; pad: number } {
  const gap = Math.round(Math.min(14, Math.max(6, fontPx * 0.34)))
  const pad = Math.round(Math.min(14, Math.max(6, fontPx * 0.35)))
  return { gap, pad }
}

/** Between the headings row and the cards. */
const HEADING_GAP = 12
/** The headings may take at most this share of the height before they shrink. */
const HEADING_SHARE = 0.25

/**
 * Fits a station into a box of `width` × `height`: columns side by side, each
 * as wide as the box allows, its question as a heading above it, all headings
 * in one row of one height. Each column is fitted on its own (see
 * {@link fitColumn}). The headings take the largest of `headingFontPx`, the
 * middle and `minHeadingFontPx` that leaves the notes as large as the
 * smallest would.
 */
export function fitStation(
  input: StationFitInput,
  measure: RoomMeasure,
  options: RoomFitOptions = DEFAULT_FIT_OPTIONS,
): StationFit {
  const count = Math.max(1, input.columns.length)
  const columnGap = Math.round(Math.min(40, Math.max(16, input.width * 0.02)))
  const columnWidth = Math.max(1, Math.floor((input.width - (count - 1) * columnGap) / count))

  // A word wider than the widest card at the smallest size cannot be kept
  // whole: that card may break anywhere rather than spill.
  const unbreakable = new Set<string>()
  for (const column of input.columns) {
    const cards = column.entries.flatMap(cardsOf)
    measure.cards(cards, columnWidth, options.minFontPx).forEach((box, index) => {
      if (box.overflows) unbreakable.add(cards[index]!.id)
    })
  }
  const mark = (card: FitCard): FitCard =>
    unbreakable.has(card.id) ? { ...card, breakAnywhere: true } : card
  const columns = input.columns.map((column) =>
    column.entries.map(
      (entry): FitEntry =>
        entry.kind === 'note'
          ? { kind: 'note', card: mark(entry.card) }
          : { ...entry, cards: entry.cards.map(mark) },
    ),
  )

  const withHeadings = (headingFontPx: number): StationFit => {
    const headingHeight = Math.max(
      0,
      ...input.columns.map(
        (column) => measure.columnHeading(column.heading, columnWidth, headingFontPx).height,
      ),
    )
    const bodyTop = headingHeight + HEADING_GAP
    const bodyHeight = Math.max(1, input.height - bodyTop)
    return {
      width: input.width,
      height: input.height,
      columnWidth,
      columnGap,
      headingFontPx,
      headingHeight,
      bodyTop,
      bodyHeight,
      columns: columns.map((entries) =>
        fitColumn(entries, columnWidth, bodyHeight, measure, options),
      ),
    }
  }

  // The questions as large as they may be without costing the notes
  // anything: the smallest heading size the station may have sets the bar.
  const least = options.minHeadingFontPx
  const sizes = [options.headingFontPx, Math.round((options.headingFontPx + least) / 2), least]
  const allowed = [...new Set(sizes)].filter((size) => size >= least).sort((a, b) => b - a)
  const floor = withHeadings(allowed[allowed.length - 1] ?? least)
  for (const size of allowed.slice(0, -1)) {
    const fit = withHeadings(size)
    if (fit.headingHeight > input.height * HEADING_SHARE) continue
    if (compareFits(fit, floor) >= 0) return fit
  }
  return floor
}

/** Which fit shows the notes better: fewer paged columns, then larger smallest text. */
function compareFits(a: StationFit, b: StationFit): number {
  const paged = (fit: StationFit) => fit.columns.filter((column) => column.paged).length
  const smallest = (fit: StationFit) => Math.min(...fit.columns.map((column) => column.fontPx))
  return paged(b) - paged(a) || smallest(a) - smallest(b)
}

/**
 * Fits one column's entries into `width` × `height`.
 *
 * The largest text size (whole pixels, `minFontPx`–`maxFontPx`) at which the
 * whole column fits on one page, over 1 to `maxPerRow` cards side by side,
 * each card `minCardEm`–`maxCardEm` wide at that size; of equal sizes, fewer
 * cards side by side (wider lines, fewer hyphens). When
 * nothing fits at `minFontPx`, the column pages at `pagingFontPx`, with as
 * many cards side by side as makes the fewest pages (of equals, the most).
 */
export function fitColumn(
  entries: readonly FitEntry[],
  width: number,
  height: number,
  measure: RoomMeasure,
  options: RoomFitOptions = DEFAULT_FIT_OPTIONS,
): ColumnFit {
  const noteCount = entries.reduce((sum, entry) => sum + cardsOf(entry).length, 0)
  const widest = Math.max(1, options.maxPerRow)
  const layout = (fontPx: number, perRow: number, pageHeight: number) =>
    layOut(entries, width, fontPx, perRow, pageHeight, measure)
  // Lines no longer than `maxCardEm` are a preference: a word too wide for such a card lifts it.
  let maxCardEm = options.maxCardEm
  const wideEnough = (fontPx: number, perRow: number) => {
    const cardWidth = cardWidthFor(width, fontPx, perRow)
    const notTooNarrow = perRow === 1 || cardWidth >= options.minCardEm * fontPx
    const notTooWide = perRow === widest || cardWidth <= maxCardEm * fontPx
    return notTooNarrow && notTooWide
  }
  let sawOverflow = false
  const fitsOnePage = (fontPx: number, perRow: number) => {
    const laid = layOut(entries, width, fontPx, perRow, Infinity, measure)
    if (laid.overflows) sawOverflow = true
    return !laid.overflows && (laid.pages[0]?.height ?? 0) <= height
  }

  /** The largest size at which the column fits one page, and with how many cards side by side. */
  const search = () => {
    let found: { fontPx: number; perRow: number } | null = null
    for (let perRow = 1; perRow <= widest; perRow++) {
      // The sizes at which this many cards side by side are neither too narrow nor too wide: one run.
      const sizes: number[] = []
      for (let size = options.minFontPx; size <= options.maxFontPx; size++) {
        if (wideEnough(size, perRow)) sizes.push(size)
      }
      if (sizes.length === 0) continue
      const fontPx = largest(sizes[0]!, sizes[sizes.length - 1]!, (size) =>
        fitsOnePage(size, perRow),
      )
      if (fontPx !== null && (found === null || fontPx > found.fontPx)) found = { fontPx, perRow }
    }
    return found
  }
  let best = search()
  if (!best && sawOverflow) {
    // Nothing fits with lines of the preferred length: any width before paging.
    maxCardEm = Infinity
    best = search()
  }
  if (best) {
    const laid = layout(best.fontPx, best.perRow, Infinity)
    return column(best.fontPx, best.perRow, laid.pages, false, noteCount, height)
  }

  // Paged: the indicator takes the foot of the column.
  const pageHeight = Math.max(1, height - options.indicatorHeightPx)
  const fontPx = Math.min(options.maxFontPx, Math.max(options.minFontPx, options.pagingFontPx))
  let paged: { perRow: number; pages: ColumnPage[]; overflows: boolean } | null = null
  const allowed = [...Array(widest).keys()]
    .map((index) => index + 1)
    .filter((perRow) => wideEnough(fontPx, perRow))
  for (const perRow of allowed.length > 0 ? allowed : [1]) {
    const laid = layout(fontPx, perRow, pageHeight)
    const better =
      paged === null ||
      (paged.overflows && !laid.overflows) ||
      // Of equally many pages, more cards side by side: fuller pages.
      (paged.overflows === laid.overflows && laid.pages.length <= paged.pages.length)
    if (better) paged = { perRow, pages: laid.pages, overflows: laid.overflows }
  }
  const chosen = paged!
  return column(fontPx, chosen.perRow, chosen.pages, chosen.pages.length > 1, noteCount, pageHeight)

  function column(
    size: number,
    perRow: number,
    pages: ColumnPage[],
    isPaged: boolean,
    notes: number,
    bodyHeight: number,
  ): ColumnFit {
    const { gap, pad } = spacingFor(size)
    return {
      fontPx: size,
      perRow,
      gap,
      pad,
      pages: pages.length > 0 ? pages : [{ entries: [], height: 0, noteCount: 0 }],
      paged: isPaged,
      noteCount: notes,
      bodyHeight,
    }
  }
}

/** The largest whole number in [low, high] for which `fits` holds, assuming it holds below any size it holds at. */
function largest(low: number, high: number, fits: (value: number) => boolean): number | null {
  if (!fits(low)) return null
  if (fits(high)) return high
  let good = low
  let bad = high
  while (bad - good > 1) {
    const middle = Math.floor((good + bad) / 2)
    if (fits(middle)) good = middle
    else bad = middle
  }
  return good
}

/** The width of each of `perRow` cards side by side across `width`, at a text size. */
function cardWidthFor(width: number, fontPx: number, perRow: number): number {
  const { gap } = spacingFor(fontPx)
  return Math.max(1, Math.floor((width - (perRow - 1) * gap) / perRow))
}

function cardsOf(entry: FitEntry): FitCard[] {
  return entry.kind === 'note' ? [entry.card] : entry.cards
}

/** Cards in `perRow` stacks across `width`: each card goes on the shortest stack, the leftmost of equals. */
class Stacks {
  readonly bottoms: number[]
  constructor(
    perRow: number,
    top: number,
    private readonly cardWidth: number,
    private readonly gap: number,
    private readonly left = 0,
  ) {
    this.bottoms = new Array<number>(perRow).fill(top)
  }

  place(card: FitCard, height: number): PlacedCard {
    let stack = 0
    this.bottoms.forEach((bottom, index) => {
      if (bottom < this.bottoms[stack]!) stack = index
    })
    const y = this.bottoms[stack]!
    this.bottoms[stack] = y + height + this.gap
    return {
      kind: 'note',
      card,
      x: this.left + stack * (this.cardWidth + this.gap),
      y,
      w: this.cardWidth,
      h: height,
    }
  }

  /** The lowest card's bottom edge, or `empty` when nothing was placed. */
  bottom(empty: number): number {
    const lowest = Math.max(...this.bottoms)
    return Math.max(empty, lowest - this.gap)
  }
}

interface Laid {
  pages: ColumnPage[]
  /** Some card's text sticks out at this size and width. */
  overflows: boolean
}

/**
 * Places a column's entries at one text size and number of cards side by
 * side, page after page of at most `pageHeight`: single notes stack on the
 * shortest of the stacks; a cluster spans the column, its heading on top and
 * its notes in stacks of their own inside it, and starts below every card
 * before it. An entry that does not fit the rest of a page starts the next;
 * a cluster taller than a whole page is split at notes, its heading repeated.
 */
function layOut(
  entries: readonly FitEntry[],
  width: number,
  fontPx: number,
  perRow: number,
  pageHeight: number,
  measure: RoomMeasure,
): Laid {
  const { gap, pad } = spacingFor(fontPx)
  const cardWidth = cardWidthFor(width, fontPx, perRow)
  const innerWidth = Math.max(1, width - 2 * pad)
  const clusterCardWidth = Math.max(1, Math.floor((innerWidth - (perRow - 1) * gap) / perRow))

  const singles = entries.flatMap((entry) => (entry.kind === 'note' ? [entry.card] : []))
  const clustered = entries.flatMap((entry) => (entry.kind === 'cluster' ? entry.cards : []))
  const heights = new Map<string, number>()
  let overflows = false
  const take = (cards: FitCard[], boxes: MeasuredBox[]) => {
    boxes.forEach((box, index) => {
      heights.set(cards[index]!.id, box.height)
      if (box.overflows) overflows = true
    })
  }
  take(singles, measure.cards(singles, cardWidth, fontPx))
  take(clustered, measure.cards(clustered, clusterCardWidth, fontPx))
  const headingHeight = (heading: string | undefined) => {
    if (heading === undefined) return 0
    const box = measure.clusterHeading(heading, innerWidth, fontPx)
    if (box.overflows) overflows = true
    return box.height + gap
  }

  const pages: ColumnPage[] = []
  let page: ColumnPage = { entries: [], height: 0, noteCount: 0 }
  let stacks = new Stacks(perRow, 0, cardWidth, gap)
  const newPage = () => {
    pages.push(page)
    page = { entries: [], height: 0, noteCount: 0 }
    stacks = new Stacks(perRow, 0, cardWidth, gap)
  }

  /** Lays a cluster (or a part of one) out at `top`; returns it and its height. */
  const clusterAt = (
    entry: Extract<FitEntry, { kind: 'cluster' }>,
    cards: FitCard[],
    continued: boolean,
    top: number,
  ): PlacedCluster => {
    const headed = headingHeight(entry.heading)
    const inner = new Stacks(perRow, pad + headed, clusterCardWidth, gap, pad)
    const placed = cards.map((card) => inner.place(card, heights.get(card.id) ?? 0))
    const h = inner.bottom(pad + headed) + pad
    return {
      kind: 'cluster',
      id: entry.id,
      heading: entry.heading,
      continued,
      x: 0,
      y: top,
      w: width,
      h,
      headingHeight: Math.max(0, headed - gap),
      cards: placed,
    }
  }

  const pageBottom = () => stacks.bottom(0)

  for (const entry of entries) {
    if (entry.kind === 'note') {
      const h = heights.get(entry.card.id) ?? 0
      const before = [...stacks.bottoms]
      let placed = stacks.place(entry.card, h)
      if (placed.y + h > pageHeight && page.entries.length > 0) {
        stacks.bottoms.splice(0, before.length, ...before)
        newPage()
        placed = stacks.place(entry.card, h)
      }
      page.entries.push(placed)
      page.noteCount++
      page.height = pageBottom()
      continue
    }

    // A cluster starts below everything before it on its page.
    const top = () => (page.entries.length > 0 ? pageBottom() + gap : 0)
    let whole = clusterAt(entry, entry.cards, false, top())
    if (whole.y + whole.h > pageHeight && page.entries.length > 0) {
      newPage()
      whole = clusterAt(entry, entry.cards, false, 0)
    }
    if (whole.h <= pageHeight) {
      addCluster(whole)
      continue
    }
    // Taller than a page on its own: split at notes, each part under the heading.
    let rest = [...entry.cards]
    let continued = false
    while (rest.length > 0) {
      let count = rest.length
      let part = clusterAt(entry, rest, continued, 0)
      while (count > 1 && part.h > pageHeight) {
        count--
        part = clusterAt(entry, rest.slice(0, count), continued, 0)
      }
      if (page.entries.length > 0) newPage()
      addCluster(part)
      rest = rest.slice(count)
      continued = true
    }
  }
  if (page.entries.length > 0 || pages.length === 0) pages.push(page)
  return { pages, overflows }

  function addCluster(cluster: PlacedCluster) {
    page.entries.push(cluster)
    page.noteCount += cluster.cards.length
    const bottom = cluster.y + cluster.h
    stacks.bottoms.fill(bottom + gap)
    page.height = bottom
  }
}
