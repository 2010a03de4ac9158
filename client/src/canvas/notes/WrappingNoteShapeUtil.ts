import {
  getDisplayValues,
  Group2d,
  Rectangle2d,
  NoteShapeUtil,
  renderHtmlFromRichTextForMeasurement,
  renderPlaintextFromRichText,
  useValue,
  type SvgExportContext,
  type TLNoteShape,
  type TLRichText,
  type TLShapeId,
} from 'tldraw'
import {
  chooseNoteTextFit,
  fitsLine,
  isAtTextFloor,
  lineSegments,
  NOTE_FONT,
  NOTE_FULL_FONT_SIZE,
  NOTE_TEXT_SIZE,
  NOTE_TEXT_WIDTH,
  noteFontSize,
  type Hyphenate,
  type NoteTextFit,
} from '@tablecloth/shared'
import { hyphenateRichText } from './hyphenateRichText'
import { noteHyphenator, noteLanguageOn, onHyphenatorLoaded } from './noteHyphenation'
import './notes.css'

/** Adjusted notes as tldraw's own size adjustment hands them back. */
type Adjusted = NonNullable<ReturnType<NoteShapeUtil['onBeforeCreate']>>

/** Segment widths kept per editor: the same words come back at every keystroke. */
const MAX_CACHED_WIDTHS = 5000
/** Text fits kept per editor: enough for a burst of notes arriving at once. */
const MAX_RECENT_FITS = 200
/** Words are measured at this multiple of their size (see `measureWords`). */
const MEASURE_SCALE = 10

/**
 * tldraw's note, sized and drawn by Tablecloth's rule for its notes (XL,
 * sans; see `shared/src/lib/noteTextFit.ts`, which the server follows too):
 * the text shrinks from 32 px until every word fits, but never below 25 px
 * (tldraw would turn "Kinderbetreuungsangebote" into 12 px on a
 * projector). A word longer than a line even then is hyphenated at its
 * syllables ("Kinderbetreuungs-" / "angebote") and wraps, and the note grows
 * downwards for its lines.
 *
 * Hyphenation is for display only: the note shows soft hyphens in the words
 * that need them, its stored text never holds one, and editing, copying and
 * every export of the text see it as typed. Notes of other sizes or fonts
 * (drawn with tldraw's own tools) keep tldraw's behaviour.
 */
export class WrappingNoteShapeUtil extends NoteShapeUtil {
  private readonly widths = new Map<string, number>()
  /** The text each note shows, kept while its text, size and patterns stay: drawing it anew costs. */
  private readonly shown = new WeakMap<
    TLRichText,
    { fontSize: number; hyphenate: Hyphenate | null; richText: TLRichText }
  >()
  /** The last texts measured, with the patterns they were measured with. */
  private readonly recentFits = new Map<string, { hyphenate: Hyphenate | null; fit: NoteTextFit }>()
  /** Notes measured before their language's patterns arrived, to measure again then. */
  private readonly unhyphenated = new Set<TLShapeId>()

  override onBeforeCreate(next: TLNoteShape) {
    if (!isTableclothNote(next)) return super.onBeforeCreate(next)
    return this.sized(next)
  }

  override onBeforeUpdate(prev: TLNoteShape, next: TLNoteShape) {
    // tldraw's own update stamps the note's author when its text changes.
    const adjusted = super.onBeforeUpdate(prev, next)
    if (!isTableclothNote(next)) return adjusted
    const styleChanged = prev.props.font !== next.props.font || prev.props.size !== next.props.size
    if (!adjusted && !styleChanged) return undefined
    return this.sized(adjusted ?? next)
  }

  /** The note's text size and growth by Tablecloth's rule, measured in this browser. */
  readableTextFit(shape: TLNoteShape): NoteTextFit {
    const { fit, plain, hyphenate } = this.measuredFit(shape)
    // Measured at the floor without its patterns: measure again once they are in.
    if (plain !== null && !hyphenate && isAtTextFloor(noteFontSize(fit)))
      this.measureAgainWithPatterns(shape, plain)
    return fit
  }

  /**
   * tldraw sizes a note's label for its geometry by shrinking the text a
   * pixel at a time and measuring each size in the page: up to 50 layouts
   * for one long word, each of a page that may hold a thousand notes. A
   * Tablecloth note's text is sized by its own fit (`readableTextFit`) and
   * fills the note, so its label is the note's body, as tall as `growY`
   * makes it: no measuring at all.
   */
  override getGeometry(shape: TLNoteShape) {
    if (!isTableclothNote(shape) || isEmptyRichText(shape.props.richText))
      return super.getGeometry(shape)
    const dv = getDisplayValues(this, shape)
    const width = dv.noteWidth * shape.props.scale
    const height = (dv.noteHeight + shape.props.growY) * shape.props.scale
    return new Group2d({
      children: [
        new Rectangle2d({ width, height, isFilled: true }),
        new Rectangle2d({
          width,
          height,
          isFilled: true,
          isLabel: true,
          excludeFromShapeBounds: true,
        }),
      ],
    })
  }

  /** The fit of a note's text, measured once per text and patterns (the plain text is null when empty). */
  private measuredFit(shape: TLNoteShape): {
    fit: NoteTextFit
    plain: string | null
    hyphenate: Hyphenate | null
  } {
    if (isEmptyRichText(shape.props.richText))
      return { fit: { fontSizeAdjustment: 1, growY: 0 }, plain: null, hyphenate: null }
    const plain = renderPlaintextFromRichText(this.editor, shape.props.richText)
    // Patterns are asked for only once a note needs them (readableTextFit); most notes never do.
    const hyphenate = noteHyphenator(this.editor, plain, { request: false })
    // The capture bar measures a note to place it, then tldraw creates it and asks its geometry:
    // one measurement for all three.
    const key = JSON.stringify(shape.props.richText)
    const recent = this.recentFits.get(key)
    if (recent && recent.hyphenate === hyphenate) return { fit: recent.fit, plain, hyphenate }
    const fit = chooseNoteTextFit({
      wordsFit: (fontSize) =>
        this.segmentWidths(plain).every((width) =>
          fitsLine((width * fontSize) / NOTE_FULL_FONT_SIZE, NOTE_TEXT_WIDTH),
        ),
      height: (fontSize) =>
        this.textHeight(this.shownRichText(shape.props.richText, fontSize, hyphenate), fontSize),
    })
    if (this.recentFits.size >= MAX_RECENT_FITS) this.recentFits.clear()
    this.recentFits.set(key, { hyphenate, fit })
    return { fit, plain, hyphenate }
  }

  /**
   * The text as the note shows it at `fontSize`: at the floor, its words too
   * long for a line carry soft hyphens at their syllables; otherwise, or
   * without patterns, the text itself.
   */
  shownRichText(richText: TLRichText, fontSize: number, hyphenate: Hyphenate | null): TLRichText {
    if (!hyphenate || !isAtTextFloor(fontSize)) return richText
    return hyphenateRichText(
      richText,
      hyphenate,
      (word) => !fitsLine(this.wordWidth(word, fontSize), NOTE_TEXT_WIDTH),
    )
  }

  override component(shape: TLNoteShape) {
    // biome-ignore lint/correctness/useHookAtTopLevel: tldraw renders a shape util's component() as a React component, once per shape, so hooks at its top run in a stable order.
    const shown = useValue('shown note text', () => {
      // The text editor must only ever see the stored text.
      if (!isTableclothNote(shape) || this.editor.getEditingShapeId() === shape.id)
        return shape.props.richText
      return this.displayedRichText(shape)
    }, [this, shape])
    return super.component(shown === shape.props.richText ? shape : withRichText(shape, shown))
  }

  override toSvg(shape: TLNoteShape, ctx: SvgExportContext) {
    return super.toSvg(
      isTableclothNote(shape) ? withRichText(shape, this.displayedRichText(shape)) : shape,
      ctx,
    )
  }

  private displayedRichText(shape: TLNoteShape): TLRichText {
    const { richText } = shape.props
    if (isEmptyRichText(richText)) return richText
    const fontSize = noteFontSize(shape.props)
    const hyphenate = noteHyphenator(
      this.editor,
      renderPlaintextFromRichText(this.editor, richText),
      {
        request: isAtTextFloor(fontSize),
      },
    )
    const kept = this.shown.get(richText)
    if (kept && kept.fontSize === fontSize && kept.hyphenate === hyphenate) return kept.richText
    const shown = this.shownRichText(richText, fontSize, hyphenate)
    this.shown.set(richText, { fontSize, hyphenate, richText: shown })
    return shown
  }

  private sized(shape: TLNoteShape | Adjusted): Adjusted {
    return { ...shape, props: { ...shape.props, ...this.readableTextFit(shape as TLNoteShape) } }
  }

  /** The height the browser gives the text at a size, wrapped to the note's width. */
  private textHeight(richText: TLRichText, fontSize: number): number {
    const html = renderHtmlFromRichTextForMeasurement(this.editor, richText)
    return this.editor.textMeasure.measureHtml(html, {
      ...this.labelStyle(),
      fontSize,
      maxWidth: NOTE_TEXT_WIDTH,
    }).h
  }

  /** How tldraw draws the label of a Tablecloth note: font, weight, line height. */
  private labelStyle() {
    const props = { ...this.getDefaultProps(), size: NOTE_TEXT_SIZE, font: NOTE_FONT }
    const dv = getDisplayValues(this, { props } as TLNoteShape)
    return {
      fontFamily: dv.labelFontFamily,
      fontStyle: dv.labelFontStyle,
      fontWeight: dv.labelFontWeight,
      lineHeight: dv.labelLineHeight,
      padding: '0px',
    }
  }

  /** The widths at full size of the stretches of a text no line can break. */
  private segmentWidths(plain: string): number[] {
    const words = plain
      .split('\n')
      .flatMap((paragraph) => lineSegments(paragraph).map((segment) => segment.text.trimEnd()))
      .filter((word) => word !== '')
    this.measureWords(words)
    return words.map((word) => this.widths.get(word)!)
  }

  private wordWidth(word: string, fontSize: number): number {
    this.measureWords([word])
    return (this.widths.get(word)! * fontSize) / NOTE_FULL_FONT_SIZE
  }

  /** Measures the words not measured yet, in one pass of the browser's layout. */
  private measureWords(words: readonly string[]): void {
    const missing = [...new Set(words.filter((word) => !this.widths.has(word)))]
    if (missing.length === 0) return
    // The browser rounds a box up to 1/64 px; measured ten times larger, that rounding
    // shrinks to a 640th, and a word a hundredth of a pixel wider than a line is told apart.
    const opts = {
      ...this.labelStyle(),
      fontSize: NOTE_FULL_FONT_SIZE * MEASURE_SCALE,
      maxWidth: null,
    }
    const sizes = this.editor.textMeasure.measureHtmlBatch(
      missing.map((word) => ({ html: escapeHtml(word), opts })),
    )
    if (this.widths.size + missing.length > MAX_CACHED_WIDTHS) this.widths.clear()
    missing.forEach((word, i) => this.widths.set(word, sizes[i]!.w / MEASURE_SCALE))
  }

  private measureAgainWithPatterns(shape: TLNoteShape, plain: string): void {
    if (this.unhyphenated.has(shape.id)) return
    this.unhyphenated.add(shape.id)
    onHyphenatorLoaded(noteLanguageOn(this.editor, plain), () => {
      this.unhyphenated.delete(shape.id)
      const current = this.editor.getShape<TLNoteShape>(shape.id)
      if (!current || this.editor.getIsReadonly() || !isTableclothNote(current)) return
      const fit = this.readableTextFit(current)
      if (
        fit.fontSizeAdjustment === current.props.fontSizeAdjustment &&
        fit.growY === current.props.growY
      )
        return
      // Not an undoable step of the moderator's: the note only catches up with its own text.
      this.editor.run(() => this.editor.updateShape({ id: current.id, type: 'note', props: fit }), {
        history: 'ignore',
      })
    })
  }
}

/** Tablecloth's own notes: XL text in the sans font, as the capture bar and the server write them. */
function isTableclothNote(shape: { props: { size?: string; font?: string } }): boolean {
  return shape.props.size === NOTE_TEXT_SIZE && shape.props.font === NOTE_FONT
}

/** Whether a note holds no text, in any of the ways an empty document is written (as tldraw reads it). */
function isEmptyRichText(richText: TLRichText): boolean {
  const blocks = richText.content as Array<{ content?: unknown[] }>
  return blocks.length === 0 || (blocks.length === 1 && !blocks[0]!.content?.length)
}

function withRichText(shape: TLNoteShape, richText: TLRichText): TLNoteShape {
  return { ...shape, props: { ...shape.props, richText } }
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
