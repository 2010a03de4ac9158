/**
 * Plain text inside HTML. Note text comes from anyone at the table, so every
 * character that could open a tag, an entity or leave an attribute value is
 * replaced by its character reference.
 */

const REFERENCES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Text safe in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => REFERENCES[char]!)
}
