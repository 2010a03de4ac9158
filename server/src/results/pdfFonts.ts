import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { create as openFont, type Font } from 'fontkit'
import { ownCodePoints } from './pdfGlyphText'
import { woffToSfnt } from './woffToSfnt'

/**
 * The fonts the PDF embeds, and which of them draws a given character.
 *
 * No single font covers German, Arabic and emoji. The Noto families do
 * together (Noto Sans Math adds the arrows, ticks and signs that Noto Sans
 * lacks and hand-typed notes use: →, ↳, ✓, ≈), and the server carries them
 * as npm packages (@fontsource/*), so
 * a PDF is made without any network. Fontsource splits each family into
 * files by Unicode range, as browsers load them; the PDF uses the WOFF files
 * (fontkit can read WOFF2 too, but cannot subset it for embedding: it reads
 * glyphs from the raw `glyf` table, which WOFF2 stores transformed), each
 * unwrapped once per process (woffToSfnt.ts) and kept, parsed, for every
 * later export.
 *
 * Every grapheme is drawn with the first face, in {@link FACE_ORDER}, whose
 * character map holds all of its code points, emoji from the emoji font
 * first. That is the same fallback a browser walks through its font stack.
 */

export type FontWeight = 'regular' | 'bold'

/** One font file, registered with pdfkit under `name`. */
export interface FontFace {
  name: string
  file: string
  weight: FontWeight
  /** Which family it belongs to: Latin, Greek, Cyrillic… / Arabic / symbols / emoji. */
  family: 'sans' | 'arabic' | 'symbols' | 'emoji'
}

const require = createRequire(import.meta.url)

/** The directory of a fontsource package's font files, found the way Node resolves it. */
function filesOf(pkg: string): string {
  // The packages export only their CSS; its directory holds files/.
  return path.join(path.dirname(require.resolve(pkg)), 'files')
}

/** Noto Sans subsets, most used first: the walk for a German text stops at the first. */
const SANS_SUBSETS = [
  'latin',
  'latin-ext',
  'greek',
  'greek-ext',
  'cyrillic',
  'cyrillic-ext',
  'vietnamese',
  'devanagari',
]
const ARABIC_SUBSETS = ['arabic', 'symbols', 'math']
/** Noto Emoji: the common emoji first, then the ranges Google Fonts splits off. */
const EMOJI_SUBSETS = ['emoji', ...Array.from({ length: 11 }, (_, index) => String(index))]

function faces(weight: FontWeight): FontFace[] {
  const number = weight === 'bold' ? 700 : 400
  const sans = filesOf('@fontsource/noto-sans')
  const arabic = filesOf('@fontsource/noto-sans-arabic')
  const math = filesOf('@fontsource/noto-sans-math')
  const emoji = filesOf('@fontsource/noto-emoji')
  return [
    ...SANS_SUBSETS.map((subset) => ({
      name: `NotoSans-${subset}-${number}`,
      file: path.join(sans, `noto-sans-${subset}-${number}-normal.woff`),
      weight,
      family: 'sans' as const,
    })),
    ...ARABIC_SUBSETS.map((subset) => ({
      name: `NotoSansArabic-${subset}-${number}`,
      file: path.join(arabic, `noto-sans-arabic-${subset}-${number}-normal.woff`),
      weight,
      family: 'arabic' as const,
    })),
    // Noto Sans Math has one weight and, despite the file's name, all its
    // characters in the "latin" file.
    {
      name: 'NotoSansMath',
      file: path.join(math, 'noto-sans-math-latin-400-normal.woff'),
      weight,
      family: 'symbols' as const,
    },
    // Emoji have one weight: a bold heading draws them as in the text.
    ...EMOJI_SUBSETS.map((subset) => ({
      name: `NotoEmoji-${subset}`,
      file: path.join(emoji, `noto-emoji-${subset}-400-normal.woff`),
      weight,
      family: 'emoji' as const,
    })),
  ]
}

/**
 * Characters that change how their neighbours look but have no glyph of
 * their own: joiners, variation selectors, emoji tag characters. A face need
 * not have them to draw a grapheme; where it lacks them they are left out.
 */
const IGNORABLE = /[\u200b-\u200f\u2060\ufe00-\ufe0f\u{e0020}-\u{e007f}]/u
/** A grapheme shown as an emoji: emoji presentation, or text asking for it. */
const EMOJI = /\p{Emoji_Presentation}|\ufe0f|\u20e3|\p{Regional_Indicator}/u
/** Spaces, punctuation and digits take whatever face the text around them uses. */
const NEUTRAL = /^[\p{Script=Common}\p{Script=Inherited}]+$/u

/** A grapheme as it will be drawn: the face and the text that face can show. */
export interface FacedGrapheme {
  face: FontFace
  text: string
}

/**
 * The font faces of the PDF with their character maps, read from disk once
 * per process: every export after the first only looks them up.
 */
export class FontBook {
  private readonly order: Record<FontWeight, FontFace[]>
  private readonly fonts = new Map<string, Font>()
  private readonly chosen = new Map<string, FacedGrapheme>()

  constructor() {
    this.order = { regular: faces('regular'), bold: faces('bold') }
  }

  /**
   * The parsed font, which pdfkit takes as it is (any object that can lay
   * text out) and embeds subset to the glyphs used. Sharing it across
   * documents keeps fontkit's parsed tables and glyphs for the next export.
   */
  font(face: FontFace): Font {
    let font = this.fonts.get(face.file)
    if (!font) {
      font = openFont(woffToSfnt(readFileSync(face.file)))
      ownCodePoints(font)
      this.fonts.set(face.file, font)
    }
    return font
  }

  /**
   * The face to draw `grapheme` with. `previous` is the face of the grapheme
   * before it: a space or a comma between Arabic words stays in the Arabic
   * face, so the words are shaped as one run.
   */
  faceFor(grapheme: string, weight: FontWeight, previous?: FontFace): FacedGrapheme {
    // Not after an emoji: the emoji font has spaces and digits too, emoji-wide.
    if (
      previous?.weight === weight &&
      previous.family !== 'emoji' &&
      NEUTRAL.test(grapheme) &&
      !EMOJI.test(grapheme) &&
      this.covers(previous, grapheme)
    ) {
      return { face: previous, text: grapheme }
    }
    const key = `${weight}\u0000${grapheme}`
    let found = this.chosen.get(key)
    if (!found) {
      found = this.pick(grapheme, weight)
      // Bounded: note text is open-ended, the set of characters in one day is not.
      if (this.chosen.size > 50_000) this.chosen.clear()
      this.chosen.set(key, found)
    }
    return found
  }

  private pick(grapheme: string, weight: FontWeight): FacedGrapheme {
    const all = this.order[weight]
    const candidates = EMOJI.test(grapheme)
      ? [...all.filter((face) => face.family === 'emoji'), ...all]
      : all
    for (const face of candidates) {
      if (this.covers(face, grapheme)) return { face, text: grapheme }
    }
    // Without the joiners or selectors a face lacks: a ZWJ sequence no
    // single face holds shows its parts rather than missing-glyph boxes.
    for (const face of candidates) {
      const shown = this.shownBy(face, grapheme)
      if (shown !== undefined) return { face, text: shown }
    }
    // No face has it (a script Noto Sans lacks): pdfkit draws the missing-glyph box.
    return { face: all[0]!, text: grapheme }
  }

  /** Whether the face has a glyph for every code point of the grapheme. */
  private covers(face: FontFace, grapheme: string): boolean {
    const font = this.font(face)
    for (const char of grapheme) {
      if (!font.hasGlyphForCodePoint(char.codePointAt(0)!)) return false
    }
    return true
  }

  /** The grapheme without the ignorables the face lacks, if it has the rest. */
  private shownBy(face: FontFace, grapheme: string): string | undefined {
    const font = this.font(face)
    let shown = ''
    for (const char of grapheme) {
      if (font.hasGlyphForCodePoint(char.codePointAt(0)!)) shown += char
      else if (!IGNORABLE.test(char)) return undefined
    }
    return shown === '' ? undefined : shown
  }
}

let shared: FontBook | undefined

/** The process's font book, created on the first export. */
export function fontBook(): FontBook {
  shared ??= new FontBook()
  return shared
}
