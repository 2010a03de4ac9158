/**
 * The PDF's logical structure (a "tagged PDF"): headings, lists, tables
 * with header cells, and which marks on the page are only decoration.
 *
 * Screen readers and reflowing viewers read a document through this tree:
 * an element whose text mixes directions or holds Arabic or an emoji
 * sequence carries its text as typed (ActualText), so they need not
 * reassemble it from glyphs drawn in visual order. Copying from the page
 * reads the glyphs themselves, which pdfGlyphText.ts maps exactly. Page numbers, rules and headings repeated
 * on a continued page are marked as artifacts, so they are not read twice.
 */

export type StructElement = PDFKit.PDFStructureElement

/**
 * Characters after which the text as typed is worth carrying whole: right-
 * to-left scripts (a line mixing directions is laid out in visual order)
 * and emoji sequences (one glyph for several characters).
 */
const NEEDS_ACTUAL_TEXT =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\u200d\p{Emoji_Modifier}]/u

/** The text as typed for the element that draws `text`, where the glyphs would not give it back. */
export function actualText(text: string): StructOptions {
  return NEEDS_ACTUAL_TEXT.test(text) ? { actual: text } : {}
}

/** Options pdfkit accepts for a structure element; `scope` is missing from its typings. */
export interface StructOptions {
  lang?: string
  alt?: string
  actual?: string
  scope?: 'Row' | 'Column' | 'Both'
}

export class PdfTags {
  constructor(private readonly doc: PDFKit.PDFDocument) {}

  /** The document's root element, attached to the structure tree. */
  root(options: StructOptions = {}): StructElement {
    const root = this.doc.struct('Document', options as PDFKit.Mixins.StructureElementOptions)
    this.doc.addStructure(root)
    return root
  }

  /** A new element under `parent`, after its earlier children. */
  child(parent: StructElement, role: string, options: StructOptions = {}): StructElement {
    const element = this.doc.struct(role, options as PDFKit.Mixins.StructureElementOptions)
    parent.add(element)
    return element
  }

  /** Draws content that belongs to `element` (on the current page). */
  content(element: StructElement, role: string, draw: () => void): void {
    const content = this.doc.markStructureContent(role)
    try {
      draw()
    } finally {
      this.doc.endMarkedContent()
    }
    element.add(content)
  }

  /** Draws marks that are not content: rules, page numbers, repeated headings. */
  artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
    this.doc.markContent('Artifact', { type })
    try {
      draw()
    } finally {
      this.doc.endMarkedContent()
    }
  }
}
