import { SOFT_HYPHEN } from './hyphenation'

/**
 * Line breaking as a browser lays out a note's text (`white-space: pre-wrap`,
 * `overflow-wrap: break-word`, `hyphens: manual`, as tldraw draws labels),
 * over widths someone else measures: the server with the font files, a test
 * with a fake. Pure, so the server sizes a note the way Chromium draws it.
 *
 * Where a line may break follows Chromium's reading of the Unicode line
 * breaking rules (UAX #14) for what notes hold, checked against Chromium
 * itself: after spaces, after a soft hyphen between letters (which then
 * shows as a hyphen), after a hyphen or dash before a letter or digit
 * ("Eltern-Lehrer", "5-6"),
 * around an em dash and emoji, after "?" before a letter; never at a slash
 * ("und/oder"). Where no break fits a line, a word is broken between two
 * characters, as `overflow-wrap: break-word` does.
 */

/** Width of a run of text, in pixels, at the font size being laid out. */
export type TextWidth = (text: string) => number

/** A piece of a paragraph that ends where a line may break. */
export interface LineSegment {
  /** The segment's text, soft hyphens removed, trailing spaces included. */
  text: string
  /** Ends at a soft hyphen: a line broken here shows a hyphen. */
  hyphen: boolean
}

/** One laid-out line: its text (trailing spaces kept) and whether it ends in a shown hyphen. */
export interface LaidOutLine {
  text: string
  hyphen: boolean
}

/**
 * Chromium lays lines out in 1/64 px and rounds a run's width down to it:
 * a word 0.01 px wider than the line still fits it.
 */
export const LAYOUT_UNIT = 1 / 64

/** Whether a run of this width fits a line of `maxWidth`, as Chromium decides. */
export function fitsLine(width: number, maxWidth: number): boolean {
  return width < maxWidth + LAYOUT_UNIT
}

/** The hyphen Chromium draws at a soft hyphen where a line breaks: U+2010 when the font has it. */
export const SHOWN_HYPHEN = '\u2010'

const SPACE = /^[ \t]$/u
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u
const DASHES = new Set(['-', '\u2010', '\u2013'])
/** Low opening quotes, before which a line may break after a slash. */
const OPENING = /^[„‚]/u
/** What a hyphen or dash holds on to: closing and separating punctuation, curly quotes, dashes. */
const HELD_AFTER_DASH = /^[.,:;!?)\]}/…«»“”‘’‹›–$]/u

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/** Characters that join their neighbours into one grapheme: marks, joiners, emoji, surrogates. */
const CLUSTERING =
  /[\p{M}\p{Extended_Pictographic}\u200C\u200D\uFE00-\uFE0F\u1100-\u11FF\r\u{10000}-\u{10FFFF}]/u

/** A text's user-perceived characters: an emoji with its modifiers is one. */
export function graphemesOf(text: string): string[] {
  // Most notes are plain letters, where each character is one; the segmenter is slow.
  if (!CLUSTERING.test(text)) return [...text]
  return [...segmenter.segment(text)].map((part) => part.segment)
}

/**
 * The paragraph cut at every place a line may break, in order; joined (and
 * with the soft hyphens put back) they give the paragraph again.
 */
export function lineSegments(paragraph: string): LineSegment[] {
  // Soft hyphens are taken out and remembered as places that may break.
  const chars: string[] = []
  const softAfter = new Set<number>()
  for (const char of graphemesOf(paragraph)) {
    if (char === SOFT_HYPHEN) softAfter.add(chars.length - 1)
    else chars.push(char)
  }
  const segments: LineSegment[] = []
  let text = ''
  for (let i = 0; i < chars.length; i++) {
    text += chars[i]!
    if (i === chars.length - 1) break
    const breaks = breaksAfter(chars, i)
    const hyphen = !breaks && softAfter.has(i) && breaksAtSoftHyphen(chars, i)
    if (breaks || hyphen) {
      segments.push({ text, hyphen })
      text = ''
    }
  }
  if (text !== '') segments.push({ text, hyphen: false })
  return segments
}

/** A soft hyphen breaks only between two letters or digits. */
function breaksAtSoftHyphen(chars: readonly string[], i: number): boolean {
  return LETTER_OR_DIGIT.test(chars[i]!) && LETTER_OR_DIGIT.test(chars[i + 1] ?? '')
}

/**
 * Whether a line may break between `chars[i]` and `chars[i + 1]`, as
 * Chromium's line breaker (UAX #14) decides for the characters notes hold.
 */
function breaksAfter(chars: readonly string[], i: number): boolean {
  const char = chars[i]!
  const next = chars[i + 1]!
  // Spaces: a line breaks after a run of them, never inside it (pre-wrap keeps them).
  if (SPACE.test(char)) return !SPACE.test(next)
  if (SPACE.test(next)) return false
  if (char === '\u200B') return true
  // A hyphen or dash breaks after itself ("Eltern-", "5-", even "-los", "->") but not before
  // closing or separating punctuation ("Quartiers-/", "-,"); an em dash breaks before and after.
  if (char === '\u2014' || next === '\u2014') return true
  if (DASHES.has(char)) return !HELD_AFTER_DASH.test(next)
  // "?" breaks before a letter ("a?b"); a slash only before a low opening quote
  // ("Geflüchteter/„Fremder“"), never between words ("und/oder"); "!" never.
  if (char === '?') return LETTER_OR_DIGIT.test(next)
  if (char === '/') return OPENING.test(next)
  // Emoji stand like ideographs: a line may break before and after one.
  if (EMOJI.test(char)) return LETTER_OR_DIGIT.test(next) || EMOJI.test(next)
  if (EMOJI.test(next)) return LETTER_OR_DIGIT.test(char)
  return false
}

/**
 * Lays out one paragraph greedily in lines no wider than `maxWidth`: each
 * line takes as many segments as fit (trailing spaces hang and take no
 * room; a line ending at a soft hyphen needs room for the hyphen), and a
 * segment too long for a line of its own is broken between characters.
 * An empty paragraph is one empty line.
 */
export function breakLines(paragraph: string, maxWidth: number, width: TextWidth): LaidOutLine[] {
  const segments = lineSegments(paragraph)
  if (segments.length === 0) return [{ text: '', hyphen: false }]
  const hyphenWidth = width(SHOWN_HYPHEN)
  // A line is as wide as its text shaped as one run: kerning works across a soft hyphen. Its
  // segments' widths added up come close, so only a line that close to full is measured whole.
  const fits = (text: string, estimate: number, hyphen: boolean) => {
    const extra = hyphen ? hyphenWidth : 0
    if (Math.abs(estimate + extra - maxWidth) > KERNING_SLACK) return estimate + extra < maxWidth
    return fitsLine(width(text.trimEnd()) + extra, maxWidth)
  }
  const lines: LaidOutLine[] = []
  let start = 0
  while (start < segments.length) {
    let text = ''
    let before = 0
    let taken = 0
    let fitting: LaidOutLine | null = null
    for (let k = start; k < segments.length; k++) {
      const segment = segments[k]!
      text += segment.text
      const estimate = before + width(segment.text.trimEnd())
      // A line may end at a soft hyphen whose hyphen does not fit even when the text does.
      const hyphen = segment.hyphen && k < segments.length - 1
      if (fits(text, estimate, hyphen)) {
        fitting = { text, hyphen }
        taken = k - start + 1
      } else if (!fits(text, estimate, false)) {
        break
      }
      before += width(segment.text)
    }
    if (fitting) {
      lines.push(fitting)
      start += taken
      continue
    }
    // Not even the first segment fits: break it between characters.
    const [head, rest] = splitToFit(segments[start]!.text, maxWidth, width)
    lines.push({ text: head, hyphen: false })
    if (rest === '') start++
    else segments[start] = { ...segments[start]!, text: rest }
  }
  return lines
}

/** Pixels by which a line's segments added up may differ from the line shaped whole. */
const KERNING_SLACK = 4

/** The longest run of whole characters from the start that fits (at least one), and the rest. */
function splitToFit(text: string, maxWidth: number, width: TextWidth): [string, string] {
  const graphemes = graphemesOf(text)
  let head = graphemes[0] ?? ''
  let count = 1
  for (let i = 1; i < graphemes.length; i++) {
    const longer = head + graphemes[i]!
    if (!fitsLine(width(longer.trimEnd()), maxWidth)) break
    head = longer
    count++
  }
  return [head, graphemes.slice(count).join('')]
}

/** The widest segment of a paragraph that no line break can split, trailing spaces left out. */
export function widestSegment(paragraph: string, width: TextWidth): number {
  let widest = 0
  for (const segment of lineSegments(paragraph))
    widest = Math.max(widest, width(segment.text.trimEnd()))
  return widest
}
