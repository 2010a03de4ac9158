import { describe, expect, it } from 'vitest'
import {
  MAX_SAVED_THEME_NOTES,
  MAX_SAVED_THEMES,
  SaveThemesRequestSchema,
  THEME_TITLE_MAX_LENGTH,
} from './themesApi'

const parse = (body: unknown) => SaveThemesRequestSchema.safeParse(body)

describe('SaveThemesRequestSchema', () => {
  it('trims titles and keeps the order of themes and ids', () => {
    const parsed = parse({
      themes: [
        { title: '  Kinderbetreuung ', noteIds: ['shape:b', 'shape:a'] },
        { title: 'Sprache', noteIds: [] },
      ],
    })
    expect(parsed.success && parsed.data).toEqual({
      themes: [
        { title: 'Kinderbetreuung', noteIds: ['shape:b', 'shape:a'] },
        { title: 'Sprache', noteIds: [] },
      ],
    })
  })

  it('refuses a title that is blank or too long', () => {
    expect(parse({ themes: [{ title: '   ', noteIds: [] }] }).success).toBe(false)
    const long = 'ß'.repeat(THEME_TITLE_MAX_LENGTH + 1)
    expect(parse({ themes: [{ title: long, noteIds: [] }] }).success).toBe(false)
    const longest = 'ß'.repeat(THEME_TITLE_MAX_LENGTH)
    expect(parse({ themes: [{ title: longest, noteIds: [] }] }).success).toBe(true)
  })

  it('refuses more themes, or more note ids in all, than the limits', () => {
    const theme = { title: 'T', noteIds: [] }
    expect(parse({ themes: Array(MAX_SAVED_THEMES).fill(theme) }).success).toBe(true)
    expect(parse({ themes: Array(MAX_SAVED_THEMES + 1).fill(theme) }).success).toBe(false)
    const ids = (from: number, count: number) =>
      Array.from({ length: count }, (_, index) => `shape:n${from + index}`)
    const half = MAX_SAVED_THEME_NOTES / 2
    const atLimit = [
      { title: 'A', noteIds: ids(0, half) },
      { title: 'B', noteIds: ids(half, half) },
    ]
    expect(parse({ themes: atLimit }).success).toBe(true)
    const over = [...atLimit, { title: 'C', noteIds: ids(MAX_SAVED_THEME_NOTES, 1) }]
    expect(parse({ themes: over }).success).toBe(false)
  })

  it('refuses what is not a list of themes', () => {
    for (const body of [
      null,
      [],
      { themes: 'x' },
      { themes: [{ title: 'T' }] },
      { themes: [{ title: 1, noteIds: [] }] },
      { themes: [{ title: 'T', noteIds: [''] }] },
    ]) {
      expect(parse(body).success, JSON.stringify(body)).toBe(false)
    }
  })
})
