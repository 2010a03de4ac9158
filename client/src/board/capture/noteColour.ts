import {
  groupsAtTable,
  isNoteColour,
  resolveSeatingPlan,
  type EventConfig,
  type NoteColour,
} from '@tablecloth/shared'

/** tldraw's own default note colour, for tables whose group is not known. */
export const DEFAULT_NOTE_COLOUR: NoteColour = 'yellow'

/**
 * The colour of notes written at a table in a station: the colour of the one
 * group the rotation seats there. With free rotation, no group or several
 * groups at the table the writer's group is unknown (as for the note's
 * `groupId` stamp), and notes keep tldraw's default yellow.
 */
export function noteColourAtTable(
  config: EventConfig,
  stationIndex: number,
  tableId: string,
): NoteColour {
  const plan = resolveSeatingPlan(config)
  const groups = plan ? groupsAtTable(plan, stationIndex, tableId) : []
  if (groups.length !== 1) return DEFAULT_NOTE_COLOUR
  const colour = config.groups.find((group) => group.id === groups[0])?.colour
  return colour && isNoteColour(colour) ? colour : DEFAULT_NOTE_COLOUR
}
