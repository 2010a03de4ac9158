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
} as const
