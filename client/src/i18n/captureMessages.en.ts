import type { captureDe } from './captureMessages.de'

/** Writing notes at the board: the capture bar, its keys and dot votes, in English. Spread into `en.ts`. */
export const captureEn: Record<keyof typeof captureDe, string> = {
  'capture.barLabel': 'Write notes',
  'capture.columnsLabel': 'Column for new notes',
  'capture.columnShortcut': 'Column {number} (Alt+{number})',
  'capture.fieldLabel': 'Note for column {number}: {question}',
  'capture.placeholder': 'Type a note, Enter pins it …',
  'capture.pin': 'Pin',
  'capture.keys':
    'Enter: pin · Shift+Enter: new line · Tab or Alt+1–6: column · Esc: to the board, there arrow keys: pick a note, Enter: edit, +: dot, Ctrl+G: group, Enter with nothing picked: back here',
  'capture.pinned': 'Pinned to “{question}”.',
  'capture.noColumn':
    'This column has not reached this device yet. Wait until the board is connected and try again. Your text stays here.',
  'capture.waiting': 'You can write notes here once the station has loaded.',
  'capture.readOnly': 'This board cannot be edited on this device right now.',
  'capture.vote': '+1',
  'capture.voteLabel': 'Give one dot (so far {count})',
  'capture.votes': 'Dots: {count}',
  'cluster.newHeading': 'Heading',
  'cluster.group': 'Group',
  'cluster.groupLabel': 'Group the selected notes under a heading (Ctrl+G)',
  'cluster.ungroup': 'Ungroup',
  'cluster.ungroupLabel': 'Take the selected notes out of their group (Ctrl+Shift+G)',
  'boardMode.label': 'Board view',
  'boardMode.moderation': 'Moderation',
  'boardMode.moderation.hint': 'Notes and the capture bar only: without tldraw’s menus and styles',
  'boardMode.drawing': 'Drawing',
  'boardMode.drawing.hint': 'With tldraw’s tools, menus and styles for drawing',
}
