import { describe, expect, it } from 'vitest'
import { GROUP_COLOURS } from '@tablecloth/shared'
import {
  CAPTURE_FIELD_BORDER,
  CAPTURE_FIELD_PLACEHOLDER,
  CAPTURE_FIELD_TEXT,
  captureFieldFill,
  contrastRatio,
} from './captureFieldColours'
import { DEFAULT_NOTE_COLOUR } from './noteColour'

/** The capture bar's own background (capture.css). */
const BAR_BACKGROUND = '#f3f6fb'

describe('the capture field in every group colour', () => {
  for (const colour of [DEFAULT_NOTE_COLOUR, ...GROUP_COLOURS]) {
    it(`${colour}: text and placeholder meet WCAG AA, the border stands out`, () => {
      const fill = captureFieldFill(colour).toLowerCase()
      expect(fill).toMatch(/^#[0-9a-f]{6}$/)
      expect(contrastRatio(CAPTURE_FIELD_TEXT, fill)).toBeGreaterThanOrEqual(4.5)
      expect(contrastRatio(CAPTURE_FIELD_PLACEHOLDER, fill)).toBeGreaterThanOrEqual(4.5)
      // Non-text contrast (WCAG 1.4.11): the field's edge against its fill and against the bar.
      expect(contrastRatio(CAPTURE_FIELD_BORDER, fill)).toBeGreaterThanOrEqual(3)
      expect(contrastRatio(CAPTURE_FIELD_BORDER, BAR_BACKGROUND)).toBeGreaterThanOrEqual(3)
    })
  }

  it('computes contrast as WCAG does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2)
  })
})
