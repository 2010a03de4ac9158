/**
 * A4 pages and the place on them where the next block goes.
 *
 * The results renderer lays out every block itself (it has to measure
 * columns side by side and keep notes whole), so pdfkit's own margins and
 * automatic page breaks are off and this cursor decides where pages break.
 */

/** A4 in PDF points (1/72 inch): 210 × 297 mm. */
export const PAGE = { width: 595.28, height: 841.89 } as const
/** 18 mm at the sides, room for the page number below. */
export const MARGIN = { top: 56, right: 51, bottom: 62, left: 51 } as const
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right
/** The lowest point content may reach. */
export const CONTENT_BOTTOM = PAGE.height - MARGIN.bottom
export const CONTENT_HEIGHT = CONTENT_BOTTOM - MARGIN.top

export class PdfFlow {
  /** Top of the next block on the current page. */
  y: number = MARGIN.top
  /** 0-based index of the current page; -1 before the first. */
  page = -1

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  newPage(): void {
    this.doc.addPage({ size: 'A4', margin: 0 })
    this.page++
    this.y = MARGIN.top
  }

  /** Points left on the current page. */
  get left(): number {
    return CONTENT_BOTTOM - this.y
  }

  /** Whether nothing has been placed on the current page yet. */
  get atTop(): boolean {
    return this.y <= MARGIN.top
  }

  /** Starts a new page unless `height` still fits on this one (or this one is empty). */
  ensure(height: number): void {
    if (this.page < 0 || (height > this.left && !this.atTop)) this.newPage()
  }

  advance(height: number): void {
    this.y += height
  }
}
