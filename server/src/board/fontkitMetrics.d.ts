/** The parts of fontkit's fonts the note sizer reads, beside those the PDF uses (results/vendorTypes.d.ts). */
declare module 'fontkit' {
  interface Font {
    unitsPerEm: number
    /** Shapes a run with the font's default features (kerning, ligatures). */
    layout(text: string): { advanceWidth: number }
  }
}
