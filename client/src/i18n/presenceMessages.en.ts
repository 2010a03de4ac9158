import type { presenceDe } from './presenceMessages.de'

/** Presence, the moderator-drop alert and table names in lists, in English. Spread into `en.ts`. */
export const presenceEn: Record<keyof typeof presenceDe, string> = {
  'table.number': 'Table {number}',
  'table.numbered': 'Table {number} – {topic}',
  'rotation.lastStation': 'Last station: the groups stay where they are.',
  'presence.listLabel': 'Connections to this board',
  'presence.moderators': 'Moderator',
  'presence.projectors': 'Projector',
  'presence.phones': 'Phones',
  'presence.gallery': 'Gallery',
  'presence.organisers': 'Control room',
  'presence.count': '{label}: {count}',
  'presence.phonesNoBoard': 'Phones only send notes (the board is not shown to participants)',
  'presence.moderatorOn': 'Moderator on the board',
  'presence.moderatorNotYet': 'Moderator not on the board yet',
  'presence.moderatorGone': 'Moderator disconnected',
  'presence.moderatorNames': 'On the board: {names}',
  'presence.seconds': '{count} s',
  'presence.minutes': '{count} min',
  'presence.alertsLabel': 'Alerts',
  'presence.alert': '{table}: the moderator’s board has been disconnected for {duration}.',
  'presence.alertHint':
    'Please check at the table: laptop closed, battery empty or Wi-Fi gone? This alert disappears as soon as the board is open again.',
}
