import { describe, expect, it } from 'vitest'
import type { TLRichText } from 'tldraw'
import { loadHyphenator, SOFT_HYPHEN } from '@tablecloth/shared'
import { hyphenateRichText } from './hyphenateRichText'

const doc = (...paragraphs: unknown[]) =>
  ({ type: 'doc', content: paragraphs }) as unknown as TLRichText
const bars = (richText: TLRichText) => JSON.stringify(richText).replaceAll(SOFT_HYPHEN, '|')

describe('hyphenateRichText', () => {
  it('hyphenates the long words of every text run, keeping marks and the rest', async () => {
    const de = await loadHyphenator('de')
    const richText = doc(
      { type: 'paragraph', content: [{ type: 'text', text: 'Mehr Kinderbetreuungsangebote' }] },
      {
        type: 'paragraph',
        content: [{ type: 'text', text: 'Sprachkurse', marks: [{ type: 'bold' }] }],
      },
      { type: 'paragraph' },
    )
    const shown = hyphenateRichText(richText, de, (word) => word.length > 12)
    expect(bars(shown)).toBe(
      bars(
        doc(
          {
            type: 'paragraph',
            content: [{ type: 'text', text: 'Mehr Kin|der|be|treu|ungs|an|ge|bote' }],
          },
          {
            type: 'paragraph',
            content: [{ type: 'text', text: 'Sprachkurse', marks: [{ type: 'bold' }] }],
          },
          { type: 'paragraph' },
        ),
      ),
    )
    // The stored text is never touched.
    expect(JSON.stringify(richText)).not.toContain(SOFT_HYPHEN)
  })

  it('hands back the same rich text when no word is too long', async () => {
    const de = await loadHyphenator('de')
    const richText = doc({ type: 'paragraph', content: [{ type: 'text', text: 'Kita fehlt' }] })
    expect(hyphenateRichText(richText, de, () => false)).toBe(richText)
  })
})
