import { describe, expect, it } from 'vitest'
import { safeFileName, stationFileStem, tableFolderName, zipFileName } from './fileNames'

describe('safeFileName', () => {
  it('keeps umlauts, typographic quotes, emoji and Arabic', () => {
    expect(safeFileName('Übergänge „gut“ 🎉', 'x')).toBe('Übergänge „gut“ 🎉')
    expect(safeFileName('مقهى اللغة', 'x')).toBe('مقهى اللغة')
  })

  it('never lets a name become a path', () => {
    expect(safeFileName('Wohnen/Leben\\Arbeit', 'x')).toBe('Wohnen-Leben-Arbeit')
    expect(safeFileName('../../etc/passwd', 'x')).toBe('etc-passwd')
    expect(safeFileName('..', 'Tisch')).toBe('Tisch')
  })

  it('replaces what Windows reserves and drops control and bidi characters', () => {
    expect(safeFileName('Frage: "Was?" <ja> | *nein*', 'x')).toBe('Frage- -Was- -ja- - -nein')
    expect(safeFileName('a\u0000b\u202ec\td\ne', 'x')).toBe('abc d e')
  })

  it('trims dots, spaces and dashes at both ends (Windows drops trailing dots silently)', () => {
    expect(safeFileName('  Sprache. ', 'x')).toBe('Sprache')
    expect(safeFileName(' ... ', 'Tisch')).toBe('Tisch')
  })

  it('composes decomposed umlauts, so the same topic gives the same name', () => {
    expect(safeFileName('Bu\u0308cher', 'x')).toBe('Bücher')
  })

  it('shortens long names without splitting an emoji', () => {
    expect(safeFileName('a'.repeat(100), 'x')).toHaveLength(60)
    const emoji = safeFileName('🏠'.repeat(10), 'x', 3)
    expect(Array.from(emoji)).toEqual(['🏠', '🏠', '🏠'])
  })
})

describe('names in the ZIP', () => {
  it('numbers table folders in the event’s order', () => {
    expect(tableFolderName(1, 'Sprache')).toBe('01-Sprache')
    expect(tableFolderName(11, 'Arbeit / Beruf')).toBe('11-Arbeit - Beruf')
  })

  it('names station images by number and title', () => {
    expect(stationFileStem(0, 'Station 1')).toBe('station-1-Station 1')
    expect(stationFileStem(2, 'Was nun?')).toBe('station-3-Was nun')
  })

  it('names the ZIP after the event', () => {
    expect(zipFileName('Regionalkonferenz „Pakt für Integration“')).toBe(
      'Regionalkonferenz „Pakt für Integration“-Tafelbilder.zip',
    )
    expect(zipFileName('///')).toBe('Tablecloth-Tafelbilder.zip')
  })
})
