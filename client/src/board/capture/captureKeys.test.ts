import { describe, expect, it } from 'vitest'
import { boardIntent, fieldIntent, type KeyPress } from './captureKeys'

const press = (key: string, more: Partial<KeyPress> = {}): KeyPress => ({
  key,
  code: '',
  shiftKey: false,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  isComposing: false,
  ...more,
})

describe('keys in the capture field', () => {
  it('pins on Enter and leaves Shift+Enter a new line', () => {
    expect(fieldIntent(press('Enter'))).toEqual({ kind: 'pin' })
    expect(fieldIntent(press('Enter', { ctrlKey: true }))).toEqual({ kind: 'pin' })
    expect(fieldIntent(press('Enter', { shiftKey: true }))).toBeNull()
    expect(fieldIntent(press('Enter', { isComposing: true }))).toBeNull()
  })

  it('cycles columns with Tab and Shift+Tab', () => {
    expect(fieldIntent(press('Tab'))).toEqual({ kind: 'cycle', delta: 1 })
    expect(fieldIntent(press('Tab', { shiftKey: true }))).toEqual({ kind: 'cycle', delta: -1 })
    expect(fieldIntent(press('Tab', { ctrlKey: true }))).toBeNull()
  })

  it('picks a column with Alt and a digit, by physical key, and leaves digits alone otherwise', () => {
    expect(fieldIntent(press('¡', { code: 'Digit1', altKey: true }))).toEqual({
      kind: 'column',
      index: 0,
    })
    expect(fieldIntent(press('6', { code: 'Digit6', altKey: true }))).toEqual({
      kind: 'column',
      index: 5,
    })
    expect(fieldIntent(press('7', { code: 'Digit7', altKey: true }))).toBeNull()
    expect(fieldIntent(press('3', { code: 'Digit3' }))).toBeNull()
    // AltGr on Windows: Ctrl+Alt, types characters.
    expect(fieldIntent(press('²', { code: 'Digit2', altKey: true, ctrlKey: true }))).toBeNull()
  })

  it('hands the keyboard to the board on Escape and types everything else', () => {
    expect(fieldIntent(press('Escape'))).toEqual({ kind: 'leave' })
    expect(fieldIntent(press('a'))).toBeNull()
    expect(fieldIntent(press('+'))).toBeNull()
  })
})

describe('keys on the board', () => {
  it('walks notes with plain arrows and leaves modified arrows to tldraw', () => {
    expect(boardIntent(press('ArrowLeft'))).toEqual({ kind: 'step', step: 'left' })
    expect(boardIntent(press('ArrowDown'))).toEqual({ kind: 'step', step: 'down' })
    expect(boardIntent(press('ArrowUp', { shiftKey: true }))).toBeNull()
    expect(boardIntent(press('ArrowRight', { metaKey: true }))).toBeNull()
    expect(boardIntent(press('ArrowRight', { altKey: true }))).toBeNull()
  })

  it('edits with F2, votes with +, writes with Enter', () => {
    expect(boardIntent(press('F2'))).toEqual({ kind: 'edit' })
    expect(boardIntent(press('+'))).toEqual({ kind: 'vote' })
    expect(boardIntent(press('+', { shiftKey: true }))).toEqual({ kind: 'vote' })
    expect(boardIntent(press('Enter'))).toEqual({ kind: 'write' })
    expect(boardIntent(press('Enter', { shiftKey: true }))).toBeNull()
    expect(boardIntent(press('v'))).toBeNull()
  })

  it('groups with Ctrl or Cmd+G and ungroups with Shift added, by character or physical key', () => {
    expect(boardIntent(press('g', { ctrlKey: true }))).toEqual({ kind: 'group' })
    expect(boardIntent(press('g', { metaKey: true }))).toEqual({ kind: 'group' })
    expect(boardIntent(press('G', { ctrlKey: true, shiftKey: true }))).toEqual({ kind: 'ungroup' })
    expect(boardIntent(press('п', { code: 'KeyG', ctrlKey: true }))).toEqual({ kind: 'group' })
    expect(boardIntent(press('g'))).toBeNull()
    expect(boardIntent(press('g', { ctrlKey: true, altKey: true }))).toBeNull()
  })
})
