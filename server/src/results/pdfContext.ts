import type { PdfFlow } from './pdfFlow'
import type { PdfTags } from './pdfTags'
import type { PdfText } from './pdfText'

/** What every part of the PDF renderer draws with: one per document. */
export interface PdfContext {
  doc: PDFKit.PDFDocument
  /** Pages and the cursor on them. */
  flow: PdfFlow
  /** Text laid out with the right fonts and directions. */
  text: PdfText
  /** The logical structure the content is tagged with. */
  tags: PdfTags
}
