import { describe, expect, it } from 'vitest'
import {
  DEFAULT_FIT_OPTIONS,
  fitColumn,
  fitStation,
  type ColumnFit,
  type FitCard,
  type FitEntry,
  type MeasuredBox,
  type PlacedCard,
  type RoomMeasure,
} from './roomFit'

/**
 * Text as a monospaced model: every character 0.55 em wide, lines 1.25 em,
 * 0.4 em padding; words break at spaces and soft hyphens, and a word wider
 * than a line sticks out (unless the card may break anywhere).
 */
function modelBox(text: string, width: number, fontPx: number, breakAnywhere = false): MeasuredBox {
  const inner = width - 0.8 * fontPx
  const perLine = Math.max(1, Math.floor(inner / (0.55 * fontPx)))
  const words = text.split(/[\s\u00AD]+/).filter(Boolean)
  let lines = 1
  let used = 0
  let overflows = false
  for (const word of words) {
    if (word.length > perLine && !breakAnywhere) overflows = true
    const length = breakAnywhere ? Math.min(word.length, perLine) : word.length
    if (used > 0 && used + 1 + length > perLine) {
      lines++
      used = length
    } else {
      used += (used > 0 ? 1 : 0) + length
    }
    if (breakAnywhere && word.length > perLine) lines += Math.ceil(word.length / perLine) - 1
  }
  return { height: Math.ceil(lines * 1.25 * fontPx + 0.8 * fontPx), overflows }
}

class ModelMeasure implements RoomMeasure {
  calls = 0
  cards(cards: readonly FitCard[], width: number, fontPx: number): MeasuredBox[] {
    this.calls++
    return cards.map((card) => modelBox(card.text, width, fontPx, card.breakAnywhere))
  }
  clusterHeading(text: string, width: number, fontPx: number): MeasuredBox {
    return modelBox(text, width, fontPx)
  }
  columnHeading(text: string, width: number, fontPx: number): MeasuredBox {
    return modelBox(text, width, fontPx)
  }
}

const TEXTS = [
  'Unterstützung durch Ehrenamt: Sprachgebrauch im Alltag',
  'Mutter-Kind-Kurse mit Kinderbetreuung',
  'Kinder\u00ADbe\u00ADtreu\u00ADungs\u00ADan\u00ADge\u00ADbo\u00ADte während der Kurse',
  'Qua\u00ADli\u00ADfi\u00ADzie\u00ADrungs\u00ADmaß\u00ADnah\u00ADmen für Ehrenamtliche',
  'Sprachcafé donnerstags',
  'Zu wenig Zeit für den Integrationsplan',
]

function notes(count: number, prefix = 'n'): FitEntry[] {
  return Array.from({ length: count }, (_, index) => ({
    kind: 'note' as const,
    card: {
      id: `${prefix}${index}`,
      text: TEXTS[index % TEXTS.length]!,
      votes: index % 4 === 0 ? 2 : 0,
    },
  }))
}

function cluster(id: string, count: number, heading: string | undefined = 'Sprachkurse'): FitEntry {
  return {
    kind: 'cluster',
    id,
    heading,
    cards: Array.from({ length: count }, (_, index) => ({
      id: `${id}-${index}`,
      text: TEXTS[(index + 2) % TEXTS.length]!,
      votes: 0,
    })),
  }
}

/** Every card of a page in column coordinates, clusters resolved. */
function cardsOnPage(fit: ColumnFit, page: number): PlacedCard[] {
  return fit.pages[page]!.entries.flatMap((entry) =>
    entry.kind === 'note'
      ? [entry]
      : entry.cards.map((card) => ({ ...card, x: entry.x + card.x, y: entry.y + card.y })),
  )
}

function overlaps(a: PlacedCard, b: PlacedCard): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

/** The guarantee: inside the box, no overlap, as tall as the text, every note on exactly one page. */
function expectGuarantee(
  fit: ColumnFit,
  entries: readonly FitEntry[],
  width: number,
  height: number,
) {
  const seen: string[] = []
  fit.pages.forEach((_, index) => {
    const cards = cardsOnPage(fit, index)
    for (const card of cards) {
      expect(card.x).toBeGreaterThanOrEqual(0)
      expect(card.y).toBeGreaterThanOrEqual(0)
      expect(card.x + card.w).toBeLessThanOrEqual(width)
      expect(card.y + card.h).toBeLessThanOrEqual(fit.bodyHeight)
      expect(card.h).toBeGreaterThanOrEqual(
        modelBox(card.card.text, card.w, fit.fontPx, card.card.breakAnywhere).height,
      )
      seen.push(card.card.id)
    }
    for (const [i, a] of cards.entries()) {
      for (const b of cards.slice(i + 1))
        expect(overlaps(a, b), `${a.card.id} / ${b.card.id}`).toBe(false)
    }
    for (const entry of fit.pages[index]!.entries) {
      expect(entry.y + entry.h).toBeLessThanOrEqual(fit.bodyHeight)
    }
  })
  expect(fit.bodyHeight).toBeLessThanOrEqual(height)
  const all = entries.flatMap((entry) =>
    entry.kind === 'note' ? [entry.card.id] : entry.cards.map((c) => c.id),
  )
  expect(seen).toEqual(all)
}

describe('fitColumn', () => {
  it('gives a few notes the largest text and the whole width', () => {
    const entries = notes(4)
    const fit = fitColumn(entries, 900, 800, new ModelMeasure())
    expect(fit.fontPx).toBe(DEFAULT_FIT_OPTIONS.maxFontPx)
    expect(fit.paged).toBe(false)
    expectGuarantee(fit, entries, 900, 800)
    const right = Math.max(...cardsOnPage(fit, 0).map((card) => card.x + card.w))
    expect(right).toBeGreaterThan(900 - fit.gap - 1)
  })

  it('shrinks the text as notes come, one size for the whole column', () => {
    const measure = new ModelMeasure()
    const sizes = [6, 14, 24].map((count) => {
      const entries = notes(count)
      const fit = fitColumn(entries, 900, 800, measure)
      expectGuarantee(fit, entries, 900, 800)
      expect(fit.paged).toBe(false)
      return fit.fontPx
    })
    expect(sizes[0]).toBeGreaterThan(sizes[1]!)
    expect(sizes[1]).toBeGreaterThan(sizes[2]!)
    expect(sizes[2]).toBeGreaterThanOrEqual(DEFAULT_FIT_OPTIONS.minFontPx)
  })

  it('takes the largest size that fits, not one smaller', () => {
    const entries = notes(14)
    const measure = new ModelMeasure()
    const fit = fitColumn(entries, 900, 800, measure)
    const larger = fitColumn(entries, 900, 800, measure, {
      ...DEFAULT_FIT_OPTIONS,
      minFontPx: fit.fontPx + 1,
    })
    expect(larger.paged || larger.fontPx < fit.fontPx + 1).toBe(true)
  })

  it('pages a column that does not fit at the smallest size, and says so', () => {
    const entries = notes(60)
    const fit = fitColumn(entries, 900, 700, new ModelMeasure())
    expect(fit.paged).toBe(true)
    expect(fit.pages.length).toBeGreaterThan(1)
    expect(fit.fontPx).toBe(DEFAULT_FIT_OPTIONS.pagingFontPx)
    expect(fit.bodyHeight).toBe(700 - DEFAULT_FIT_OPTIONS.indicatorHeightPx)
    expectGuarantee(fit, entries, 900, 700)
    expect(fit.pages.reduce((sum, page) => sum + page.noteCount, 0)).toBe(60)
  })

  it('keeps a cluster’s heading and notes together on one page', () => {
    const entries = [...notes(20, 'a'), cluster('k', 5), ...notes(20, 'b')]
    const fit = fitColumn(entries, 900, 600, new ModelMeasure())
    expect(fit.paged).toBe(true)
    expectGuarantee(fit, entries, 900, 600)
    const holding = fit.pages.filter((page) =>
      page.entries.some((entry) => entry.kind === 'cluster'),
    )
    expect(holding).toHaveLength(1)
    const placed = holding[0]!.entries.find((entry) => entry.kind === 'cluster')!
    expect(placed.kind === 'cluster' && placed.cards).toHaveLength(5)
  })

  it('draws a cluster across the column, below the notes before it, its notes inside its box', () => {
    const entries = [...notes(4), cluster('k', 3), ...notes(2, 'z')]
    const fit = fitColumn(entries, 900, 900, new ModelMeasure())
    expect(fit.paged).toBe(false)
    expectGuarantee(fit, entries, 900, 900)
    const page = fit.pages[0]!
    const box = page.entries.find((entry) => entry.kind === 'cluster')!
    const before = page.entries.slice(0, 4)
    for (const entry of before) expect(entry.y + entry.h).toBeLessThanOrEqual(box.y)
    for (const entry of page.entries.slice(5)) expect(entry.y).toBeGreaterThanOrEqual(box.y + box.h)
    if (box.kind !== 'cluster') throw new Error('not a cluster')
    expect(box.w).toBe(900)
    for (const card of box.cards) {
      expect(card.y).toBeGreaterThanOrEqual(box.headingHeight)
      expect(card.y + card.h).toBeLessThanOrEqual(box.h)
    }
  })

  it('splits a cluster taller than a page at its notes, the heading on every part', () => {
    const entries = [cluster('k', 40)]
    const fit = fitColumn(entries, 600, 500, new ModelMeasure())
    expect(fit.pages.length).toBeGreaterThan(1)
    expectGuarantee(fit, entries, 600, 500)
    const parts = fit.pages.map((page) => page.entries[0]!)
    expect(parts.map((part) => part.kind === 'cluster' && part.continued)).toEqual(
      parts.map((_, index) => index > 0),
    )
  })

  it('never leaves text sticking out: a word too wide for a narrow card means wider cards', () => {
    const long = {
      kind: 'note' as const,
      card: { id: 'long', text: 'Donaudampfschifffahrtsgesellschaftskapitän', votes: 0 },
    }
    const entries = [...notes(8), long]
    const fit = fitColumn(entries, 900, 900, new ModelMeasure())
    const card = cardsOnPage(fit, 0).find((placed) => placed.card.id === 'long')!
    expect(modelBox(card.card.text, card.w, fit.fontPx).overflows).toBe(false)
  })

  it('sets cards side by side only while each stays at least 8 em wide', () => {
    const entries = notes(8)
    const narrow = fitColumn(entries, 300, 1200, new ModelMeasure())
    const cardWidth = Math.floor((300 - (narrow.perRow - 1) * narrow.gap) / narrow.perRow)
    expect(narrow.perRow === 1 || cardWidth >= 8 * narrow.fontPx).toBe(true)
  })

  it('holds an empty column', () => {
    const fit = fitColumn([], 900, 800, new ModelMeasure())
    expect(fit.pages).toEqual([{ entries: [], height: 0, noteCount: 0 }])
    expect(fit.paged).toBe(false)
  })
})

describe('fitStation', () => {
  it('sets the columns side by side across the width, headings level and at least 40 px', () => {
    const columns = [
      { heading: 'Was läuft gut?', entries: notes(14) },
      {
        heading: 'Wo hakt es? Und was können wir vor Ort ändern, damit es besser wird?',
        entries: notes(6),
      },
    ]
    const fit = fitStation({ width: 1872, height: 880, columns }, new ModelMeasure())
    expect(fit.columnWidth * 2 + fit.columnGap).toBeLessThanOrEqual(1872)
    expect(fit.columnWidth * 2 + fit.columnGap).toBeGreaterThan(1870)
    expect(fit.headingFontPx).toBeGreaterThanOrEqual(40)
    expect(fit.headingHeight).toBe(
      Math.max(
        ...columns.map(
          (column) => modelBox(column.heading, fit.columnWidth, fit.headingFontPx).height,
        ),
      ),
    )
    expect(fit.bodyTop + fit.bodyHeight).toBeLessThanOrEqual(880)
    fit.columns.forEach((column, index) =>
      expectGuarantee(column, columns[index]!.entries, fit.columnWidth, fit.bodyHeight),
    )
  })

  it('lets a card with a word no card can hold break anywhere, rather than spill', () => {
    const url =
      'https://example.org/ein/sehr/langer/pfad/ohne/jede/moeglichkeit/zum/trennen/index.html'
    const columns = [
      {
        heading: 'Links',
        entries: [{ kind: 'note' as const, card: { id: 'url', text: url, votes: 0 } }],
      },
    ]
    const fit = fitStation({ width: 400, height: 600, columns }, new ModelMeasure())
    const placed = fit.columns[0]!.pages[0]!.entries[0]!
    expect(placed.kind === 'note' && placed.card.breakAnywhere).toBe(true)
  })
})
