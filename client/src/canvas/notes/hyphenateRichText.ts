import type { TLRichText } from 'tldraw'
import { hyphenateLongWords, type Hyphenate } from '@tablecloth/shared'

interface RichTextNode {
  type: string
  text?: string
  content?: RichTextNode[]
  [key: string]: unknown
}

/**
 * A copy of a note's rich text whose words too long for a line (`isLong`)
 * carry soft hyphens at their syllables, for drawing it; marks, links and
 * every other character stay as they are. Each text run is hyphenated on its
 * own, so a word split by a mark ("Kinder**betreuung**") counts as two.
 */
export function hyphenateRichText(
  richText: TLRichText,
  hyphenate: Hyphenate,
  isLong: (word: string) => boolean,
): TLRichText {
  const visit = (node: RichTextNode): RichTextNode => {
    if (node.type === 'text' && typeof node.text === 'string') {
      const text = hyphenateLongWords(node.text, hyphenate, isLong)
      return text === node.text ? node : { ...node, text }
    }
    if (!node.content) return node
    const content = node.content.map(visit)
    return content.every((child, i) => child === node.content![i]) ? node : { ...node, content }
  }
  return visit(richText as unknown as RichTextNode) as unknown as TLRichText
}
