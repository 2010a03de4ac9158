/**
 * Hands a file made in the page to the browser's downloads, as a link with
 * `download` would: through an object URL that is revoked once the browser
 * has had time to take the blob.
 */
export function saveFile(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob)
  const link = doc.createElement('a')
  link.href = url
  link.download = fileName
  link.hidden = true
  doc.body.append(link)
  try {
    link.click()
  } finally {
    link.remove()
    // The click has started the download; some browsers read the URL only after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 60_000)
  }
}
