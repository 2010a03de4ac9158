/// <reference path="../results/vendorTypes.d.ts" />
/// <reference path="./fontkitMetrics.d.ts" />
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { create as openFont, type Font } from 'fontkit'
import {
  graphemesOf,
  hyphenatorOf,
  layoutNoteText,
  noteLanguage,
  type Hyphenate,
  type HyphenationLanguage,
  type NoteTextFit,
  type NoteTextLayout,
} from '@tablecloth/shared'

/**
 * Sizes notes on the server as the moderator's board sizes them in the
 * browser (see `measureNoteText` in shared): with tldraw's own font file for
 * its sans font, `IBMPlexSans-Medium.woff2` from `@tldraw/assets` (the file
 * the board loads as `tldraw_sans`), and the same hyphenation patterns. So a
 * phone note or a restored one is written with the text size and height
 * the board would give it, whether or not a board is open.
 *
 * fontkit shapes a run as Chromium's HarfBuzz does; the advance widths agree
 * to a hundredth of a pixel. Characters tldraw's font lacks (Arabic, emoji)
 * are drawn by whatever fallback font a device has, which the server cannot
 * know: it counts them wider than the Noto fonts it carries, so its note is
 * never smaller than a board needs.
 */
export class NoteSizer {
  private readonly widths = new Map<string, number>()

  constructor(
    /** tldraw's sans font. */
    private readonly font: Font,
    /** Fonts for what it lacks, first match wins. */
    private readonly fallbacks: readonly Font[],
    private readonly hyphenators: Record<HyphenationLanguage, Hyphenate>,
  ) {}

  /** Reads tldraw's sans font, the fallback fonts and both languages' patterns from disk. */
  static load(): NoteSizer {
    const fonts = (pkg: string, ...file: string[]) =>
      openFont(
        readFileSync(path.join(path.dirname(require.resolve(`${pkg}/package.json`)), ...file)),
      )
    return new NoteSizer(
      fonts('@tldraw/assets', 'fonts', 'IBMPlexSans-Medium.woff2'),
      [
        fonts('@fontsource/noto-sans-arabic', 'files', 'noto-sans-arabic-arabic-500-normal.woff2'),
        fonts('@fontsource/noto-sans', 'files', 'noto-sans-latin-ext-500-normal.woff2'),
      ],
      {
        de: remembered(hyphenatorOf(require('hyphen/de'))),
        en: remembered(hyphenatorOf(require('hyphen/en-us'))),
      },
    )
  }

  /**
   * The text size and growth of a note holding `text` (paragraphs separated
   * by `\n`), hyphenated in its own language or else the event's.
   */
  fit(text: string, eventLanguage: HyphenationLanguage): NoteTextFit {
    return this.layout(text, eventLanguage).fit
  }

  /** The fit with the size chosen and the lines the text takes at it, as a board draws them. */
  layout(text: string, eventLanguage: HyphenationLanguage): NoteTextLayout {
    const hyphenate = this.hyphenators[noteLanguage(text, eventLanguage)]
    return layoutNoteText(text, (fontSize) => (run) => this.unitWidth(run) * fontSize, hyphenate)
  }

  /** A run's width at a font size of 1 px. */
  private unitWidth(run: string): number {
    let width = this.widths.get(run)
    if (width === undefined) {
      width = this.measure(run)
      // Note texts are short and repeat across font sizes; the cache stays small.
      if (this.widths.size > MAX_CACHED_RUNS) this.widths.clear()
      this.widths.set(run, width)
    }
    return width
  }

  private measure(run: string): number {
    let width = 0
    let drawn = ''
    for (const grapheme of graphemesOf(run)) {
      if (this.draws(this.font, grapheme)) {
        drawn += grapheme
        continue
      }
      width += this.advance(this.font, drawn) + this.fallbackWidth(grapheme)
      drawn = ''
    }
    return width + this.advance(this.font, drawn)
  }

  private advance(font: Font, text: string): number {
    return text === '' ? 0 : font.layout(text).advanceWidth / font.unitsPerEm
  }

  private draws(font: Font, grapheme: string): boolean {
    for (const char of grapheme) {
      if (!font.hasGlyphForCodePoint(char.codePointAt(0)!) && !IGNORABLE.test(char)) return false
    }
    return true
  }

  /** A character tldraw's font lacks, as wide as a device's fallback font may draw it. */
  private fallbackWidth(grapheme: string): number {
    if (EMOJI.test(grapheme)) return EMOJI_WIDTH
    const fallback = this.fallbacks.find((font) => this.draws(font, grapheme))
    return fallback ? this.advance(fallback, grapheme) * FALLBACK_SLACK : 1
  }
}

const require = createRequire(import.meta.url)

/** A hyphenator that hyphenates each word once: the same long words come back in note after note. */
function remembered(hyphenate: Hyphenate): Hyphenate {
  const words = new Map<string, string>()
  return (word) => {
    let hyphenated = words.get(word)
    if (hyphenated === undefined) {
      hyphenated = hyphenate(word)
      if (words.size > MAX_CACHED_RUNS) words.clear()
      words.set(word, hyphenated)
    }
    return hyphenated
  }
}

/** Emoji are drawn by colour fonts about 1.2–1.3 em wide (Noto, Apple, Segoe). */
const EMOJI_WIDTH = 1.35
/** How much wider than the Noto fonts another device's fallback font may be. */
const FALLBACK_SLACK = 1.2
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u
/** Joiners and variation selectors take no room of their own. */
const IGNORABLE = /[\u00ad\u200b-\u200f\u2060\ufe00-\ufe0f\u{e0020}-\u{e007f}]/u
const MAX_CACHED_RUNS = 20_000

let shared: NoteSizer | undefined

/** The process's note sizer, loaded on the first note it sizes (about 0.1 s). */
export function noteSizer(): NoteSizer {
  shared ??= NoteSizer.load()
  return shared
}
