/**
 * What each drawn glyph stands for in the PDF's text layer, so that copying,
 * searching and reading aloud give the text as typed.
 *
 * A PDF maps every glyph of an embedded font to the characters it shows (the
 * font's ToUnicode CMap), one mapping per glyph number. pdfkit 0.20 fills
 * that map with the code points of each glyph's first use, and fontkit 2
 * reports those wrongly for shaped text:
 * - fontkit keeps one glyph object per glyph id, with the code points of the
 *   run that first asked for it. Noto Sans Arabic draws the medial teh and
 *   yeh with one dotless body, so after "ت" every later "ي" read as "ت"
 *   ("مترجمين" came back as "مترجمتن").
 * - The dots fontkit splits off a letter (a multiple substitution) have no
 *   code points; pdfkit wrote an empty mapping, and readers fall back to the
 *   glyph's number as a character (a title came back as "مق\u0003هى").
 *
 * So {@link ownCodePoints} makes every laid-out glyph carry the code points
 * of its own use, and {@link exactGlyphText} replaces the encoding of one
 * embedded font: each glyph number stands for exactly one text (a glyph
 * used for other characters than before is embedded once more under a new
 * number), a ligature for all the characters it joins ("ffi", an emoji ZWJ
 * sequence), and the split-off dots, which stand for no character, are not
 * text at all but drawn as outlines in the same place and colour.
 */

/** The parts of a fontkit glyph the encoding reads. */
interface LaidGlyph {
  id: number
  codePoints: number[]
  advanceWidth: number
  path: { toSVG(): string }
}

/** A glyph's place in a run as pdfkit scales it: thousandths of the font size. */
interface GlyphPosition {
  xAdvance: number
  yAdvance: number
  xOffset: number
  yOffset: number
  advanceWidth: number
}

interface LaidRun {
  glyphs: LaidGlyph[]
  positions: unknown[]
  direction?: 'ltr' | 'rtl'
}

/** pdfkit's EmbeddedFont, as far as this module reaches into it (pdfkit 0.20). */
export interface EmbeddedFontInternals {
  subset: { glyphs: number[]; includeGlyph(id: number): number }
  unicode: number[][]
  widths: number[]
  scale: number
  layout(text: string, features?: unknown): LaidRun
  layoutRun(text: string, features?: unknown): LaidRun
  encode(text: string, features?: unknown): [string[], unknown[]]
}

const patched = new WeakSet<object>()

/** The part of a fontkit font that hands out glyphs. */
interface GlyphSource {
  getGlyph(id: number, codePoints?: number[]): LaidGlyph | null
}

/**
 * Makes the glyphs a fontkit font lays out carry their own code points.
 * fontkit keeps one glyph object per glyph id and gives it the code points
 * of its first use, so every later run reports those for it: the second
 * medial yeh of a text said it was the teh that first used the shared body.
 * Each glyph handed out for a run is a view of the kept one (its outline
 * and metrics stay shared) with the code points of this use. Idempotent.
 */
export function ownCodePoints(font: object): void {
  if (patched.has(font)) return
  patched.add(font)
  const source = font as GlyphSource
  const kept = source.getGlyph.bind(source)
  source.getGlyph = (id, codePoints) => {
    const glyph = kept(id, codePoints)
    if (glyph === null || codePoints === undefined || glyph.codePoints === codePoints) return glyph
    return Object.create(glyph, { codePoints: { value: codePoints, enumerable: true } })
  }
}

/** The font pdfkit draws with now: the one the last `doc.font(name)` chose. */
export function embeddedFont(doc: object): EmbeddedFontInternals {
  const font = (doc as { _font?: EmbeddedFontInternals })._font
  if (!font?.subset || !font.unicode) throw new Error('pdfkit has no embedded font selected')
  return font
}

/** A glyph drawn as an outline rather than as text: its shape and where it goes. */
export interface ShapeGlyph {
  /** SVG path data in font units, y pointing up. */
  path: string
  /** From the run's origin on its baseline, in thousandths of the font size, y up. */
  x: number
  y: number
}

const shapes = new WeakMap<object, ShapeGlyph[]>()
/**
 * Makes `font` (pdfkit's embedded font, `doc._font` after `doc.font(name)`)
 * map every glyph it draws to the characters that glyph stands for in the
 * run. Glyphs that stand for no character (dots fontkit splits off an
 * Arabic letter) are left out of the text: {@link takeShapes} hands them
 * over to be drawn as outlines, so no reader finds a character in them or
 * breaks a line at their raised or lowered position. Idempotent.
 */
export function exactGlyphText(font: EmbeddedFontInternals): void {
  if (patched.has(font)) return
  patched.add(font)
  /** Subset glyph numbers by font glyph id and meaning. */
  const numbers = new Map<string, number>()
  const numberOf = (glyph: LaidGlyph, rtl: boolean): string => {
    const reading = [...glyph.codePoints]
    // Readers turn a right-to-left glyph's characters around with the line.
    const meaning = rtl ? reading.reverse() : reading
    const key = `${glyph.id}:${meaning.join(',')}`
    let number = numbers.get(key)
    if (number === undefined) {
      number = subsetNumber(font, glyph.id)
      numbers.set(key, number)
      font.unicode[number] = meaning
      font.widths[number] = glyph.advanceWidth * font.scale
    }
    return number.toString(16).padStart(4, '0')
  }
  font.encode = function encode(text, features) {
    const run = features ? font.layoutRun(text, features) : font.layout(text)
    const encoded: string[] = []
    const positions: GlyphPosition[] = []
    const outlines: ShapeGlyph[] = []
    let pen = 0
    run.glyphs.forEach((glyph, index) => {
      const position = run.positions[index] as GlyphPosition
      const previous = positions[positions.length - 1]
      if (glyph.codePoints.length > 0 || (previous === undefined && position.xAdvance !== 0)) {
        encoded.push(numberOf(glyph, run.direction === 'rtl'))
        positions.push(position)
      } else {
        outlines.push({
          path: glyph.path.toSVG(),
          x: pen + position.xOffset,
          y: position.yOffset,
        })
        // The pen moves on as the glyph would have moved it.
        if (previous && position.xAdvance !== 0) {
          positions[positions.length - 1] = {
            ...previous,
            xAdvance: previous.xAdvance + position.xAdvance,
          }
        }
      }
      pen += position.xAdvance
    })
    shapes.set(font, outlines)
    return [encoded, positions]
  }
}

/** The glyphs the font's last encoded run left to be drawn as outlines. */
export function takeShapes(font: EmbeddedFontInternals): ShapeGlyph[] {
  const taken = shapes.get(font) ?? []
  shapes.delete(font)
  return taken
}

/**
 * A subset number for the glyph: its first inclusion, or a further copy of
 * it when the first already stands for other characters (fontkit's subset
 * writes each entry of its glyph list, duplicates included).
 */
function subsetNumber(font: EmbeddedFontInternals, id: number): number {
  const first = font.subset.includeGlyph(id)
  if (font.unicode[first] === undefined) return first
  font.subset.glyphs.push(id)
  return font.subset.glyphs.length - 1
}
