import type { projectorDe } from './projectorMessages.de'

/** The projector view of a table's board, in English. Spread into `en.ts`. */
export const projectorEn: Record<keyof typeof projectorDe, string> = {
  'projector.questionsLabel': 'This station’s questions, one per column',
  'projector.joinLabel': 'Notes from your phone',
  'projector.joinCode': 'QR code: send notes from your phone to “{table}”',
  'projector.joinCaption': 'Your own notes? Scan the QR code',
}
