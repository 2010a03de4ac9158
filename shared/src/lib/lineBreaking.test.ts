import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { SOFT_HYPHEN } from './hyphenation'
import { breakLines, fitsLine, lineSegments, SHOWN_HYPHEN, widestSegment } from './lineBreaking'

/** A monospaced fake: every character 10 px, the shown hyphen 5 px. */
const mono = (text: string) =>
  [...text].reduce((w, char) => w + (char === SHOWN_HYPHEN ? 5 : 10), 0)
const shown = (lines: ReturnType<typeof breakLines>) =>
  lines.map((l) => l.text + (l.hyphen ? '-' : ''))
const segments = (text: string) => lineSegments(text).map((s) => s.text + (s.hyphen ? '|' : ''))

describe('lineSegments', () => {
  it('breaks after spaces, dashes and soft hyphens, as Chromium does', () => {
    expect(segments('Eltern-Lehrer-Gespräche mit Dolmetschern')).toEqual([
      'Eltern-',
      'Lehrer-',
      'Gespräche ',
      'mit ',
      'Dolmetschern',
    ])
    expect(segments(`Kin${SOFT_HYPHEN}der${SOFT_HYPHEN}gar${SOFT_HYPHEN}ten`)).toEqual([
      'Kin|',
      'der|',
      'gar|',
      'ten',
    ])
    expect(segments('5-6 -los a—b')).toEqual(['5-', '6 ', '-', 'los ', 'a', '—', 'b'])
    expect(segments('Quartiers-/Stadtentwicklung')).toEqual(['Quartiers-/Stadtentwicklung'])
    expect(segments('Geflüchteter/„Fremder“ ->')).toEqual(['Geflüchteter/', '„Fremder“ ', '-', '>'])
  })

  it('keeps slashes, quotes, numbers and punctuation with their word', () => {
    expect(segments('und/oder „Sprachcafé“, z.B. 3,5 10% Ja!Nein')).toEqual([
      'und/oder ',
      '„Sprachcafé“, ',
      'z.B. ',
      '3,5 ',
      '10% ',
      'Ja!Nein',
    ])
  })

  it('breaks around emoji, never inside one', () => {
    expect(segments('super👍🏽 ok a🇩🇪b')).toEqual(['super', '👍🏽 ', 'ok ', 'a', '🇩🇪', 'b'])
  })

  it('offers no break at a soft hyphen beside a hyphen or a space', () => {
    expect(segments(`der-${SOFT_HYPHEN}Kita a${SOFT_HYPHEN}-b ${SOFT_HYPHEN}ab`)).toEqual([
      'der-',
      'Kita ',
      'a-',
      'b ',
      'ab',
    ])
  })

  it('gives the paragraph back, soft hyphens aside', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'ä', ' ', '-', '/', SOFT_HYPHEN, '👍', '?', 'x') }),
        (text) => {
          expect(
            lineSegments(text)
              .map((s) => s.text)
              .join(''),
          ).toBe(text.replaceAll(SOFT_HYPHEN, ''))
        },
      ),
    )
  })
})

describe('breakLines', () => {
  it('fills each line with whole words, trailing spaces hanging', () => {
    expect(shown(breakLines('Mehr Bänke im Park', 90, mono))).toEqual([
      'Mehr ',
      'Bänke im ',
      'Park',
    ])
    expect(shown(breakLines('Mehr Bänke im Park', 100, mono))).toEqual(['Mehr Bänke ', 'im Park'])
    expect(shown(breakLines('aaaaa bbbb', 100, mono))).toEqual(['aaaaa bbbb'])
  })

  it('breaks a long word at a soft hyphen with room for the hyphen', () => {
    const word = `Kin${SOFT_HYPHEN}der${SOFT_HYPHEN}gar${SOFT_HYPHEN}ten`
    expect(shown(breakLines(word, 65, mono))).toEqual(['Kinder-', 'garten'])
    // "Kinder" fits in 60 px, but not with its hyphen.
    expect(shown(breakLines(word, 60, mono))).toEqual(['Kin-', 'der-', 'garten'])
  })

  it('breaks a word with no place to break between its letters', () => {
    expect(shown(breakLines('Die Donaudampfschiff', 80, mono))).toEqual([
      'Die ',
      'Donaudam',
      'pfschiff',
    ])
  })

  it('makes an empty paragraph one empty line', () => {
    expect(breakLines('', 100, mono)).toEqual([{ text: '', hyphen: false }])
  })

  it('never makes a line wider than allowed unless one character is', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', ' ', '-', SOFT_HYPHEN) }),
        fc.integer({ min: 10, max: 200 }),
        (text, max) => {
          const lines = breakLines(text, max, mono)
          for (const line of lines) {
            const width = mono(line.text.trimEnd()) + (line.hyphen ? 5 : 0)
            expect(width <= max || [...line.text.trimEnd()].length === 1).toBe(true)
          }
          expect(lines.map((l) => l.text).join('')).toBe(text.replaceAll(SOFT_HYPHEN, ''))
        },
      ),
    )
  })
})

describe('fitsLine', () => {
  it('lets a run pass the line by less than Chromium’s layout unit', () => {
    expect(fitsLine(167.008, 167)).toBe(true)
    expect(fitsLine(167.02, 167)).toBe(false)
  })
})

describe('widestSegment', () => {
  it('measures the widest stretch no line can break', () => {
    expect(widestSegment('ab Kinder-Garten', mono)).toBe(70)
  })
})
