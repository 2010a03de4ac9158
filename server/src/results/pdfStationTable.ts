import type { OutlineColumn } from '@tablecloth/shared'
import type { PdfContext } from './pdfContext'
import { CONTENT_BOTTOM, CONTENT_HEIGHT, CONTENT_WIDTH, MARGIN } from './pdfFlow'
import { ListTarget, listBlocks, type ListBlock } from './pdfNoteList'
import { CELL_PADDING, HEADER_FILL, RULE, STYLES } from './pdfStyles'
import { actualText, type StructElement } from './pdfTags'
import type { Paragraph } from './pdfText'

/**
 * One station of one topic table as a table with a column per guiding
 * question, side by side as on the board and in the hand-typed reports:
 * the questions in a header row, each column's notes below its question.
 *
 * Columns run on independently: when one is longer than the page, the
 * table continues on the next page under its header row again, each column
 * from its own next note, and notes are never cut (see pdfNoteList.ts).
 */
export interface StationTable {
  /** Height of the header row and the first note of every column: what must fit on a page. */
  minimumHeight: number
  /**
   * Draws the table from the cursor on, under `parent`. `continued` is the
   * line repeated at the top of each further page the table runs onto.
   */
  draw(parent: StructElement, continued: Paragraph): void
}

/** No note block takes more than this of a page; longer notes are cut between lines. */
const MAX_BLOCK_SHARE = 0.5
/** Space between the continued line and the repeated header row. */
const CONTINUED_GAP = 4
const RULE_WIDTH = 0.6

export function stationTable(
  ctx: PdfContext,
  columns: readonly OutlineColumn[],
  noNotes: string,
): StationTable {
  const { text, tags, doc, flow } = ctx
  const columnWidth = CONTENT_WIDTH / Math.max(1, columns.length)
  const inner = columnWidth - 2 * CELL_PADDING
  const questions = columns.map((column) =>
    text.layout([{ text: column.heading, style: STYLES.question }], inner, {
      direction: column.direction,
    }),
  )
  const tallest = Math.max(0, ...questions.map((question) => question.height))
  const headerHeight = tallest + 2 * CELL_PADDING
  const blocks = columns.map((column) =>
    listBlocks(ctx, column.items, inner, {
      empty: noNotes,
      maxBlockHeight: CONTENT_HEIGHT * MAX_BLOCK_SHARE,
    }),
  )
  const firstBlocks = Math.max(0, ...blocks.map((list) => leadingHeight(list, 0)))
  const columnX = (index: number) => MARGIN.left + index * columnWidth

  function drawHeader(top: number, cells: StructElement[] | undefined): void {
    tags.artifact(() => {
      doc.rect(MARGIN.left, top, CONTENT_WIDTH, headerHeight).fill(HEADER_FILL)
    })
    questions.forEach((question, index) => {
      const drawQuestion = () =>
        text.draw(question, columnX(index) + CELL_PADDING, top + CELL_PADDING, inner)
      // The header row is content once; repeated on a further page it is an artifact.
      if (cells) tags.content(cells[index]!, 'TH', drawQuestion)
      else tags.artifact(drawQuestion)
    })
  }

  function drawRules(top: number, bottom: number): void {
    tags.artifact(() => {
      doc.save().lineWidth(RULE_WIDTH).strokeColor(RULE)
      doc.rect(MARGIN.left, top, CONTENT_WIDTH, bottom - top).stroke()
      doc
        .moveTo(MARGIN.left, top + headerHeight)
        .lineTo(MARGIN.left + CONTENT_WIDTH, top + headerHeight)
        .stroke()
      for (let index = 1; index < columns.length; index++) {
        doc.moveTo(columnX(index), top).lineTo(columnX(index), bottom).stroke()
      }
      doc.restore()
    })
  }

  return {
    minimumHeight: headerHeight + firstBlocks + 2 * CELL_PADDING,
    draw(parent, continued) {
      const table = tags.child(parent, 'Table')
      const headerRow = tags.child(table, 'TR')
      const headerCells = columns.map((column) =>
        tags.child(headerRow, 'TH', { scope: 'Column', ...actualText(column.heading) }),
      )
      const bodyRow = tags.child(table, 'TR')
      const targets = columns.map(() => new ListTarget(ctx, tags.child(bodyRow, 'TD')))
      const next = columns.map(() => 0)
      let first = true
      for (;;) {
        if (!first) {
          flow.newPage()
          tags.artifact(() => text.draw(continued, MARGIN.left, flow.y, CONTENT_WIDTH))
          flow.advance(continued.height + CONTINUED_GAP)
        }
        const top = flow.y
        drawHeader(top, first ? headerCells : undefined)
        const bodyTop = top + headerHeight + CELL_PADDING
        let bottom = bodyTop
        columns.forEach((_, index) => {
          const list = blocks[index]!
          let y = bodyTop
          while (next[index]! < list.length) {
            const need = leadingHeight(list, next[index]!)
            // A block that fits no page at all is drawn anyway on a fresh one.
            const placedHere = y > bodyTop
            if (y + need > CONTENT_BOTTOM - CELL_PADDING && (placedHere || first)) break
            const block = list[next[index]!]!
            block.draw(columnX(index) + CELL_PADDING, y, targets[index]!)
            y += block.height
            next[index]!++
          }
          bottom = Math.max(bottom, y)
        })
        const tableBottom = bottom + CELL_PADDING
        drawRules(top, tableBottom)
        flow.y = tableBottom
        first = false
        if (next.every((index, column) => index >= blocks[column]!.length)) break
      }
      table.end()
    },
  }
}

/** The height of the block at `index` with the blocks it must stay on a page with. */
function leadingHeight(blocks: readonly ListBlock[], index: number): number {
  let height = 0
  for (let at = index; at < blocks.length; at++) {
    height += blocks[at]!.height
    if (!blocks[at]!.keepWithNext) break
  }
  return height
}
