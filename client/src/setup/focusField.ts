/**
 * Moves keyboard focus to an element of the setup page by id and brings it
 * into view; false when the element is not (or no longer) there.
 */
export function focusById(id: string): boolean {
  const element = document.getElementById(id)
  if (!element) return false
  element.focus({ preventScroll: true })
  // Centred, so the label above an input and the messages below it are visible too.
  element.scrollIntoView?.({ block: 'center' })
  return true
}

/** Focuses the first of several elements that exists and is enabled. */
export function focusFirst(ids: readonly string[]): void {
  for (const id of ids) {
    const element = document.getElementById(id)
    if (element && !(element as HTMLButtonElement).disabled && focusById(id)) return
  }
}

/**
 * Focuses an element once React has rendered the answer to something
 * asynchronous (a server reply), when the element may not exist yet.
 */
export function focusAfterRender(id: string): void {
  requestAnimationFrame(() => focusById(id))
}
