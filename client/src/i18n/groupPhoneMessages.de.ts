/**
 * German messages of what only a group's phone shows (`groupPhone.*`): the
 * group, the move banner and the table question. Loaded with those parts in
 * their own chunk (phone/groupPhoneParts.ts), so a table's phone never
 * downloads them. Every key must also exist in `groupPhoneMessages.en.ts`.
 * Spread into `de.ts`.
 */
export const groupPhoneDe = {
  'groupPhone.label': 'Gruppe {name}',
  'groupPhone.moved': 'Ihr seid jetzt am Tisch {number}: {title}',
  'groupPhone.movedHint':
    'Eure Karten gehen ab jetzt an diesen Tisch. Angefangener Text bleibt stehen.',
  'groupPhone.movedDismiss': 'Verstanden',
  'groupPhone.table.question': 'An welchem Tisch sitzt ihr gerade?',
  'groupPhone.table.questionHint':
    'Wir fragen einmal pro Station. Ihr könnt den Tisch jederzeit ändern.',
  'groupPhone.table.search': 'Tisch suchen',
  'groupPhone.table.searchHint': 'Nummer oder Thema eingeben',
  'groupPhone.table.none': 'Kein Tisch passt zu „{query}“.',
  'groupPhone.table.choice': 'Tisch {number}',
  'groupPhone.intro':
    'Dieses Handy folgt eurer Gruppe: Bei jedem Stationswechsel zeigt es von selbst euren neuen Tisch. Eure Karten gehen an den Tisch, an dem ihr gerade sitzt.',
  'groupPhone.noSeat.heading': 'Für eure Gruppe ist in dieser Station kein Tisch eingeplant',
  'groupPhone.noSeat.body':
    'Fragt bitte die Moderation, wo ihr sitzt. Sobald der Plan euch einen Tisch gibt, erscheint er hier.',
  'groupPhone.table.change': 'Anderen Tisch wählen',
} as const
