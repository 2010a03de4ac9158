/** The printable sheet of every table's QR codes ("Alle QR-Codes drucken"), in German. Spread into `de.ts`. */
export const qrSheetDe = {
  'qrSheet.open': 'Alle QR-Codes drucken',
  'qrSheet.heading': 'QR-Codes aller Tische',
  'qrSheet.hint':
    'Eine A4-Seite je Tisch: Nummer, Thema und die Codes für Board, Beamer und Handys. „Drucken …“ öffnet den Druckdialog; dort lässt sich auch „Als PDF speichern“ wählen.',
  'qrSheet.print': 'Drucken …',
  'qrSheet.close': 'Schließen',
  'qrSheet.pageLabel': 'Druckseite für {table}',
  'qrSheet.number': 'Tisch {number}',
  'qrSheet.moderator': 'Moderation: {name}',
  'qrSheet.board': 'Board',
  'qrSheet.board.hint':
    'Für die Moderation: am Laptop öffnen und die Notizen schreiben. Nicht aushängen.',
  'qrSheet.projector': 'Beamer',
  'qrSheet.projector.hint': 'Für den Laptop am Beamer: zeigt das Board dem Raum, nur zum Ansehen.',
  'qrSheet.phone': 'Handy',
  'qrSheet.phone.hint': 'Für alle am Tisch: eigene Notizen vom Handy ans Board schicken.',
  'qrSheet.codeLabel': 'QR-Code „{kind}“ für {table}',
  'qrSheet.hint.groups':
    'Danach folgen die Gruppenkarten, vier je Seite zum Ausschneiden: Jede Gruppe bekommt ihre Karte.',
  'qrSheet.groupPageLabel': 'Druckseite mit Gruppenkarten: {groups}',
  'qrSheet.group.name': 'Gruppe {name}',
  'qrSheet.group.follow': 'Scannt diesen Code: euer Handy führt euch von Tisch zu Tisch.',
  'qrSheet.group.free':
    'Scannt diesen Code: euer Handy fragt, an welchem Tisch ihr sitzt, und schickt eure Karten dorthin.',
  'qrSheet.group.codeLabel': 'QR-Code für die Handys der Gruppe {name}',
} as const
