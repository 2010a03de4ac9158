import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'
import { parse } from 'node-html-parser'
import { escapeMarkdownBlock, escapeMarkdownInline, escapeMarkdownLine } from './markdownText'

/** Renders Markdown as GitHub does (CommonMark plus GFM) and parses the HTML. */
function render(markdown: string) {
  return parse(micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()] }))
}

/** The text as a list item shows it: lines trimmed, blank ones gone. */
function shown(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n')
}

/** A rendered element's text; a hard break is `<br />` and a newline, read as one. */
function textOf(element: { text: string }): string {
  return element.text.replace(/\n+/g, '\n').trim()
}

const tricky = [
  '3. Frauen in ihrer aktuellen Situation „abholen“',
  '1) Einbindung',
  '- Deutschkurse',
  '+ mehr',
  '* Stern',
  '# Kein Titel',
  '> kein Zitat',
  '---',
  '===',
  '***',
  '___',
  '    eingerückt wie Code',
  '```js',
  '~~~',
  '~~durch~~ *kursiv* _auch_ **fett** `code`',
  '[Link](http://example.org) ![Bild](x.png) [^1]',
  '<b>fett</b> <script>alert(1)</script> <http://example.org>',
  '&ouml; &#228; &amp;',
  '| a | b |',
  '$x^2$ \\ Backslash am Ende \\',
  'Ende mit zwei Leerzeichen  ',
  '[ ] keine Aufgabe',
  'Titel #',
  'www.integration_bw.de/a_b und WWW.x.de',
  'https://example.org/a_b*c*~d~ und ftp://x.de',
  '<https://example.org/>',
  'info@example_org.de, mailto:x_y@z.de, @kollegin',
  'Zeit: 10:45, Ärzt:innen, 1:80',
  'مرحبا بكم 🗣️👩‍👧 — Fehlende KiTa-Plätze → „dringend“',
]

describe('escapeMarkdownLine', () => {
  it.each(tricky)('renders %j as the very text', (line) => {
    const root = render(`- ${escapeMarkdownLine(line)}\n`)
    const items = root.querySelectorAll('li')
    expect(items).toHaveLength(1)
    expect(textOf(items[0]!)).toBe(line.trim())
    expect(
      root.querySelectorAll('b, script, a, img, code, em, strong, del, h1, input').length,
    ).toBe(0)
  })

  it('leaves letters, umlauts, quotes, emoji and Arabic alone', () => {
    const line = 'مرحبا 🗣️ „Mädchen für alles“ (IM), z. B. Ärzt:innen'
    expect(escapeMarkdownLine(line)).toBe(line)
  })
})

describe('escapeMarkdownBlock', () => {
  it('keeps the lines of a note inside one list item, even nested', () => {
    const text = '3. Ziele\n\n- Sprache\n# Kultur\n   \n> Ehrenamt'
    const markdown = `- Cluster\n  - ${escapeMarkdownBlock(text, '    ')}\n  - zweite\n`
    const root = render(markdown)
    const nested = root.querySelectorAll('li li')
    expect(nested.map(textOf)).toEqual([shown(text), 'zweite'])
  })

  it('renders any text literally (property)', () => {
    const alphabet = fc.constantFrom(
      ...'ab Zä„“🙂م13 \t\n'.split(''),
      ...'!"#$%&\'()*+,-./:;<=>?[\\]^_`{|}~'.split(''),
    )
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (chars) => {
        const text = chars.join('')
        fc.pre(shown(text) !== '')
        const root = render(`- ${escapeMarkdownBlock(text, '  ')}\n- Ende\n`)
        const items = root.querySelectorAll('li')
        expect(items.map(textOf)).toEqual([shown(text), 'Ende'])
      }),
      { numRuns: 500 },
    )
  })
})

describe('escapeMarkdownInline', () => {
  it('makes one heading of several lines', () => {
    const root = render(`## ${escapeMarkdownInline('Station 1:\nWas läuft gut? #1 #')}\n`)
    expect(root.querySelector('h2')!.text).toBe('Station 1: Was läuft gut? #1 #')
  })
})
