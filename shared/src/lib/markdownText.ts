/**
 * Plain text inside Markdown. Notes are typed by anyone at the table, so a
 * note reading "3. Ziele", "*wichtig*" or "<b>" must come out of a Markdown
 * renderer exactly as typed, not as a list, emphasis or HTML. Holds for
 * CommonMark and GitHub Flavored Markdown.
 */

/**
 * Characters that start inline syntax anywhere in a line: escapes, code,
 * emphasis, links and images, raw HTML and autolinks, character references,
 * GFM tables, strikethrough and math, ATX heading closers, and `@` of
 * e-mail autolinks and mentions.
 */
const INLINE_SPECIALS = /[\\`*_[\]<>&|~$#@]/g

/**
 * Escapes one line so it renders as literal text. Leading and trailing
 * whitespace is dropped: leading spaces would make an indented code block or
 * a nested list, trailing ones a hard line break.
 */
export function escapeMarkdownLine(line: string): string {
  return (
    line
      .trim()
      .replace(INLINE_SPECIALS, '\\$&')
      // GFM links bare URLs (`www.`, `https://`, `mailto:`) and takes the
      // backslashes of our escapes into the link. Escaping the `.` or `:`
      // keeps a URL plain text; `@` of e-mail addresses is escaped above.
      .replace(/\b(www)\./gi, '$1\\.')
      .replace(/\b(https?|ftp|mailto|xmpp):/gi, '$1\\:')
      // List bullets, setext underlines and thematic breaks start a line.
      .replace(/^[-+=]/, '\\$&')
      // "3. Frauen" or "3) Frauen" would start an ordered list.
      .replace(/^(\d{1,9})([.)])/, '$1\\$2')
  )
}

/** Escapes text for a one-line place such as a heading: line breaks become spaces. */
export function escapeMarkdownInline(text: string): string {
  return escapeMarkdownLine(text.replace(/\s*[\r\n]+\s*/g, ' '))
}

/**
 * Escapes text of one or more lines for a list item, joined by hard line
 * breaks; `indent` is the item's content indentation for the lines after the
 * first. Blank lines are dropped, as they would split the item.
 */
export function escapeMarkdownBlock(text: string, indent: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map(escapeMarkdownLine)
    .filter((line) => line !== '')
    .join(`\\\n${indent}`)
}
