import { isNoteColour, type NoteColour } from '@tablecloth/shared'

/**
 * Approximations of tldraw's note colours, for swatches beside a group. The
 * colour's name is what counts; a swatch is only a visual aid.
 */
const SWATCHES: Record<NoteColour, string> = {
  black: '#1d1d1d',
  grey: '#adb5bd',
  'light-violet': '#e599f7',
  violet: '#ae3ec9',
  blue: '#4465e9',
  'light-blue': '#4ba1f1',
  yellow: '#f1ac4b',
  orange: '#e16919',
  green: '#099268',
  'light-green': '#4cb05e',
  'light-red': '#f87777',
  red: '#e03131',
  white: '#ffffff',
}

/** The CSS colour of a swatch for a note colour; undefined for anything else. */
export function swatchOf(colour: string): string | undefined {
  return isNoteColour(colour) ? SWATCHES[colour] : undefined
}
