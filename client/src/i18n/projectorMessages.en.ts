import type { projectorDe } from './projectorMessages.de'

/** The projector view of a table's board, in English. Spread into `en.ts`. */
export const projectorEn: Record<keyof typeof projectorDe, string> = {
  'projector.joinLabel': 'Notes from your phone',
  'projector.joinCode': 'QR code: send notes from your phone to “{table}”',
  'projector.joinCaption': 'Your own notes? Scan the QR code',
  'room.unsorted': 'Outside the columns',
  'room.more.one': '1 more card',
  'room.more.other': '{count} more cards',
  'room.pageLabel': 'Page {page} of {pages}',
  'room.dots.one': '1 dot',
  'room.dots.other': '{count} dots',
  'room.clusterUnnamed': 'Group without a heading',
}
