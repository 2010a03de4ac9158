import { describe, expect, it } from 'vitest'
import type { KeyPress } from '../capture/captureKeys'
import { isRecapToggle, recapIntent } from './recapKeys'

function press(key: string, code: string, mods: Partial<KeyPress> = {}): KeyPress {
  return {
    key,
    code,
    shiftKey: false,
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    isComposing: false,
    ...mods,
  }
}

describe('isRecapToggle', () => {
  it('opens on Alt+R, also where the layout reports another character', () => {
    expect(isRecapToggle(press('r', 'KeyR', { altKey: true }))).toBe(true)
    expect(isRecapToggle(press('®', 'KeyR', { altKey: true }))).toBe(true)
  })

  it('leaves typing, AltGr and other shortcuts alone', () => {
    expect(isRecapToggle(press('r', 'KeyR'))).toBe(false)
    expect(isRecapToggle(press('R', 'KeyR', { shiftKey: true }))).toBe(false)
    expect(isRecapToggle(press('r', 'KeyR', { altKey: true, ctrlKey: true }))).toBe(false)
    expect(isRecapToggle(press('r', 'KeyR', { metaKey: true }))).toBe(false)
    expect(isRecapToggle(press('1', 'Digit1', { altKey: true }))).toBe(false)
    expect(isRecapToggle(press('r', 'KeyR', { altKey: true, isComposing: true }))).toBe(false)
  })
})

describe('recapIntent', () => {
  it('closes on Escape and pages with the left and right arrows', () => {
    expect(recapIntent(press('Escape', 'Escape'))).toEqual({ kind: 'close' })
    expect(recapIntent(press('ArrowLeft', 'ArrowLeft'))).toEqual({ kind: 'page', delta: 1 })
    expect(recapIntent(press('ArrowRight', 'ArrowRight'))).toEqual({ kind: 'page', delta: -1 })
  })

  it('leaves the scrolling keys to the browser', () => {
    for (const key of ['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', ' ']) {
      expect(recapIntent(press(key, key))).toBeNull()
    }
  })
})
