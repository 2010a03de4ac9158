import type { recapDe } from './recapMessages.de'

/** "What happened before you", the table host's recap, and the board's "new" marks, in English. Spread into `en.ts`. */
export const recapEn: Record<keyof typeof recapDe, string> = {
  'recap.open': 'What happened before you',
  'recap.openKey': 'Alt+R',
  'recap.title': 'What happened before you',
  'recap.lastGroup': 'the group before you',
  'recap.pagerLabel': 'Earlier stations',
  'recap.earlier': '← Earlier station',
  'recap.later': 'Later station →',
  'recap.page': '{page} / {pages}',
  'recap.close': 'Close',
  'recap.empty': 'Nothing from earlier stations at this table yet.',
  'recap.emptyColumn': 'No cards',
  'recap.unsorted': 'Outside the columns',
  'recap.cards.one': '1 card',
  'recap.cards.other': '{count} cards',
  'recap.dots.one': '1 dot',
  'recap.dots.other': '{count} dots',
  'recap.new': 'new',
  'recap.newMarkTitle': 'New: written by the group of the last station',
}
