import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx'
import {
  resultsOutline,
  textDirection,
  type OutlineColumn,
  type OutlineItem,
  type OutlineNote,
  type OutlineStation,
  type OutlineTable,
  type Results,
  type ResultsDocumentOptions,
  type ResultsOutline,
} from '@tablecloth/shared'

/**
 * The results as a Word document (DOCX) to edit further, in Word or
 * LibreOffice: the report's structure made of the word processor's own
 * parts, so it can be restyled, shortened and added to. Headings use the
 * built-in styles (Title, Heading 1–3: the navigation pane and a table of
 * contents inserted later pick them up), each station is a real table with
 * one column per question and a header row repeated on every page, and
 * notes are bulleted list paragraphs, a cluster's notes one level in.
 *
 * Right-to-left notes are right-to-left paragraphs; Word and LibreOffice
 * shape and order the text themselves. The fonts are named (Noto Sans,
 * Noto Sans Arabic for complex scripts), not embedded: a document to edit
 * uses the fonts of the machine it is edited on, which fill in emoji.
 */
export async function resultsToDocx(
  results: Results,
  options: ResultsDocumentOptions = {},
): Promise<Buffer> {
  const outline = resultsOutline(results, options)
  const document = new Document({
    title: outline.documentTitle,
    creator: 'Tablecloth',
    styles: {
      default: {
        document: {
          run: {
            font: { ascii: FONT, hAnsi: FONT, cs: COMPLEX_SCRIPT_FONT, eastAsia: FONT },
            size: points(10.5),
            color: INK,
            language: { value: outline.locale, bidirectional: 'ar-SA' },
          },
          paragraph: { spacing: { after: 60, line: 264 } },
        },
        title: {
          run: { size: points(26), bold: true, color: INK },
          paragraph: { spacing: { after: 240 } },
        },
        heading1: {
          run: { size: points(16), bold: true, color: INK },
          paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
        },
        heading2: {
          run: { size: points(12.5), bold: true, color: INK },
          paragraph: { spacing: { before: 280, after: 40 }, keepNext: true },
        },
        heading3: {
          run: { size: points(10.5), bold: true, color: INK },
          paragraph: { spacing: { before: 200, after: 60 }, keepNext: true },
        },
      },
      paragraphStyles: [
        {
          id: META_STYLE,
          name: 'Results Meta',
          basedOn: 'Normal',
          next: 'Normal',
          run: { size: points(8.5), color: MUTED },
          paragraph: { spacing: { after: 120 }, keepNext: true },
        },
      ],
    },
    numbering: {
      config: [
        {
          reference: BULLETS,
          levels: [
            bulletLevel(0, '•', 280),
            // A cluster's notes, under its heading.
            bulletLevel(1, '–', 560),
          ],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height },
            margin: { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN },
          },
        },
        footers: { default: pageNumberFooter(outline) },
        children: [
          ...cover(outline),
          ...programme(outline),
          ...themesChapter(outline),
          ...outline.tables.flatMap((table) => topicTable(table, outline)),
        ],
      },
    ],
  })
  return Packer.toBuffer(document)
}

const FONT = 'Noto Sans'
const COMPLEX_SCRIPT_FONT = 'Noto Sans Arabic'
const INK = '1D232B'
const MUTED = '555E68'
const HEADER_FILL = 'E9EDF1'
const BULLETS = 'results-notes'
const META_STYLE = 'ResultsMeta'
/** A4 in twentieths of a point. */
const A4 = { width: 11906, height: 16838 } as const
/** 18 mm. */
const MARGIN = 1020
const CONTENT_WIDTH = A4.width - 2 * MARGIN

/** Font sizes in docx are in half points. */
function points(size: number): number {
  return Math.round(size * 2)
}

function bulletLevel(level: number, text: string, indent: number) {
  return {
    level,
    format: LevelFormat.BULLET,
    text,
    alignment: AlignmentType.START,
    style: { paragraph: { indent: { start: indent, hanging: 220 } } },
  }
}

function pageNumberFooter(outline: ResultsOutline): Footer {
  const { before, between, after } = outline.pageNumber
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: [before, PageNumber.CURRENT, between, PageNumber.TOTAL_PAGES, after],
            size: points(8),
            color: MUTED,
          }),
        ],
      }),
    ],
  })
}

/** A paragraph of one text, reading in its own direction. */
function textParagraph(
  text: string,
  options: {
    heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]
    style?: string
    alignment?: (typeof AlignmentType)[keyof typeof AlignmentType]
    pageBreakBefore?: boolean
    bold?: boolean
    italics?: boolean
    color?: string
    size?: number
  } = {},
): Paragraph {
  const rtl = textDirection(text) === 'rtl'
  return new Paragraph({
    ...(options.heading !== undefined && { heading: options.heading }),
    ...(options.style !== undefined && { style: options.style }),
    ...(options.alignment !== undefined && { alignment: options.alignment }),
    ...(options.pageBreakBefore && { pageBreakBefore: true }),
    ...(rtl && { bidirectional: true }),
    children: textRuns(text, {
      rtl,
      ...(options.bold && { bold: true }),
      ...(options.italics && { italics: true }),
      ...(options.color !== undefined && { color: options.color }),
      ...(options.size !== undefined && { size: options.size }),
    }),
  })
}

/** A text's lines as runs with line breaks between them, as typed on the note. */
function textRuns(
  text: string,
  format: { rtl: boolean; bold?: boolean; italics?: boolean; color?: string; size?: number },
): ParagraphChild[] {
  const { rtl, ...rest } = format
  return xmlSafe(text)
    .split('\n')
    .map(
      (line, index) =>
        new TextRun({
          text: line,
          ...(index > 0 && { break: 1 }),
          ...(rtl && { rightToLeft: true }),
          ...rest,
        }),
    )
}

/**
 * The text as XML 1.0 can hold it: Word refuses a document with control
 * characters or a lone surrogate in it, and a note could carry either (a
 * phone's paste, a broken emoji).
 */
function xmlSafe(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
}

function cover(outline: ResultsOutline): Paragraph[] {
  const { cover } = outline
  const lines = [cover.date, cover.venue].filter((line): line is string => line !== undefined)
  return [
    // The title stands a third down the page, as on the printed reports.
    new Paragraph({ spacing: { before: 3600 }, children: [] }),
    textParagraph(cover.title, { heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }),
    textParagraph(cover.subtitle, { alignment: AlignmentType.CENTER, size: points(16) }),
    new Paragraph({ spacing: { before: 480 }, children: [] }),
    ...lines.map((line) =>
      textParagraph(line, { alignment: AlignmentType.CENTER, color: MUTED, size: points(12) }),
    ),
  ]
}

function programme(outline: ResultsOutline): Paragraph[] {
  const { programme } = outline
  return [
    textParagraph(programme.heading, { heading: HeadingLevel.HEADING_1, pageBreakBefore: true }),
    ...programme.stations.flatMap((station) => [
      textParagraph(station.heading, { bold: true }),
      ...station.questions.map((question) => listParagraph(question, 0)),
    ]),
  ]
}

/**
 * The saved cross-table themes on a page of their own, before the tables:
 * each theme a Heading 2, its notes bulleted under the table and station
 * they come from.
 */
function themesChapter(outline: ResultsOutline): Paragraph[] {
  if (outline.themes === undefined) return []
  return [
    textParagraph(outline.themes.heading, {
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: true,
    }),
    ...outline.themes.themes.flatMap((theme) => [
      textParagraph(theme.heading, { heading: HeadingLevel.HEADING_2 }),
      ...itemParagraphs(theme.items, outline),
    ]),
  ]
}

function topicTable(table: OutlineTable, outline: ResultsOutline): Array<Paragraph | Table> {
  return [
    // Every topic table starts a page, as in the printed reports.
    textParagraph(table.heading, { heading: HeadingLevel.HEADING_1, pageBreakBefore: true }),
    ...(table.moderator === undefined
      ? []
      : [textParagraph(table.moderator, { style: META_STYLE })]),
    ...table.stations.flatMap((station) => stationBlock(station, outline)),
  ]
}

function stationBlock(station: OutlineStation, outline: ResultsOutline): Array<Paragraph | Table> {
  const blocks: Array<Paragraph | Table> = [
    textParagraph(station.heading, { heading: HeadingLevel.HEADING_2 }),
    textParagraph(station.source, { style: META_STYLE }),
    questionTable(station.columns, outline),
  ]
  if (station.unsorted) {
    blocks.push(
      textParagraph(station.unsorted.heading, { heading: HeadingLevel.HEADING_3 }),
      ...itemParagraphs(station.unsorted.items, outline),
    )
  }
  return blocks
}

/** The questions side by side: a header row, then one cell of notes per question. */
function questionTable(columns: readonly OutlineColumn[], outline: ResultsOutline): Table {
  const width = Math.floor(CONTENT_WIDTH / Math.max(1, columns.length))
  const margins = { top: 80, bottom: 80, left: 100, right: 100 }
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: columns.map(() => width),
    rows: [
      new TableRow({
        // Repeated at the top of each page the table runs onto.
        tableHeader: true,
        cantSplit: true,
        children: columns.map(
          (column) =>
            new TableCell({
              width: { size: width, type: WidthType.DXA },
              margins,
              shading: { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL },
              children: [textParagraph(column.heading, { bold: true })],
            }),
        ),
      }),
      new TableRow({
        children: columns.map(
          (column) =>
            new TableCell({
              width: { size: width, type: WidthType.DXA },
              margins,
              children: itemParagraphs(column.items, outline),
            }),
        ),
      }),
    ],
  })
}

/** Notes as bullets; a cluster is a bullet with its heading and its notes one level in. */
function itemParagraphs(items: readonly OutlineItem[], outline: ResultsOutline): Paragraph[] {
  if (items.length === 0) {
    return [textParagraph(outline.noNotes, { italics: true, color: MUTED })]
  }
  return items.flatMap((item) =>
    item.kind === 'note'
      ? [noteParagraph(item.note, 0)]
      : [
          listParagraph(item.heading, 0, { bold: true }),
          ...item.notes.map((note) => noteParagraph(note, 1)),
        ],
  )
}

function listParagraph(text: string, level: 0 | 1, format: { bold?: boolean } = {}): Paragraph {
  const rtl = textDirection(text) === 'rtl'
  return new Paragraph({
    numbering: { reference: BULLETS, level },
    ...(rtl && { bidirectional: true }),
    children: textRuns(text, { rtl, ...format }),
  })
}

function noteParagraph(note: OutlineNote, level: 0 | 1): Paragraph {
  const rtl = note.direction === 'rtl'
  const children = textRuns(note.text, { rtl })
  if (note.votes !== undefined) {
    children.push(new TextRun({ text: ` (${note.votes})`, color: MUTED, size: points(8.5) }))
  }
  return new Paragraph({
    numbering: { reference: BULLETS, level },
    ...(rtl && { bidirectional: true }),
    children,
  })
}
