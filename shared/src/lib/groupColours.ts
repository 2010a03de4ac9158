/**
 * Colours that tell groups apart on the board. A note written by a group takes
 * the group's colour, so after a rotation everyone can still see which group
 * left which thought.
 */

/** Every colour a tldraw note can have (tldraw's default colour style). */
export const NOTE_COLOURS = [
  'black',
  'grey',
  'light-violet',
  'violet',
  'blue',
  'light-blue',
  'yellow',
  'orange',
  'green',
  'light-green',
  'light-red',
  'red',
  'white',
] as const
export type NoteColour = (typeof NOTE_COLOURS)[number]

/**
 * The colours handed out to groups, in the order they are handed out. Light,
 * well-separated colours come first because they read best on a projector;
 * black and white are left out because notes in them are hard to read.
 */
export const GROUP_COLOURS = [
  'yellow',
  'light-blue',
  'light-green',
  'light-red',
  'light-violet',
  'orange',
  'blue',
  'green',
  'violet',
  'red',
  'grey',
] as const satisfies readonly NoteColour[]

/** Whether a string names a tldraw note colour. */
export function isNoteColour(value: string): value is NoteColour {
  return (NOTE_COLOURS as readonly string[]).includes(value)
}

/**
 * Completes the colours of a list of groups. Groups that chose a colour keep
 * it; every other group gets the palette colour used least so far (ties go to
 * the earlier palette colour). So up to eleven groups all differ, and beyond
 * that the colours repeat as evenly as possible. Deterministic: the same list
 * always gets the same colours.
 */
export function assignGroupColours(chosen: ReadonlyArray<string | undefined>): string[] {
  const uses = new Map<string, number>(GROUP_COLOURS.map((colour) => [colour, 0]))
  for (const colour of chosen) {
    if (colour !== undefined && uses.has(colour)) uses.set(colour, (uses.get(colour) ?? 0) + 1)
  }
  return chosen.map((colour) => {
    if (colour !== undefined) return colour
    let best: string = GROUP_COLOURS[0]
    for (const candidate of GROUP_COLOURS) {
      if ((uses.get(candidate) ?? 0) < (uses.get(best) ?? 0)) best = candidate
    }
    uses.set(best, (uses.get(best) ?? 0) + 1)
    return best
  })
}
