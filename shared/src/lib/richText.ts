/**
 * tldraw stores note text as rich text: a ProseMirror/TipTap JSON document.
 * Results, exports and the control room need the plain text, with line breaks
 * where the moderator made them. This reads the JSON without tldraw itself.
 */
export interface RichTextNode {
  type: string
  text?: string
  content?: RichTextNode[]
}

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'listItem', 'blockquote', 'codeBlock'])

/** Plain text of a rich-text document: blocks become lines, hard breaks become newlines. */
export function richTextToPlain(richText: unknown): string {
  const lines: string[] = []
  let line = ''
  const walk = (node: RichTextNode): void => {
    if (node.type === 'text') {
      line += node.text ?? ''
      return
    }
    if (node.type === 'hardBreak') {
      line += '\n'
      return
    }
    const isBlock = BLOCK_TYPES.has(node.type)
    node.content?.forEach((child) => {
      if (isRichTextNode(child)) walk(child)
    })
    if (isBlock && node.type !== 'listItem') {
      lines.push(line)
      line = ''
    }
  }
  if (isRichTextNode(richText)) walk(richText)
  if (line) lines.push(line)
  return lines.join('\n').trim()
}

/** The rich-text document tldraw expects for a plain string, one paragraph per line. */
export function plainToRichText(text: string): RichTextNode {
  return {
    type: 'doc',
    content: text
      .split('\n')
      .map((line) =>
        line === ''
          ? { type: 'paragraph' }
          : { type: 'paragraph', content: [{ type: 'text', text: line }] },
      ),
  }
}

function isRichTextNode(value: unknown): value is RichTextNode {
  return (
    typeof value === 'object' && value !== null && typeof (value as RichTextNode).type === 'string'
  )
}
