import type { NoteStep } from '@tablecloth/shared'

/**
 * The capture keys, as plain decisions on a key event, so what each key does
 * is written down in one place and testable without a browser.
 */

/** The parts of a keyboard event the decisions read. */
export interface KeyPress {
  key: string
  code: string
  shiftKey: boolean
  altKey: boolean
  ctrlKey: boolean
  metaKey: boolean
  /** An input method is still composing a character; its Enter is not ours. */
  isComposing: boolean
}

/** What a key in the capture field asks for. */
export type FieldIntent =
  | { kind: 'pin' }
  | { kind: 'column'; index: number }
  | { kind: 'cycle'; delta: 1 | -1 }
  | { kind: 'leave' }

/** Most columns a station can have (the event schema allows six questions). */
const MAX_COLUMNS = 6

/**
 * Keys in the capture field. Enter pins the note (Shift+Enter is a new line),
 * Tab and Shift+Tab cycle the columns, Alt+1 … Alt+6 pick one, Escape hands
 * the keyboard to the board. Plain digits stay text: notes often start with
 * one. Alt with Ctrl is AltGr on Windows, which types characters such as `{`
 * on a German keyboard, so it is left alone too. Everything else types.
 */
export function fieldIntent(press: KeyPress): FieldIntent | null {
  if (press.isComposing) return null
  const command = press.ctrlKey || press.metaKey
  switch (press.key) {
    case 'Enter':
      return press.shiftKey || press.altKey ? null : { kind: 'pin' }
    case 'Tab':
      return command || press.altKey ? null : { kind: 'cycle', delta: press.shiftKey ? -1 : 1 }
    case 'Escape':
      return { kind: 'leave' }
  }
  if (press.altKey && !command && !press.shiftKey) {
    // By physical key: with Alt, macOS reports a special character as `key`.
    const digit = /^Digit([1-9])$/.exec(press.code)?.[1]
    const index = Number(digit) - 1
    if (digit && index < MAX_COLUMNS) return { kind: 'column', index }
  }
  return null
}

/** What a key on the board canvas asks for, when the board (not a text) has the focus. */
export type BoardIntent =
  | { kind: 'step'; step: NoteStep }
  | { kind: 'edit' }
  | { kind: 'vote' }
  | { kind: 'write' }
  | { kind: 'group' }
  | { kind: 'ungroup' }

const STEPS: Record<string, NoteStep> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
}

/**
 * Keys on the board. Plain arrows walk the notes; Shift+arrows stay tldraw's
 * nudge and Ctrl/Cmd+arrows its own shape walk, so nothing is lost. F2 edits
 * the selected note (Enter does too, as tldraw's own key), `+` gives it a
 * dot, and Enter with nothing selected returns to the capture field. `+` is
 * Shift+= on some layouts, so Shift is allowed there. Ctrl/Cmd+G groups the
 * selected notes under a heading and Ctrl/Cmd+Shift+G takes them out again,
 * as "group" does in most programs (tldraw's own grouping stays for
 * selections that are not only notes).
 */
export function boardIntent(press: KeyPress): BoardIntent | null {
  if (press.isComposing) return null
  if ((press.ctrlKey || press.metaKey) && !press.altKey && isKeyG(press)) {
    return { kind: press.shiftKey ? 'ungroup' : 'group' }
  }
  if (press.ctrlKey || press.metaKey || press.altKey) return null
  const step = STEPS[press.key]
  if (step) return press.shiftKey ? null : { kind: 'step', step }
  if (press.key === '+') return { kind: 'vote' }
  if (press.shiftKey) return null
  if (press.key === 'F2') return { kind: 'edit' }
  if (press.key === 'Enter') return { kind: 'write' }
  return null
}

/** G by character or, where a layout types something else there, by physical key. */
function isKeyG(press: KeyPress): boolean {
  return press.key.toLowerCase() === 'g' || press.code === 'KeyG'
}
