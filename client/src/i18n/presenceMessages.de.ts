/**
 * Who is on each board, the moderator-drop alert and how tables are named in
 * lists (control room, gallery, QR sheet), in German. Spread into `de.ts`.
 */
export const presenceDe = {
  'table.number': 'Tisch {number}',
  'table.numbered': 'Tisch {number} – {topic}',
  'rotation.lastStation': 'Letzte Station: Die Gruppen bleiben, wo sie sind.',
  'presence.listLabel': 'Verbindungen zu diesem Board',
  'presence.moderators': 'Moderation',
  'presence.projectors': 'Beamer',
  'presence.phones': 'Handys',
  'presence.gallery': 'Galerie',
  'presence.organisers': 'Kontrollraum',
  'presence.count': '{label}: {count}',
  'presence.phonesNoBoard': 'Handys senden nur Notizen (Board für Teilnehmende nicht freigegeben)',
  'presence.moderatorOn': 'Moderation am Board',
  'presence.moderatorNotYet': 'Moderation noch nicht am Board',
  'presence.moderatorGone': 'Moderation getrennt',
  'presence.moderatorNames': 'Am Board: {names}',
  'presence.seconds': '{count} s',
  'presence.minutes': '{count} min',
  'presence.alertsLabel': 'Warnungen',
  'presence.alert': '{table}: Das Board der Moderation ist seit {duration} nicht mehr verbunden.',
  'presence.alertHint':
    'Bitte am Tisch nachsehen: Laptop zugeklappt, Akku leer oder WLAN weg? Sobald das Board wieder offen ist, verschwindet diese Warnung.',
} as const
