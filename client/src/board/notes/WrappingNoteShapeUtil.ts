import {
  getDisplayValues,
  NoteShapeUtil,
  renderHtmlFromRichTextForMeasurement,
  type TLNoteShape,
} from 'tldraw'

/**
 * The smallest text a note shrinks to, in page units, before a long word
 * wraps instead: German words of 11–12 letters ("Anerkennung",
 * "donnerstags") still fit a line whole. The projector never shows the
 * board below 28 px / 25 = zoom 1.12 while the columns fit across (see
 * `projectorFit`), so the room never reads less than 28 px there.
 */
export const NOTE_TEXT_FLOOR = 25

/** A note's text size and the height its text needs, as tldraw stores them. */
export interface NoteTextFit {
  fontSizeAdjustment: number
  growY: number
}

/** A note as tldraw's own size adjustment hands it back. */
type Adjusted = NonNullable<ReturnType<NoteShapeUtil['onBeforeCreate']>>

/**
 * tldraw's note, except that its text never shrinks below
 * {@link NOTE_TEXT_FLOOR}. tldraw makes the font smaller until the longest
 * word fits, which turns "Kinderbetreuungsangebote" into 12 px on a
 * projector. Here a word that does not fit even at the floor wraps onto the
 * next line instead: the group reads a broken word more easily than a tiny
 * one. The note grows downwards for the extra lines, as it does for long text.
 */
export class WrappingNoteShapeUtil extends NoteShapeUtil {
  override onBeforeCreate(next: TLNoteShape) {
    const adjusted = super.onBeforeCreate(next)
    return adjusted && this.withReadableText(adjusted)
  }

  override onBeforeUpdate(prev: TLNoteShape, next: TLNoteShape) {
    const adjusted = super.onBeforeUpdate(prev, next)
    return adjusted && this.withReadableText(adjusted)
  }

  /**
   * The largest text size from tldraw's own down to the floor at which every
   * word fits the note's width, or the floor with long words wrapped; and
   * the height the text needs at that size.
   */
  readableTextFit(shape: TLNoteShape): NoteTextFit {
    const dv = getDisplayValues(this, shape)
    const full = dv.labelFontSize
    const floor = Math.min(full, NOTE_TEXT_FLOOR)
    const measure = (fontSize: number, breakWords: boolean) =>
      this.editor.textMeasure.measureHtml(
        renderHtmlFromRichTextForMeasurement(this.editor, shape.props.richText),
        {
          fontFamily: dv.labelFontFamily,
          fontSize,
          fontStyle: dv.labelFontStyle,
          fontWeight: dv.labelFontWeight,
          lineHeight: dv.labelLineHeight,
          padding: '0px',
          // The 1 px tldraw leaves for the browser's rounding when it measures notes.
          maxWidth: dv.noteWidth - dv.labelPadding * 2 - 1,
          disableOverflowWrapBreaking: !breakWords,
          measureScrollWidth: !breakWords,
        },
      )
    const fit = (fontSize: number, height: number): NoteTextFit => ({
      fontSizeAdjustment: fontSize / full,
      growY: Math.max(0, Math.ceil(height + dv.labelPadding * 2 - dv.noteHeight)),
    })
    for (let fontSize = full; fontSize >= floor; fontSize--) {
      const size = measure(fontSize, false)
      if (Math.round(size.scrollWidth) <= Math.round(size.w)) return fit(fontSize, size.h)
    }
    return fit(floor, measure(floor, true).h)
  }

  private withReadableText<S extends TLNoteShape | Adjusted>(shape: S): S {
    const { fontSizeAdjustment } = shape.props
    const dv = getDisplayValues(this, shape as TLNoteShape)
    // tldraw's own choice stands while it stays at or above the floor.
    if ((fontSizeAdjustment ?? 1) * dv.labelFontSize >= Math.min(dv.labelFontSize, NOTE_TEXT_FLOOR)) {
      return shape
    }
    return { ...shape, props: { ...shape.props, ...this.readableTextFit(shape as TLNoteShape) } }
  }
}
