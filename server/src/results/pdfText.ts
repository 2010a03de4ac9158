import bidiFactory from 'bidi-js'
import type { TextDirection } from '@tablecloth/shared'
import { textDirection } from '@tablecloth/shared'
import type { FontBook, FontFace, FontWeight } from './pdfFonts'
import { embeddedFont, exactGlyphText, takeShapes } from './pdfGlyphText'

/**
 * Paragraphs for the PDF: split into runs of one font and one direction,
 * wrapped to a width, and put in visual order line by line.
 *
 * pdfkit draws a string in one font, and its font engine (fontkit) shapes
 * Arabic (joining forms, ligatures) and lays a run of Arabic out right to
 * left. It does not do the rest of the Unicode bidi algorithm: it neither
 * orders the runs of a line that mixes directions nor, left to itself, the
 * words of an Arabic run (pdfkit lays out word by word, left to right, to
 * cache widths). So this module
 * - picks a face per grapheme (pdfFonts.ts) and splits text into runs,
 * - resolves bidi levels with bidi-js (UAX #9) per hard line,
 * - wraps in logical order, then reorders each line's runs (rule L2) and
 *   mirrors brackets in right-to-left runs,
 * - and hands each run to pdfkit so fontkit ends up drawing it in the
 *   direction its level asks for (see {@link prepareRun}).
 */

export interface TextStyle {
  weight: FontWeight
  /** Font size in points. */
  size: number
  /** CSS colour. */
  color: string
}

/** A piece of a paragraph in one style, e.g. a note's text, then its dots in grey. */
export interface Span {
  text: string
  style: TextStyle
}

/** A run ready for pdfkit: drawn left to right from its x. */
export interface DrawRun {
  text: string
  face: FontFace
  style: TextStyle
  /** An empty feature list makes pdfkit lay the run out whole instead of word by word. */
  features?: []
  width: number
  /** Where the run stands in reading order among its line's runs. */
  logical: number
}

/** A run at its place on a line. */
interface PlacedRun {
  run: DrawRun
  x: number
}

export interface TextLine {
  /** In visual order, left to right. */
  runs: DrawRun[]
  width: number
}

export interface Paragraph {
  /** The text as given, in logical order. */
  text: string
  lines: TextLine[]
  direction: TextDirection
  lineHeight: number
  height: number
  /** The widest line, for shrink-wrapped boxes. */
  width: number
}

export type Align = 'start' | 'end' | 'center'

export interface LayoutOptions {
  /** The paragraph's base direction; by its first letter when not given. */
  direction?: TextDirection
  /** Line height as a multiple of the largest font size. */
  leading?: number
}

/** The part of pdfkit's document this module draws with. */
export type TextCanvas = Pick<
  PDFKit.PDFDocument,
  | 'font'
  | 'fontSize'
  | 'fillColor'
  | 'text'
  | 'widthOfString'
  | 'registerFont'
  | 'save'
  | 'restore'
  | 'translate'
  | 'scale'
  | 'path'
  | 'fill'
>

interface Grapheme {
  text: string
  face: FontFace
  style: TextStyle
  level: number
  space: boolean
}

interface Token {
  graphemes: Grapheme[]
  /** Spaces after the word: they count between words, not at a line's end. */
  trailing: Grapheme[]
  width: number
  trailingWidth: number
}

const DEFAULT_LEADING = 1.4
const bidi = bidiFactory()
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })
const NO_MIRRORS: ReadonlyMap<number, string> = new Map()

/**
 * Characters that make a text need the bidi algorithm: letters and digits of
 * right-to-left scripts, and the marks and embeddings that turn text around.
 */
const RTL_ANY =
  /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\u200f\u202b\u202e\u2067\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u

/**
 * Text in which every UTF-16 unit is a grapheme of its own: Latin letters
 * (no combining marks follow before U+0300), punctuation, currency, arrows.
 * It skips the grapheme segmenter, the slowest step for plain German notes.
 */
const SIMPLE =
  /^[\u0000-\u000c\u000e-\u02ff\u2010-\u2027\u2030-\u205e\u20a0-\u20c0\u2100-\u214f\u2190-\u23ff]*$/

function segmentGraphemes(text: string): Iterable<{ segment: string; index: number }> {
  if (!SIMPLE.test(text)) return graphemes.segment(text)
  return Array.from(text, (segment, index) => ({ segment, index }))
}

/** A break may follow a hyphen, dash or slash inside a word ("KiTa-|Plätze"). */
const BREAK_AFTER = /^[-‐–—/]$/u
/** Spaces a line may break at: not the no-break ones (U+00A0, U+2007, U+202F). */
const SPACE = /^[\t\n\v\f\r \u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]+$/u

/**
 * Scripts fontkit lays out right to left. fontkit takes a run's direction
 * from its first character of a script other than Common or Inherited.
 */
const RTL_SCRIPT =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}]/u
const NO_SCRIPT = /[\p{Script=Common}\p{Script=Inherited}\p{Cn}]/u

export class PdfText {
  private readonly registered = new Set<string>()
  private readonly widths = new Map<string, number>()

  constructor(
    private readonly doc: TextCanvas,
    private readonly fonts: FontBook,
  ) {}

  /** Lays `spans` out as one paragraph wrapped to `maxWidth` points. */
  layout(given: readonly Span[], maxWidth: number, options: LayoutOptions = {}): Paragraph {
    const spans = given.map((span) => ({ ...span, text: printable(span.text) }))
    const text = spans.map((span) => span.text).join('')
    const direction = options.direction ?? textDirection(text)
    const size = Math.max(...spans.map((span) => span.style.size))
    const lineHeight = size * (options.leading ?? DEFAULT_LEADING)
    const lines: TextLine[] = []
    let offset = 0
    for (const hardLine of text.split('\n')) {
      const styled = stylesFrom(spans, offset, hardLine.length)
      lines.push(...this.wrapLine(hardLine, styled, direction, maxWidth))
      offset += hardLine.length + 1
    }
    const width = Math.max(0, ...lines.map((line) => line.width))
    return { text, lines, direction, lineHeight, height: lines.length * lineHeight, width }
  }

  /** A paragraph on one line, never wrapped: labels, page numbers. */
  line(spans: readonly Span[], options: LayoutOptions = {}): Paragraph {
    return this.layout(spans, Number.POSITIVE_INFINITY, options)
  }

  /**
   * Draws a laid-out paragraph with its top at `top`, each line aligned in
   * the box from `x` that is `width` wide. `start` is the left edge for a
   * left-to-right paragraph and the right edge for a right-to-left one.
   */
  draw(paragraph: Paragraph, x: number, top: number, width: number, align: Align = 'start'): void {
    paragraph.lines.forEach((line, index) => {
      const baseline = top + index * paragraph.lineHeight + baselineOffset(paragraph.lineHeight)
      const rtl = paragraph.direction === 'rtl'
      const rightAligned = align === 'end' ? !rtl : align === 'start' && rtl
      let cursor =
        align === 'center'
          ? x + (width - line.width) / 2
          : rightAligned
            ? x + width - line.width
            : x
      const placed = line.runs.map((run) => {
        const x = cursor
        cursor += run.width
        return { run, x }
      })
      for (const piece of readingOrder(placed)) this.drawRun(piece.run, piece.x, baseline)
    })
  }

  /**
   * One run, each glyph mapped to the characters it shows (pdfGlyphText.ts);
   * the dots split off Arabic letters, which show none, as outlines.
   */
  private drawRun(run: DrawRun, x: number, baseline: number): void {
    this.use(run.face)
    this.doc.font(run.face.name)
    const font = embeddedFont(this.doc)
    exactGlyphText(font)
    this.doc
      .fontSize(run.style.size)
      .fillColor(run.style.color)
      .text(run.text, x, baseline, {
        lineBreak: false,
        baseline: 'alphabetic',
        ...(run.features && { features: run.features }),
      })
    const outlines = takeShapes(font)
    if (outlines.length === 0) return
    const unit = run.style.size / 1000
    for (const outline of outlines) {
      if (outline.path === '') continue
      this.doc
        .save()
        .translate(x + outline.x * unit, baseline - outline.y * unit)
        .scale(unit * font.scale, -unit * font.scale)
        .path(outline.path)
        .fill(run.style.color)
        .restore()
    }
  }

  private wrapLine(
    text: string,
    styles: (index: number) => TextStyle,
    direction: TextDirection,
    maxWidth: number,
  ): TextLine[] {
    if (text === '') return [{ runs: [], width: 0 }]
    // Most notes are German: no bidi to resolve, every level 0.
    const plain = direction === 'ltr' && !RTL_ANY.test(text)
    const classified = plain ? text : bidiSafe(text)
    const levels = plain ? undefined : bidi.getEmbeddingLevels(classified, direction)
    const mirrored = levels ? bidi.getMirroredCharactersMap(classified, levels.levels) : NO_MIRRORS
    const all: Grapheme[] = []
    let previous: FontFace | undefined
    for (const { segment, index } of segmentGraphemes(text)) {
      const style = styles(index)
      const level = levels ? levels.levels[index]! : 0
      const shown = mirror(segment, index, mirrored)
      const faced = this.fonts.faceFor(
        shown,
        style.weight,
        previous?.weight === style.weight ? previous : undefined,
      )
      previous = faced.face
      all.push({ text: faced.text, face: faced.face, style, level, space: SPACE.test(segment) })
    }

    const lines: Grapheme[][] = []
    let current: Grapheme[] = []
    let width = 0
    let pendingSpace = 0
    for (const token of this.tokens(all, maxWidth)) {
      if (current.length > 0 && width + pendingSpace + token.width > maxWidth) {
        lines.push(current)
        current = []
        width = 0
        pendingSpace = 0
      }
      current.push(...token.graphemes, ...token.trailing)
      width += pendingSpace + token.width
      pendingSpace = token.trailingWidth
    }
    lines.push(current)
    return lines.map((line) => this.visualLine(line))
  }

  /** Words with their trailing spaces; a word wider than a line is cut between graphemes. */
  private tokens(all: readonly Grapheme[], maxWidth: number): Token[] {
    const tokens: Token[] = []
    let word: Grapheme[] = []
    let trailing: Grapheme[] = []
    const flush = () => {
      if (word.length === 0 && trailing.length === 0) return
      tokens.push(...this.fitToken(word, trailing, maxWidth))
      word = []
      trailing = []
    }
    all.forEach((grapheme, index) => {
      if (grapheme.space) {
        trailing.push(grapheme)
        return
      }
      if (trailing.length > 0) flush()
      word.push(grapheme)
      const next = all[index + 1]
      if (BREAK_AFTER.test(grapheme.text) && next && !next.space && word.length > 1) flush()
    })
    flush()
    return tokens
  }

  private fitToken(word: Grapheme[], trailing: Grapheme[], maxWidth: number): Token[] {
    const width = this.measureGraphemes(word)
    const trailingWidth = this.measureGraphemes(trailing)
    if (width <= maxWidth || word.length <= 1) {
      return [{ graphemes: word, trailing, width, trailingWidth }]
    }
    // A URL or a run of letters without a space: cut it where the line ends.
    const pieces: Token[] = []
    let piece: Grapheme[] = []
    let pieceWidth = 0
    for (const grapheme of word) {
      const own = this.measureGraphemes([grapheme])
      if (piece.length > 0 && pieceWidth + own > maxWidth) {
        pieces.push({ graphemes: piece, trailing: [], width: pieceWidth, trailingWidth: 0 })
        piece = []
        pieceWidth = 0
      }
      piece.push(grapheme)
      pieceWidth += own
    }
    pieces.push({ graphemes: piece, trailing, width: pieceWidth, trailingWidth })
    return pieces
  }

  /** The line's runs in visual order, its trailing spaces dropped (bidi rule L1). */
  private visualLine(line: Grapheme[]): TextLine {
    let end = line.length
    while (end > 0 && line[end - 1]!.space) end--
    const logical: Array<{ graphemes: Grapheme[]; level: number }> = []
    for (const grapheme of line.slice(0, end)) {
      const last = logical[logical.length - 1]
      const first = last?.graphemes[0]
      if (
        last &&
        first &&
        last.level === grapheme.level &&
        first.face === grapheme.face &&
        sameStyle(first.style, grapheme.style)
      ) {
        last.graphemes.push(grapheme)
      } else {
        logical.push({ graphemes: [grapheme], level: grapheme.level })
      }
    }
    const runs = reorder(logical.map((run, index) => ({ ...run, index }))).map((run) =>
      this.prepareRun(run.graphemes, run.level, run.index),
    )
    return { runs, width: runs.reduce((sum, run) => sum + run.width, 0) }
  }

  /**
   * The string to hand pdfkit for a run, so that it comes out in the
   * direction of its bidi level. fontkit reverses a run by itself when the
   * run's script is right to left, and only then:
   * - Arabic at an odd level: given in logical order and laid out whole (an
   *   empty feature list turns off pdfkit's word-by-word layout), so fontkit
   *   shapes the letters in context and reverses the run.
   * - Neutrals or emoji at an odd level (e.g. "🙂!" inside Arabic): fontkit
   *   would keep them left to right, so the graphemes are reversed here.
   * - Arabic-Indic digits at an even level (a number inside Arabic text
   *   reads left to right): fontkit would reverse them, so they are given
   *   reversed and it turns them back.
   */
  private prepareRun(run: readonly Grapheme[], level: number, index: number): DrawRun {
    const first = run[0]!
    const logical = run.map((grapheme) => grapheme.text).join('')
    const wantsRtl = level % 2 === 1
    const engineRtl = engineDirection(logical) === 'rtl'
    const ordered =
      wantsRtl === engineRtl
        ? logical
        : run
            .map((grapheme) => grapheme.text)
            .reverse()
            .join('')
    const features = engineRtl ? ([] as []) : undefined
    const text = this.shapeable(ordered, first.face, first.style.size, features)
    return {
      text,
      face: first.face,
      style: first.style,
      ...(features && { features }),
      width: this.measure(text, first.face, first.style.size, features),
      logical: index,
    }
  }

  private measureGraphemes(run: readonly Grapheme[]): number {
    let width = 0
    let start = 0
    for (let index = 1; index <= run.length; index++) {
      const head = run[start]!
      const next = run[index]
      if (next && next.face === head.face && sameStyle(next.style, head.style)) continue
      const text = run
        .slice(start, index)
        .map((grapheme) => grapheme.text)
        .join('')
      width += this.measure(
        this.shapeable(text, head.face, head.style.size),
        head.face,
        head.style.size,
      )
      start = index
    }
    return width
  }

  /**
   * The text as fontkit can lay it out in `face`. fontkit 2.0.4 throws while
   * positioning the marks of a few Arabic letters in Noto Sans Arabic (feh
   * with dots below, U+06A2 and its kin); one such note must not cost the
   * organiser the whole export. Those letters are drawn as plain feh, and a
   * character fontkit still cannot place on its own as U+FFFD. Copying gives
   * the text as typed all the same: text with Arabic carries it as
   * ActualText (see `actualText`).
   */
  private shapeable(text: string, face: FontFace, size: number, features?: []): string {
    const fits = (candidate: string) => {
      try {
        this.measure(candidate, face, size, features)
        return true
      } catch (error) {
        if (error instanceof TypeError) return false
        throw error
      }
    }
    if (fits(text)) return text
    const based = [...text].map((char) => UNSHAPEABLE_LETTERS.get(char) ?? char).join('')
    if (fits(based)) return based
    return [...based].map((char) => (fits(char) ? char : '\uFFFD')).join('')
  }

  private measure(text: string, face: FontFace, size: number, features?: []): number {
    const key = `${face.name}\u0000${size}\u0000${features ? 1 : 0}\u0000${text}`
    let width = this.widths.get(key)
    if (width === undefined) {
      this.use(face)
      width = this.doc
        .font(face.name)
        .fontSize(size)
        .widthOfString(text, features ? { features } : {})
      this.widths.set(key, width)
    }
    return width
  }

  /** Registers a face with the document the first time a run needs it. */
  private use(face: FontFace): void {
    if (this.registered.has(face.name)) return
    // pdfkit's typings name file paths and bytes only; it also takes a parsed fontkit font.
    this.doc.registerFont(face.name, this.fonts.font(face) as unknown as Buffer)
    this.registered.add(face.name)
  }
}

/**
 * Arabic letters fontkit 2.0.4 cannot position marks for in Noto Sans
 * Arabic, each with the letter it is drawn as instead (see `shapeable`).
 */
const UNSHAPEABLE_LETTERS: ReadonlyMap<string, string> = new Map(
  ['\u06A2', '\u06A3', '\u06A5', '\u0760', '\u0761', '\u08A4'].map((letter) => [letter, '\u0641']),
)

/**
 * The text as it can be printed: Windows line ends as line breaks, tabs as
 * spaces, and other control characters (which no font draws) left out. So
 * are soft hyphens (pasted text carries them): the PDF never breaks a word
 * there, so they would be invisible, yet copying would give them back and
 * pdf.js would read a word break at each.
 */
function printable(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad]/g, '')
}

/** Where the baseline sits in a line box: the text centred on its x-height. */
export function baselineOffset(lineHeight: number): number {
  return lineHeight * 0.72
}

/** The style at each code unit of a hard line that starts `offset` into the paragraph. */
function stylesFrom(
  spans: readonly Span[],
  offset: number,
  length: number,
): (index: number) => TextStyle {
  const bounds: Array<{ end: number; style: TextStyle }> = []
  let end = 0
  for (const span of spans) {
    end += span.text.length
    bounds.push({ end, style: span.style })
  }
  return (index) => {
    const at = offset + Math.min(index, length)
    return (bounds.find((bound) => at < bound.end) ?? bounds[bounds.length - 1]!).style
  }
}

/**
 * bidi-js reads a string one UTF-16 unit at a time, so the two halves of an
 * emoji or any other character beyond the BMP get the default class (L): a
 * smiley in an Arabic sentence would read left to right. Each such character
 * is given to it as a BMP stand-in of the same bidi class, two units long so
 * the indices stay those of the text.
 */
function bidiSafe(text: string): string {
  if (!/[\ud800-\udfff]/.test(text)) return text
  let out = ''
  for (const char of text) {
    if (char.length === 1) {
      out += char
      continue
    }
    const stand = STAND_INS[bidi.getBidiCharTypeName(char)] ?? STAND_INS.ON!
    out += stand + stand
  }
  return out
}

/** A BMP character of each bidi class that an astral character can have. */
const STAND_INS: Record<string, string> = {
  L: 'a',
  R: '\u05d0',
  AL: '\u0627',
  EN: '0',
  ES: '+',
  ET: '#',
  AN: '\u0660',
  CS: ',',
  NSM: '\u0300',
  BN: '\u200b',
  WS: ' ',
  ON: '!',
}

/** A grapheme with the mirrored forms of its brackets where its level reads right to left. */
function mirror(segment: string, index: number, mirrored: ReadonlyMap<number, string>): string {
  if (mirrored.size === 0) return segment
  let out = ''
  for (let unit = 0; unit < segment.length; unit++) {
    out += mirrored.get(index + unit) ?? segment[unit]
  }
  return out
}

/**
 * Bidi rule L2 on runs of one level: from the highest level down to the
 * lowest odd one, reverse every stretch of runs at that level or above.
 */
function reorder<R extends { level: number }>(runs: readonly R[]): R[] {
  const out = [...runs]
  if (out.length === 0) return out
  const levels = out.map((run) => run.level)
  const highest = Math.max(...levels)
  const lowest = Math.min(...levels)
  const lowestOdd = lowest % 2 === 1 ? lowest : lowest + 1
  for (let level = highest; level >= lowestOdd; level--) {
    let start = 0
    while (start < out.length) {
      if (out[start]!.level < level) {
        start++
        continue
      }
      let end = start
      while (end < out.length && out[end]!.level >= level) end++
      const reversed = out.slice(start, end).reverse()
      out.splice(start, reversed.length, ...reversed)
      start = end
    }
  }
  return out
}

/**
 * The order to draw a line's runs in, each at its place. Text extraction
 * (pdf.js) joins a line's pieces in the order they are drawn, turning each
 * piece of right-to-left text around, and joins glyphs drawn side by side
 * in one font into one piece whose order it resolves itself. So side-by-side
 * runs in one face and size (Arabic words and Arabic-Indic digits) are drawn
 * left to right as one piece, and the pieces in reading order: by the first
 * of their runs in the typed text.
 */
function readingOrder(line: readonly PlacedRun[]): PlacedRun[] {
  const pieces: PlacedRun[][] = []
  for (const placed of line) {
    const piece = pieces[pieces.length - 1]
    const last = piece?.[piece.length - 1]
    if (
      last &&
      last.run.face === placed.run.face &&
      last.run.style.size === placed.run.style.size
    ) {
      piece!.push(placed)
    } else {
      pieces.push([placed])
    }
  }
  const first = (piece: readonly PlacedRun[]) =>
    Math.min(...piece.map((placed) => placed.run.logical))
  return pieces.sort((a, b) => first(a) - first(b)).flat()
}

/** The direction fontkit will lay a run out in: that of its first character with a script. */
function engineDirection(text: string): TextDirection {
  for (const char of text) {
    if (NO_SCRIPT.test(char)) continue
    return RTL_SCRIPT.test(char) ? 'rtl' : 'ltr'
  }
  return 'ltr'
}

function sameStyle(a: TextStyle, b: TextStyle): boolean {
  return a === b || (a.weight === b.weight && a.size === b.size && a.color === b.color)
}
