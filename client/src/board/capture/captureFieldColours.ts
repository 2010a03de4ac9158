import { DEFAULT_THEME, getColorValue, type TLThemeColors } from 'tldraw'
import type { NoteColour } from '@tablecloth/shared'

/**
 * The colours of the capture field, which takes the colour of the notes it
 * will pin so the moderator sees which group writes. The bar under the board
 * is light whatever tldraw's colour mode, so the field always takes the
 * light theme's note fill: in the dark one black text would vanish.
 *
 * Text and placeholder are dark enough for WCAG AA (4.5:1) on every note
 * fill a group can have, and the field's dark border (3:1 against the bar
 * and the fill) says it is there to type into; a disabled field drops the
 * colour (capture.css). `captureFieldColours.test.ts` checks every colour.
 */
export const CAPTURE_FIELD_TEXT = '#000000'
export const CAPTURE_FIELD_PLACEHOLDER = '#333333'
export const CAPTURE_FIELD_BORDER = '#1d2433'

/** The light theme's note fill for `colour`, from the editor's theme once it runs, else tldraw's default. */
export function captureFieldFill(
  colour: NoteColour,
  lightColours: TLThemeColors = DEFAULT_THEME.colors.light,
): string {
  return getColorValue(lightColours, colour, 'noteFill')
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours, from 1 to 21. */
export function contrastRatio(first: string, second: string): number {
  const [lighter, darker] = [relativeLuminance(first), relativeLuminance(second)].sort(
    (a, b) => b - a,
  )
  return (lighter! + 0.05) / (darker! + 0.05)
}

function relativeLuminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex)
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`)
  const [red, green, blue] = match.slice(1).map((part) => {
    const channel = Number.parseInt(part, 16) / 255
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * red! + 0.7152 * green! + 0.0722 * blue!
}
