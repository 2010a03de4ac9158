import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parse } from 'node-html-parser'
import { escapeHtml } from './htmlText'

describe('escapeHtml', () => {
  it('replaces the characters that open markup or close an attribute', () => {
    expect(escapeHtml(`<b title="x" data-y='z'>Ärzt & Co</b>`)).toBe(
      '&lt;b title=&quot;x&quot; data-y=&#39;z&#39;&gt;Ärzt &amp; Co&lt;/b&gt;',
    )
  })

  it('round-trips any text through an HTML parser, in content and attributes (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        const root = parse(`<p title="${escapeHtml(text)}">${escapeHtml(text)}</p>`)
        const p = root.querySelector('p')!
        expect(p.childNodes.every((node) => node.nodeType === 3)).toBe(true)
        expect(p.text).toBe(text)
        expect(p.getAttribute('title')).toBe(text)
      }),
    )
  })
})
