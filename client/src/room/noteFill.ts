/**
 * The fill of a note card in the room, by tldraw's colour name, as tldraw
 * draws its notes on the light board (its default theme's `noteFill`), so a
 * group's notes have the same colour on the projector as on the moderator's
 * board. Copied rather than imported: the room view loads no tldraw.
 * `noteFill.test.ts` checks the copy against tldraw's own theme.
 */
export const NOTE_FILLS: Readonly<Record<string, string>> = {
  black: '#FCE19C',
  blue: '#8AA3FF',
  green: '#6FC896',
  grey: '#C0CAD3',
  'light-blue': '#9BC4FD',
  'light-green': '#98D08A',
  'light-red': '#F7A5A1',
  'light-violet': '#DFB0F9',
  orange: '#FAA475',
  red: '#FC8282',
  violet: '#DB91FD',
  yellow: '#FED49A',
  white: '#FFFFFF',
}

/** tldraw's default note ('black', drawn yellow) for a colour it does not know. */
export function noteFill(colour: string): string {
  return NOTE_FILLS[colour] ?? NOTE_FILLS.black!
}
