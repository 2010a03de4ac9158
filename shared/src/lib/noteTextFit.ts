import { NOTE_SIZE } from './boardLayout'
import {
  breakLines,
  fitsLine,
  lineSegments,
  widestSegment,
  type LaidOutLine,
  type TextWidth,
} from './lineBreaking'
import type { Hyphenate } from './hyphenation'

/**
 * How big a note's text is drawn and how tall the note grows for it: one
 * rule for every writer of notes. The moderator's board measures with the
 * browser (`WrappingNoteShapeUtil`), the server with tldraw's font files
 * (phone notes, restores, mending old notes), both through these functions,
 * so a note is sized alike wherever it was written.
 *
 * The rule: tldraw's XL text (32 px) shrinks a pixel at a time until every
 * word fits the note's width, but not below {@link NOTE_TEXT_FLOOR}. A word
 * longer than a line even then is hyphenated at its syllables (soft hyphens,
 * see `hyphenation.ts`) and wraps; only a syllable longer than a line is
 * broken without a hyphen. The note grows downwards for every line its text
 * needs beyond its square.
 */

/** tldraw's note label, for Tablecloth's notes (size XL, see `NOTE_TEXT_SIZE`). */
export const NOTE_LABEL_PADDING = 16
/** tldraw's theme font size (16) × its XL label factor (2). */
export const NOTE_FULL_FONT_SIZE = 32
/** tldraw's theme line height, a multiple of the font size. */
export const NOTE_LINE_HEIGHT = 1.35
/**
 * The smallest text a note shrinks to before a long word wraps instead:
 * German words of 11–12 letters ("Anerkennung", "donnerstags") still fit a
 * line whole. Below it a note on the board grows taller rather than smaller,
 * so the moderator's laptop keeps every note readable at its fitted zoom (the
 * projector lays the notes out afresh, see client/src/room).
 */
export const NOTE_TEXT_FLOOR = 25
/**
 * The width text may take in a note: its side less the label's padding,
 * and the 1 px tldraw leaves for the browser's rounding when it measures.
 */
export const NOTE_TEXT_WIDTH = NOTE_SIZE - 2 * NOTE_LABEL_PADDING - 1

/** A note's text size and the height its text needs, as tldraw stores them in its props. */
export interface NoteTextFit {
  /** The drawn font size over {@link NOTE_FULL_FONT_SIZE}. */
  fontSizeAdjustment: number
  /** How far the note grows below its square. */
  growY: number
}

/** The whole-pixel line height at a font size, as tldraw draws and measures labels. */
export function noteLineHeight(fontSize: number): number {
  return Math.round(fontSize * NOTE_LINE_HEIGHT)
}

/** The font size a note is drawn at. */
export function noteFontSize(fit: { fontSizeAdjustment?: number | null }): number {
  return (fit.fontSizeAdjustment ?? 1) * NOTE_FULL_FONT_SIZE
}

/** Whether a note's text is drawn at the floor, where long words are hyphenated. */
export function isAtTextFloor(fontSize: number): boolean {
  return fontSize <= NOTE_TEXT_FLOOR + 1e-6
}

/** The fit of a text drawn at `fontSize` whose lines take `textHeight` pixels. */
export function noteTextFit(fontSize: number, textHeight: number): NoteTextFit {
  return {
    fontSizeAdjustment: fontSize / NOTE_FULL_FONT_SIZE,
    growY: Math.max(0, Math.ceil(textHeight + 2 * NOTE_LABEL_PADDING - NOTE_SIZE)),
  }
}

/** What a fit needs measured, by whoever can measure: the browser or the font files. */
export interface NoteTextMeasure {
  /** Whether every word of the plain text fits the note's width at this size. */
  wordsFit(fontSize: number): boolean
  /**
   * The height of the text at this size; at the floor with its long words
   * hyphenated (see {@link hyphenateLongWords}).
   */
  height(fontSize: number): number
}

/**
 * The largest size from tldraw's own down to the floor at which every word
 * fits, or the floor with long words hyphenated; and the height for it.
 */
export function chooseNoteTextFit(measure: NoteTextMeasure): NoteTextFit {
  for (let fontSize = NOTE_FULL_FONT_SIZE; fontSize > NOTE_TEXT_FLOOR; fontSize--) {
    if (measure.wordsFit(fontSize)) return noteTextFit(fontSize, measure.height(fontSize))
  }
  return noteTextFit(NOTE_TEXT_FLOOR, measure.height(NOTE_TEXT_FLOOR))
}

/**
 * The text as a note draws it at the floor: each word too wide for a line
 * (`isLong`, the stretch between two places a line may break) gets soft
 * hyphens at its syllables, every other word stays whole, so a line never
 * breaks a word that would fit the next one. Other characters are kept
 * exactly; without soft hyphens the result is the text again.
 */
export function hyphenateLongWords(
  text: string,
  hyphenate: Hyphenate,
  isLong: (word: string) => boolean,
): string {
  return text
    .split('\n')
    .map((paragraph) =>
      lineSegments(paragraph)
        .map(({ text: segment }) => {
          const word = segment.trimEnd()
          return word !== '' && isLong(word)
            ? hyphenate(word) + segment.slice(word.length)
            : segment
        })
        .join(''),
    )
    .join('\n')
}

/** A note's text laid out as the server sizes it: its fit, the size drawn and the lines. */
export interface NoteTextLayout {
  fit: NoteTextFit
  fontSize: number
  /** Every line of every paragraph, as the browser breaks them. */
  lines: LaidOutLine[]
}

/**
 * Sizes a note's plain text (paragraphs separated by `\n`) from the widths of
 * its runs at a given size, as the server does with the font files, and
 * lays it out at the size chosen. Without `hyphenate` (no patterns for the
 * language) long words break between letters, as a browser would draw them.
 */
export function layoutNoteText(
  text: string,
  widthAt: (fontSize: number) => TextWidth,
  hyphenate: Hyphenate | null,
): NoteTextLayout {
  const paragraphs = text.split('\n')
  const linesAt = (fontSize: number): LaidOutLine[] => {
    const width = widthAt(fontSize)
    const shown =
      hyphenate && isAtTextFloor(fontSize)
        ? hyphenateLongWords(text, hyphenate, (word) => !fitsLine(width(word), NOTE_TEXT_WIDTH))
        : text
    return shown.split('\n').flatMap((paragraph) => breakLines(paragraph, NOTE_TEXT_WIDTH, width))
  }
  const fit = chooseNoteTextFit({
    wordsFit: (fontSize) => {
      const width = widthAt(fontSize)
      return paragraphs.every((paragraph) =>
        fitsLine(widestSegment(paragraph, width), NOTE_TEXT_WIDTH),
      )
    },
    height: (fontSize) => linesAt(fontSize).length * noteLineHeight(fontSize),
  })
  const fontSize = noteFontSize(fit)
  return { fit, fontSize, lines: linesAt(fontSize) }
}

/** The fit of {@link layoutNoteText}. */
export function measureNoteText(
  text: string,
  widthAt: (fontSize: number) => TextWidth,
  hyphenate: Hyphenate | null,
): NoteTextFit {
  return layoutNoteText(text, widthAt, hyphenate).fit
}
