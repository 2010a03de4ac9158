import { describe, expect, it } from 'vitest'
import { plainToRichText, richTextToPlain } from './richText'

describe('rich text', () => {
  it.each([
    'Was läuft gut?',
    'Zeile eins\nZeile zwei',
    '„Sprache“ – Ärger & Öl, Straße 👍',
    'التكامل في المجتمع',
  ])('round-trips %s', (text) => {
    expect(richTextToPlain(plainToRichText(text))).toBe(text)
  })

  it('turns hard breaks and list items into lines', () => {
    const doc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'a' },
            { type: 'hardBreak' },
            { type: 'text', text: 'b' },
          ],
        },
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [{ type: 'paragraph', content: [{ type: 'text', text: 'c' }] }],
            },
            {
              type: 'listItem',
              content: [{ type: 'paragraph', content: [{ type: 'text', text: 'd' }] }],
            },
          ],
        },
      ],
    }
    expect(richTextToPlain(doc)).toBe('a\nb\nc\nd')
  })

  it('reads nothing from anything that is not rich text', () => {
    expect(richTextToPlain(undefined)).toBe('')
    expect(richTextToPlain('plain')).toBe('')
  })
})
