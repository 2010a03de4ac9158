import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

/**
 * Reads a results PDF back the way a reader's software does, with pdf.js:
 * the text drawn on each page, and the document's tagged structure (which
 * heading, table cell and list item each piece of text belongs to). Nothing
 * here knows how the renderer drew the page; notes are found by structure.
 */

export interface PdfNote {
  /** The table's heading, "Thementisch 3: …". */
  table: string
  /** The station's heading. */
  station: string
  /** The question at the head of the note's column; null outside the columns. */
  column: string | null
  /** The heading of the cluster the note stands under. */
  cluster?: string
  /** The text drawn, from the glyphs, whitespace as laid out. */
  drawn: string
  /** The text as typed, where the PDF carries it (ActualText). */
  actual?: string
}

export interface PdfContents {
  title: string
  page: number
}

export interface ReadPdf {
  pageCount: number
  /** Each page's text in drawing order, lines ending in "\n". */
  pages: string[]
  /** H1 and H2 headings with the 1-based page they are on. */
  headings: Array<{ role: string; text: string; page: number }>
  contents: PdfContents[]
  notes: PdfNote[]
}

interface StructNode {
  role?: string
  alt?: string
  children?: Array<StructNode | { type: 'content'; id: string }>
}

type Kid = NonNullable<StructNode['children']>[number]

const isContent = (kid: Kid): kid is { type: 'content'; id: string } =>
  (kid as { type?: string }).type === 'content'

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const pdf = await getDocument({
    // A copy as a plain Uint8Array: pdf.js refuses Buffers and takes over the bytes it gets.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  }).promise
  try {
    const contentText = new Map<string, string>()
    const pages: string[] = []
    const trees: StructNode[] = []
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number)
      const content = await page.getTextContent({ includeMarkedContent: true })
      const open: Array<string | null> = []
      let pageText = ''
      for (const item of content.items) {
        if ('type' in item) {
          if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') {
            open.push(item.type === 'beginMarkedContentProps' ? (item.id ?? null) : null)
          } else if (item.type === 'endMarkedContent') {
            open.pop()
          }
          continue
        }
        const piece = item.str + (item.hasEOL ? '\n' : '')
        pageText += piece
        const id = open[open.length - 1]
        if (id) contentText.set(id, (contentText.get(id) ?? '') + piece)
      }
      pages.push(pageText)
      trees.push(((await page.getStructTree()) as StructNode | null) ?? {})
      page.cleanup()
    }
    return { pageCount: pdf.numPages, pages, ...readStructure(trees, contentText) }
  } finally {
    await pdf.destroy()
  }
}

/**
 * Text laid out on lines, as one line: a line break after a hyphen or dash
 * was the renderer wrapping a word there ("KiTa-|Plätze"), any other line
 * break or run of spaces one space.
 */
export function unwrap(text: string): string {
  return text
    .replace(/([-‐–—/])[ \t]*\n\s*/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
}

function readStructure(
  trees: StructNode[],
  contentText: ReadonlyMap<string, string>,
): Omit<ReadPdf, 'pageCount' | 'pages'> {
  /** An element's text: as typed where it carries ActualText, else as drawn. */
  const textOf = (node: Kid): string => {
    if (isContent(node)) return contentText.get(node.id) ?? ''
    if (node.alt !== undefined) return node.alt
    return (node.children ?? []).map(textOf).join('')
  }
  const headings: ReadPdf['headings'] = []
  const contents: PdfContents[] = []
  const notes: PdfNote[] = []
  const seenItems = new Set<string>()
  let table = ''
  let station = ''
  /** The questions of the table last read, for its continuation on later pages. */
  let questions: { of: string; texts: string[] } = { of: '', texts: [] }

  /** A list item once, however many pages' trees show its list. */
  const addItem = (item: StructNode, column: string | null, cluster: string | undefined) => {
    const body = (item.children ?? []).find(
      (kid): kid is StructNode => !isContent(kid) && kid.role === 'LBody',
    )
    // pdf.js lists a list's items on every page the list spans, but each
    // item's content only on the page it is drawn on.
    if (!body || !(body.children ?? []).some(isContent)) return
    const key = JSON.stringify(body.children)
    if (seenItems.has(key)) return
    seenItems.add(key)
    notes.push({
      table,
      station,
      column,
      ...(cluster !== undefined && { cluster: unwrap(cluster) }),
      drawn: (body.children ?? []).map(textOf).join(''),
      ...(body.alt !== undefined && { actual: body.alt }),
    })
  }

  /** Lists in a cell or section; a paragraph right before a list heads its cluster. */
  const readLists = (kids: readonly Kid[], column: string | null) => {
    let heading: string | undefined
    for (const kid of kids) {
      if (isContent(kid)) continue
      if (kid.role === 'P') heading = textOf(kid)
      if (kid.role === 'L') {
        for (const item of kid.children ?? []) {
          if (!isContent(item) && item.role === 'LI') addItem(item, column, heading)
        }
        heading = undefined
      }
    }
  }

  const visit = (node: StructNode, page: number) => {
    for (const kid of node.children ?? []) {
      if (isContent(kid)) continue
      switch (kid.role) {
        case 'H1':
        case 'H2': {
          const text = unwrap(textOf(kid))
          if (kid.role === 'H1') table = text
          else station = text
          headings.push({ role: kid.role, text, page })
          break
        }
        case 'TOCI': {
          const match = /^(.*\S)\s+(\d+)$/s.exec(unwrap(textOf(kid)))
          if (match) contents.push({ title: match[1]!, page: Number(match[2]) })
          break
        }
        case 'Table': {
          const rows = (kid.children ?? []).filter((row): row is StructNode => !isContent(row))
          const header = (rows[0]?.children ?? []).map((cell) => unwrap(textOf(cell)))
          // The header cells' text is on the table's first page only.
          const place = `${table}\u0000${station}`
          if (header.some((text) => text !== '')) questions = { of: place, texts: header }
          const columns = questions.of === place ? questions.texts : header
          for (const row of rows.slice(1)) {
            ;(row.children ?? []).forEach((cell, index) => {
              if (!isContent(cell)) readLists(cell.children ?? [], columns[index] ?? '?')
            })
          }
          break
        }
        case 'L':
          readLists([kid], null)
          break
        default:
          visit(kid, page)
      }
    }
  }
  trees.forEach((tree, index) => visit(tree, index + 1))
  return { headings, contents, notes }
}
