import type { KeyPress } from '../capture/captureKeys'

/**
 * The recap's keys, as plain decisions on a key event (see `captureKeys`).
 *
 * Alt+R opens and closes it from anywhere on the board page, the capture
 * field included: the moderator's hands are on the keyboard when a group
 * sits down. Plain letters type, F2 edits a note, Alt+1 … Alt+6 pick a
 * column, Ctrl+G groups: Alt with a letter is the one free family, and R
 * ("Rückblick", "recap") is taken by no browser. Matched by physical key,
 * since macOS reports Option+R as „®“. Alt with Ctrl is AltGr on Windows
 * and types characters, so it is left alone.
 */
export function isRecapToggle(press: KeyPress): boolean {
  if (press.isComposing || !press.altKey || press.ctrlKey || press.metaKey || press.shiftKey) {
    return false
  }
  return press.code === 'KeyR'
}

/** What a key inside the open recap asks for. */
export type RecapIntent = { kind: 'close' } | { kind: 'page'; delta: 1 | -1 }

/**
 * Keys in the open recap. Esc closes; ← and → go to the earlier and the
 * later station (the recap opens on the latest, so ← goes back in time).
 * ↑ ↓, Page Up/Down, Home and End are left to the browser: they scroll.
 */
export function recapIntent(press: KeyPress): RecapIntent | null {
  if (press.isComposing || press.ctrlKey || press.metaKey || press.altKey) return null
  switch (press.key) {
    case 'Escape':
      return { kind: 'close' }
    case 'ArrowLeft':
      return press.shiftKey ? null : { kind: 'page', delta: 1 }
    case 'ArrowRight':
      return press.shiftKey ? null : { kind: 'page', delta: -1 }
  }
  return null
}
