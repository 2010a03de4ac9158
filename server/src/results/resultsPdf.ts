import PDFDocument from 'pdfkit'
import {
  resultsOutline,
  textDirection,
  type OutlineContentsEntry,
  type OutlineItem,
  type OutlineTable,
  type Results,
  type ResultsDocumentOptions,
  type ResultsOutline,
} from '@tablecloth/shared'
import type { PdfContext } from './pdfContext'
import { fontBook } from './pdfFonts'
import { CONTENT_BOTTOM, CONTENT_HEIGHT, CONTENT_WIDTH, MARGIN, PAGE, PdfFlow } from './pdfFlow'
import { ListTarget, listBlocks, type ListBlock } from './pdfNoteList'
import { stationTable } from './pdfStationTable'
import { STYLES } from './pdfStyles'
import { PdfTags, actualText, type StructElement } from './pdfTags'
import { PdfText, type Paragraph, type TextStyle } from './pdfText'

/**
 * The results as a printable A4 PDF laid out like the hand-typed reports:
 * a title page (event, date in the document's language, venue), the table
 * of contents with page numbers, the programme with every station's
 * questions, the saved cross-table themes ("Querschnittsthemen") from a new
 * page, then every topic table from a new page, each station as a
 * table with one column per question. Every page is numbered.
 *
 * The fonts (Noto Sans, Noto Sans Arabic, Noto Emoji) are embedded, subset
 * to the glyphs used; Arabic is shaped and ordered right to left (pdfText.ts).
 * The PDF is tagged (pdfTags.ts), so its headings, lists and tables reach
 * screen readers, and it has bookmarks for the tables and stations.
 */
export async function resultsToPdf(
  results: Results,
  options: ResultsDocumentOptions = {},
): Promise<Buffer> {
  const outline = resultsOutline(results, options)
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    // Pages stay open so the contents and the page numbers ("3 of 12") can
    // be written once the last page is known.
    bufferPages: true,
    tagged: true,
    lang: outline.locale,
    displayTitle: true,
    pdfVersion: '1.7',
    info: { Title: outline.documentTitle, Creator: 'Tablecloth' },
    // No default font: pdfkit would otherwise add Helvetica, which is not
    // embedded and covers neither Arabic nor emoji.
    font: null as unknown as string,
  })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve)
    doc.on('error', reject)
  })

  const ctx: PdfContext = {
    doc,
    flow: new PdfFlow(doc),
    text: new PdfText(doc, fontBook()),
    tags: new PdfTags(doc),
  }
  const root = ctx.tags.root({ lang: outline.locale })
  const pages = new Map<string, number>()

  drawCover(ctx, root, outline)
  const contents = reserveContents(ctx, root, outline)
  drawProgramme(ctx, root, outline, pages)
  await drawThemes(ctx, root, outline, pages)
  for (const table of outline.tables) await drawTable(ctx, root, table, outline, pages)
  await breathe()
  contents.fill(pages)
  drawPageNumbers(ctx, outline)

  root.end()
  await breathe()
  doc.end()
  await finished
  return Buffer.concat(chunks)
}

/** Space after a heading, and between the sections of a page. */
const AFTER_HEADING = 8
const BETWEEN_STATIONS = 16
/** Width of the page numbers at the right of the contents. */
const PAGE_NUMBER_WIDTH = 36
const SUB_ENTRY_INDENT = 14
const ENTRY_GAP = 4
/** The page number's baseline area, below the content. */
const PAGE_NUMBER_TOP = PAGE.height - 38

/** A paragraph as content of a new element under `parent`, at the cursor. */
function block(
  ctx: PdfContext,
  parent: StructElement,
  role: string,
  paragraph: Paragraph,
  options: { align?: 'start' | 'center'; after?: number; x?: number; width?: number } = {},
): StructElement {
  const element = ctx.tags.child(parent, role, actualText(paragraph.text))
  const x = options.x ?? MARGIN.left
  const width = options.width ?? CONTENT_WIDTH
  ctx.tags.content(element, role, () =>
    ctx.text.draw(paragraph, x, ctx.flow.y, width, options.align ?? 'start'),
  )
  ctx.flow.advance(paragraph.height + (options.after ?? 0))
  return element
}

function lay(ctx: PdfContext, text: string, style: TextStyle, width = CONTENT_WIDTH): Paragraph {
  return ctx.text.layout([{ text, style }], width)
}

/** Where a section starts: a link target for the contents and a bookmark. */
function markSection(ctx: PdfContext, anchor: string, pages: Map<string, number>): void {
  pages.set(anchor, ctx.flow.page)
  ctx.doc.addNamedDestination(anchor, 'XYZ', 0, ctx.flow.y - 12, 0)
}

/** A bookmark to the current page. pdfkit's typings lack the `fit` option. */
function bookmark(parent: PDFKit.PDFOutline, title: string): PDFKit.PDFOutline {
  return parent.addItem(title, { fit: true } as { expanded?: boolean })
}

function drawCover(ctx: PdfContext, root: StructElement, outline: ResultsOutline): void {
  const { flow } = ctx
  flow.newPage()
  flow.y = PAGE.height * 0.3
  const { cover } = outline
  const title = ctx.text.layout([{ text: cover.title, style: STYLES.coverTitle }], CONTENT_WIDTH, {
    leading: 1.25,
  })
  block(ctx, root, 'H1', title, { align: 'center', after: 18 })
  block(ctx, root, 'P', lay(ctx, cover.subtitle, STYLES.coverSubtitle), {
    align: 'center',
    after: 28,
  })
  for (const line of [cover.date, cover.venue]) {
    if (line === undefined) continue
    block(ctx, root, 'P', lay(ctx, line, STYLES.coverLine), { align: 'center', after: 4 })
  }
}

interface ContentsLine {
  entry: OutlineContentsEntry
  paragraph: Paragraph
  indent: number
  page: number
  top: number
}

/**
 * Lays out the table of contents and keeps its pages free: how many it
 * takes is known before the sections are drawn, their page numbers only
 * after. `fill` writes the entries once every section has its page.
 */
function reserveContents(
  ctx: PdfContext,
  root: StructElement,
  outline: ResultsOutline,
): { fill(pages: ReadonlyMap<string, number>): void } {
  const { flow, tags, text, doc } = ctx
  flow.newPage()
  block(ctx, root, 'H1', lay(ctx, outline.contents.heading, STYLES.heading1), {
    after: AFTER_HEADING * 1.5,
  })
  const toc = tags.child(root, 'TOC')
  const lines: ContentsLine[] = []
  let page = flow.page
  let y = flow.y
  for (const entry of outline.contents.entries) {
    const indent = entry.level === 2 ? SUB_ENTRY_INDENT : 0
    const style = entry.level === 2 ? STYLES.contentsSubEntry : STYLES.contentsEntry
    const paragraph = lay(ctx, entry.title, style, CONTENT_WIDTH - indent - PAGE_NUMBER_WIDTH)
    const before = entry.level === 1 && lines.length > 0 ? ENTRY_GAP * 2 : 0
    if (y + before + paragraph.height > CONTENT_BOTTOM) {
      page++
      y = MARGIN.top
    } else {
      y += before
    }
    lines.push({ entry, paragraph, indent, page, top: y })
    y += paragraph.height + ENTRY_GAP
  }
  while (flow.page < page) flow.newPage()

  return {
    fill(pages) {
      for (const line of lines) {
        doc.switchToPage(line.page)
        const target = pages.get(line.entry.anchor)
        const pageNumber = target === undefined ? '' : String(target + 1)
        const number = lay(ctx, pageNumber, STYLES.contentsSubEntry)
        const x = MARGIN.left + line.indent
        const width = CONTENT_WIDTH - line.indent - PAGE_NUMBER_WIDTH
        const item = tags.child(toc, 'TOCI', actualText(`${line.entry.title} ${pageNumber}`))
        tags.content(item, 'TOCI', () => {
          text.draw(line.paragraph, x, line.top, width)
          const last = line.paragraph.lines.length - 1
          text.draw(
            number,
            MARGIN.left + CONTENT_WIDTH - PAGE_NUMBER_WIDTH,
            line.top + last * line.paragraph.lineHeight,
            PAGE_NUMBER_WIDTH,
            'end',
          )
        })
        // A dotted leader from the entry to its page number.
        const baseline = line.top + line.paragraph.height - line.paragraph.lineHeight * 0.25
        const lastLine = line.paragraph.lines[line.paragraph.lines.length - 1]!
        const from = line.paragraph.direction === 'rtl' ? x + width : x + lastLine.width + 4
        const to = MARGIN.left + CONTENT_WIDTH - PAGE_NUMBER_WIDTH + 4
        if (to > from + 8 && line.paragraph.direction === 'ltr') {
          tags.artifact(() => {
            doc.save().lineWidth(0.6).dash(0.6, { space: 2.4 }).strokeColor('#8a939c')
            doc.moveTo(from, baseline).lineTo(to, baseline).stroke()
            doc.undash().restore()
          })
        }
        if (target !== undefined) {
          doc.goTo(MARGIN.left, line.top, CONTENT_WIDTH, line.paragraph.height, line.entry.anchor)
        }
      }
    },
  }
}

function drawProgramme(
  ctx: PdfContext,
  root: StructElement,
  outline: ResultsOutline,
  pages: Map<string, number>,
): void {
  const { flow, tags } = ctx
  const { programme } = outline
  flow.newPage()
  markSection(ctx, programme.anchor, pages)
  bookmark(ctx.doc.outline, programme.heading)
  const section = tags.child(root, 'Sect')
  block(ctx, section, 'H1', lay(ctx, programme.heading, STYLES.heading1), {
    after: AFTER_HEADING * 1.5,
  })
  for (const station of programme.stations) {
    const heading = lay(ctx, station.heading, STYLES.bodyBold)
    const items: OutlineItem[] = station.questions.map((question, index) => ({
      kind: 'note',
      note: { id: `${station.id}-${index}`, text: question, direction: textDirection(question) },
    }))
    const questions = listBlocks(ctx, items, CONTENT_WIDTH, {
      empty: '',
      maxBlockHeight: CONTENT_HEIGHT / 2,
    })
    flow.ensure(heading.height + 4 + (questions[0]?.height ?? 0))
    block(ctx, section, 'P', heading, { after: 4 })
    placeList(ctx, questions, new ListTarget(ctx, section), undefined)
    flow.advance(10)
  }
  section.end()
}

/**
 * The server that renders the PDF also relays every live board, so the
 * work is handed back to the event loop after each station: board updates
 * wait tens of milliseconds, not the whole document.
 */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * The saved cross-table themes, from a new page: each theme a heading (H2)
 * with its notes listed under the table and station they come from, as a
 * column lists a cluster's notes under its heading.
 */
async function drawThemes(
  ctx: PdfContext,
  root: StructElement,
  outline: ResultsOutline,
  pages: Map<string, number>,
): Promise<void> {
  const { themes } = outline
  if (themes === undefined) return
  const { flow, tags } = ctx
  flow.newPage()
  markSection(ctx, themes.anchor, pages)
  const chapterBookmark = bookmark(ctx.doc.outline, themes.heading)
  const section = tags.child(root, 'Sect')
  block(ctx, section, 'H1', lay(ctx, themes.heading, STYLES.heading1), {
    after: AFTER_HEADING * 1.5,
  })
  for (const [index, theme] of themes.themes.entries()) {
    await breathe()
    const heading = lay(ctx, theme.heading, STYLES.heading2)
    const notes = listBlocks(ctx, theme.items, CONTENT_WIDTH, {
      empty: outline.noNotes,
      maxBlockHeight: CONTENT_HEIGHT / 2,
    })
    const gap = index > 0 ? BETWEEN_STATIONS : 0
    // The heading stays with its first place and note.
    const first = notes.slice(0, 2).reduce((sum, item) => sum + item.height, 0)
    flow.ensure(gap + heading.height + 4 + first)
    if (!flow.atTop) flow.advance(gap)
    markSection(ctx, theme.anchor, pages)
    bookmark(chapterBookmark, theme.heading)
    const themeSection = tags.child(section, 'Sect')
    block(ctx, themeSection, 'H2', heading, { after: 4 })
    const continued = lay(ctx, `${theme.heading} (${outline.continued})`, STYLES.continued)
    placeList(ctx, notes, new ListTarget(ctx, themeSection), continued)
    themeSection.end()
  }
  section.end()
}

async function drawTable(
  ctx: PdfContext,
  root: StructElement,
  table: OutlineTable,
  outline: ResultsOutline,
  pages: Map<string, number>,
): Promise<void> {
  const { flow, tags } = ctx
  flow.newPage()
  markSection(ctx, table.anchor, pages)
  const tableBookmark = bookmark(ctx.doc.outline, table.heading)
  const section = tags.child(root, 'Sect')
  block(ctx, section, 'H1', lay(ctx, table.heading, STYLES.heading1), {
    after: table.moderator === undefined ? AFTER_HEADING : 2,
  })
  if (table.moderator !== undefined) {
    block(ctx, section, 'P', lay(ctx, table.moderator, STYLES.meta), { after: AFTER_HEADING })
  }
  for (const [index, station] of table.stations.entries()) {
    await breathe()
    const grid = stationTable(ctx, station.columns, outline.noNotes)
    const heading = lay(ctx, station.heading, STYLES.heading2)
    const source = lay(ctx, station.source, STYLES.meta)
    const gap = index > 0 ? BETWEEN_STATIONS : 4
    flow.ensure(gap + heading.height + 2 + source.height + 6 + grid.minimumHeight)
    if (!flow.atTop) flow.advance(gap)
    markSection(ctx, station.anchor, pages)
    bookmark(tableBookmark, station.heading)
    const stationSection = tags.child(section, 'Sect')
    block(ctx, stationSection, 'H2', heading, { after: 2 })
    block(ctx, stationSection, 'P', source, { after: 6 })
    const continued = lay(
      ctx,
      `${table.heading} · ${station.heading} (${outline.continued})`,
      STYLES.continued,
    )
    grid.draw(stationSection, continued)

    if (station.unsorted) {
      const notes = listBlocks(ctx, station.unsorted.items, CONTENT_WIDTH, {
        empty: outline.noNotes,
        maxBlockHeight: CONTENT_HEIGHT / 2,
      })
      const title = lay(ctx, station.unsorted.heading, STYLES.heading3)
      flow.ensure(10 + title.height + 4 + (notes[0]?.height ?? 0))
      if (!flow.atTop) flow.advance(10)
      block(ctx, stationSection, 'H3', title, { after: 4 })
      placeList(ctx, notes, new ListTarget(ctx, stationSection), continued)
    }
    stationSection.end()
  }
  section.end()
}

/** Places list blocks down the page, onto further pages as needed, each whole. */
function placeList(
  ctx: PdfContext,
  blocks: readonly ListBlock[],
  target: ListTarget,
  continued: Paragraph | undefined,
): void {
  const { flow, tags, text } = ctx
  blocks.forEach((item, index) => {
    let need = item.height
    for (let at = index; blocks[at]?.keepWithNext && blocks[at + 1]; at++) {
      need += blocks[at + 1]!.height
    }
    if (need > flow.left && !flow.atTop) {
      flow.newPage()
      if (continued) {
        tags.artifact(() => text.draw(continued, MARGIN.left, flow.y, CONTENT_WIDTH))
        flow.advance(continued.height + 4)
      }
    }
    item.draw(MARGIN.left, flow.y, target)
    flow.advance(item.height)
  })
}

function drawPageNumbers(ctx: PdfContext, outline: ResultsOutline): void {
  const { doc, tags, text } = ctx
  const { start, count } = doc.bufferedPageRange()
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index)
    const { before, between, after } = outline.pageNumber
    const label = lay(ctx, `${before}${index + 1}${between}${count}${after}`, STYLES.pageNumber)
    tags.artifact(
      () => text.draw(label, MARGIN.left, PAGE_NUMBER_TOP, CONTENT_WIDTH, 'center'),
      'Pagination',
    )
  }
}
