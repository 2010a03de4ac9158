import type { groupPhoneDe } from './groupPhoneMessages.de'

/** English messages of what only a group's phone shows. Typed against German, so no key can be missing. */
export const groupPhoneEn: Record<keyof typeof groupPhoneDe, string> = {
  'groupPhone.label': 'Group {name}',
  'groupPhone.moved': 'You are now at table {number}: {title}',
  'groupPhone.movedHint': 'Your cards go to this table from now on. Text you started stays.',
  'groupPhone.movedDismiss': 'Got it',
  'groupPhone.table.question': 'Which table are you sitting at now?',
  'groupPhone.table.questionHint': 'We ask once per station. You can change the table at any time.',
  'groupPhone.table.search': 'Find a table',
  'groupPhone.table.searchHint': 'Type a number or a topic',
  'groupPhone.table.none': 'No table matches “{query}”.',
  'groupPhone.table.choice': 'Table {number}',
  'groupPhone.intro':
    'This phone follows your group: at every station change it shows your new table by itself. Your cards go to the table you sit at now.',
  'groupPhone.noSeat.heading': 'Your group has no table planned for this station',
  'groupPhone.noSeat.body':
    'Please ask the moderators where to sit. As soon as the plan gives you a table, it shows here.',
  'groupPhone.table.change': 'Choose another table',
}
