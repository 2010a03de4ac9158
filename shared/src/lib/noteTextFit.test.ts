import { describe, expect, it } from 'vitest'
import { loadHyphenator, SOFT_HYPHEN } from './hyphenation'
import {
  chooseNoteTextFit,
  hyphenateLongWords,
  measureNoteText,
  NOTE_FULL_FONT_SIZE,
  NOTE_TEXT_FLOOR,
  NOTE_TEXT_WIDTH,
  noteLineHeight,
  noteTextFit,
} from './noteTextFit'
import { SHOWN_HYPHEN } from './lineBreaking'

/** A fake font: every letter half as wide as the font size, the hyphen a quarter. */
const widthAt = (fontSize: number) => (text: string) =>
  [...text].reduce((w, char) => w + (char === SHOWN_HYPHEN ? fontSize / 4 : fontSize / 2), 0)
const bars = (text: string) => text.replaceAll(SOFT_HYPHEN, '|')

describe('chooseNoteTextFit', () => {
  it('keeps tldraw’s full size while every word fits', () => {
    expect(chooseNoteTextFit({ wordsFit: () => true, height: () => 86 })).toEqual({
      fontSizeAdjustment: 1,
      growY: 0,
    })
  })

  it('shrinks a pixel at a time, down to the floor and no further', () => {
    const tried: number[] = []
    const fit = chooseNoteTextFit({
      wordsFit: (size) => (tried.push(size), false),
      height: () => 5 * noteLineHeight(NOTE_TEXT_FLOOR),
    })
    expect(tried).toEqual([32, 31, 30, 29, 28, 27, 26])
    expect(fit).toEqual({ fontSizeAdjustment: NOTE_TEXT_FLOOR / NOTE_FULL_FONT_SIZE, growY: 2 })
  })
})

describe('noteTextFit', () => {
  it('grows the note by what its lines need beyond the square and the padding', () => {
    expect(noteTextFit(25, 4 * 34)).toEqual({ fontSizeAdjustment: 25 / 32, growY: 0 })
    expect(noteTextFit(25, 6 * 34)).toEqual({ fontSizeAdjustment: 25 / 32, growY: 36 })
    expect(noteTextFit(32, 4 * 43)).toEqual({ fontSizeAdjustment: 1, growY: 4 })
  })
})

describe('hyphenateLongWords', () => {
  it('hyphenates only the words too long for a line, keeping everything else exactly', async () => {
    const de = await loadHyphenator('de')
    const text = 'Mehr Kinderbetreuungsangebote, „bitte“!\nEltern-Lehrer-Gesprächskreise'
    const result = hyphenateLongWords(text, de, (word) => word.length > 12)
    expect(bars(result)).toBe(
      'Mehr Kin|der|be|treu|ungs|an|ge|bote, „bitte“!\nEltern-Lehrer-Gesprächs|kreise',
    )
    expect(result.replaceAll(SOFT_HYPHEN, '')).toBe(text)
  })
})

describe('measureNoteText', () => {
  it('sizes a short note at full size without growing it', () => {
    expect(measureNoteText('Kita fehlt', widthAt, null)).toEqual({
      fontSizeAdjustment: 1,
      growY: 0,
    })
  })

  it('shrinks the text until its longest word fits', () => {
    // 12 letters: 12 × 14 = 168 px at 28, 12 × 13.5 = 162 at 27.
    expect(measureNoteText('Anerkennungx', widthAt, null).fontSizeAdjustment).toBe(27 / 32)
  })

  it('hyphenates a word longer than a line at the floor and grows the note for its lines', async () => {
    const de = await loadHyphenator('de')
    const text = 'Kinderbetreuungsangebote und Qualifizierungsmaßnahmen für Alleinerziehende'
    const fit = measureNoteText(text, widthAt, de)
    expect(fit.fontSizeAdjustment).toBe(NOTE_TEXT_FLOOR / NOTE_FULL_FONT_SIZE)
    // 12.5 px a letter and a 167 px line: "Kinderbetreu-" (13 letters) cannot fit, "Kinderbe-" can.
    const lines = Math.round((fit.growY + 200 - 32) / noteLineHeight(25))
    expect(lines).toBeGreaterThanOrEqual(7)
    expect(NOTE_TEXT_WIDTH).toBe(167)
  })

  it('keeps the size of a note broken between letters, and its lines at least as many', async () => {
    const de = await loadHyphenator('de')
    for (const text of [
      'Donaudampfschifffahrtsgesellschaft',
      'Arbeitsmarktintegration von Geflüchteten',
    ]) {
      const hyphenated = measureNoteText(text, widthAt, de)
      const broken = measureNoteText(text, widthAt, null)
      expect(hyphenated.fontSizeAdjustment).toBe(broken.fontSizeAdjustment)
      expect(hyphenated.growY).toBeGreaterThanOrEqual(broken.growY)
    }
  })
})
