/**
 * Copies a text to the clipboard. Without a secure context (a plain-http
 * server in a venue's own network) browsers offer no clipboard API; copying
 * the selected text of `field` still works in most of them. Returns whether
 * the text was copied; when not, it is left selected for Ctrl+C.
 */
export async function copyText(text: string, field: HTMLInputElement | null): Promise<boolean> {
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text)
      return true
    } catch (error) {
      console.warn('The clipboard refused the text; copying the selection instead', error)
    }
  }
  if (!field) return false
  field.focus()
  field.select()
  return document.execCommand('copy')
}
