import type { OutlineItem, OutlineNote } from '@tablecloth/shared'
import type { PdfContext } from './pdfContext'
import { CLUSTER_INDENT, NOTE_GAP, STYLES } from './pdfStyles'
import { actualText, type StructElement } from './pdfTags'
import type { Paragraph, Span } from './pdfText'

/**
 * A column's notes as blocks the page layout places one below the other: a
 * cluster heading, a note with its bullet, or the words for "no notes". A
 * block is never split across pages, except a note too tall for any page,
 * which is cut between lines into several blocks.
 */
export interface ListBlock {
  height: number
  /** A cluster heading stays on the page of its first note. */
  keepWithNext: boolean
  /** Draws the block with its top left at (x, top), tagged into `target`. */
  draw(x: number, top: number, target: ListTarget): void
}

/**
 * Where a column's notes are tagged: the table cell or section they stand
 * in. Each run of notes is one list (L), a cluster's heading a paragraph
 * (P) before its list; lists are created when their first note is drawn,
 * so the structure follows the page order even across page breaks.
 */
export class ListTarget {
  private readonly lists = new Map<number, StructElement>()

  constructor(
    private readonly ctx: PdfContext,
    readonly parent: StructElement,
  ) {}

  list(group: number): StructElement {
    let list = this.lists.get(group)
    if (!list) {
      list = this.ctx.tags.child(this.parent, 'L')
      this.lists.set(group, list)
    }
    return list
  }
}

export interface ListOptions {
  /** Shown when there are no items. */
  empty: string
  /** A note taller than this is cut into several blocks. */
  maxBlockHeight: number
}

/** Space above a cluster heading that follows other notes. */
const CLUSTER_GAP = 3
const BULLET = '•'
const BULLET_GAP = 4

/** The blocks of a column (or of the notes outside the columns), `width` points wide. */
export function listBlocks(
  ctx: PdfContext,
  items: readonly OutlineItem[],
  width: number,
  options: ListOptions,
): ListBlock[] {
  if (items.length === 0) return [emptyBlock(ctx, options.empty, width)]
  const blocks: ListBlock[] = []
  let group = 0
  items.forEach((item, index) => {
    if (item.kind === 'note') {
      // Consecutive single notes share one list.
      if (index > 0 && items[index - 1]!.kind === 'cluster') group++
      blocks.push(...noteBlocks(ctx, item.note, group, width, 0, options.maxBlockHeight))
      return
    }
    group++
    blocks.push(clusterHeadingBlock(ctx, item.heading, item.direction, width, index > 0))
    for (const note of item.notes) {
      blocks.push(...noteBlocks(ctx, note, group, width, CLUSTER_INDENT, options.maxBlockHeight))
    }
    group++
  })
  return blocks
}

function emptyBlock(ctx: PdfContext, words: string, width: number): ListBlock {
  const paragraph = ctx.text.layout([{ text: words, style: STYLES.empty }], width)
  return {
    height: paragraph.height + NOTE_GAP,
    keepWithNext: false,
    draw(x, top, target) {
      const element = ctx.tags.child(target.parent, 'P')
      ctx.tags.content(element, 'P', () => ctx.text.draw(paragraph, x, top, width))
    },
  }
}

function clusterHeadingBlock(
  ctx: PdfContext,
  heading: string,
  direction: OutlineNote['direction'],
  width: number,
  spaced: boolean,
): ListBlock {
  const paragraph = ctx.text.layout([{ text: heading, style: STYLES.clusterHeading }], width, {
    direction,
  })
  const gap = spaced ? CLUSTER_GAP : 0
  return {
    height: gap + paragraph.height + 1,
    keepWithNext: true,
    draw(x, top, target) {
      const element = ctx.tags.child(target.parent, 'P', actualText(heading))
      ctx.tags.content(element, 'P', () => ctx.text.draw(paragraph, x, top + gap, width))
    },
  }
}

/** A note: bullet on the side it starts from, text beside it, dots after the text. */
function noteBlocks(
  ctx: PdfContext,
  note: OutlineNote,
  group: number,
  width: number,
  indent: number,
  maxBlockHeight: number,
): ListBlock[] {
  const rtl = note.direction === 'rtl'
  const bullet = ctx.text.line([{ text: BULLET, style: STYLES.note }])
  const bulletWidth = bullet.width + BULLET_GAP
  const textWidth = width - indent - bulletWidth
  const spans: Span[] = [{ text: note.text, style: STYLES.note }]
  // "(2 Punkte)" stays on one line.
  if (note.votes !== undefined) {
    spans.push({ text: ` (${note.votes.replace(/ /g, '\u00a0')})`, style: STYLES.votes })
  }
  const paragraph = ctx.text.layout(spans, textWidth, { direction: note.direction })
  const typed = note.votes === undefined ? note.text : `${note.text} (${note.votes})`

  const perBlock = Math.max(1, Math.floor(maxBlockHeight / paragraph.lineHeight))
  const pieces: Paragraph[] = []
  for (let start = 0; start < paragraph.lines.length; start += perBlock) {
    const lines = paragraph.lines.slice(start, start + perBlock)
    pieces.push({ ...paragraph, lines, height: lines.length * paragraph.lineHeight })
  }

  // The list item is made when the first piece is drawn; later pieces add to its body.
  let body: StructElement | undefined
  return pieces.map((piece, index) => ({
    height: piece.height + (index === pieces.length - 1 ? NOTE_GAP : 0),
    keepWithNext: false,
    draw(x, top, target) {
      if (!body) {
        const item = ctx.tags.child(target.list(group), 'LI')
        const label = ctx.tags.child(item, 'Lbl')
        const bulletX = rtl ? x + width - indent - bullet.width : x + indent
        ctx.tags.content(label, 'Lbl', () => ctx.text.draw(bullet, bulletX, top, bullet.width))
        body = ctx.tags.child(item, 'LBody', actualText(typed))
      }
      const textX = rtl ? x : x + indent + bulletWidth
      ctx.tags.content(body, 'LBody', () => ctx.text.draw(piece, textX, top, textWidth))
    },
  }))
}
