/** Looking after an event from the control room: save points, links, deletion, in German. Spread into `de.ts`. */
export const adminDe = {
  'admin.heading': 'Verwaltung',
  'admin.saveNow': 'Zwischenstand sichern',
  'admin.saveNowHint':
    'Sichert alle Boards der laufenden Station, ohne weiterzuschalten – zum Beispiel am Ende der letzten Station.',
  'admin.saving': 'Wird gesichert …',
  'admin.saved': '{count} Boards gesichert.',
  'admin.linksHeading': 'Links erneuern',
  'admin.linksHint':
    'Ein erneuerter Link ersetzt den alten sofort: Geräte mit dem alten Link verlieren den Zugang innerhalb einer Sekunde.',
  'admin.rotateControl': 'Link zum Kontrollraum erneuern',
  'admin.rotateControlConfirm':
    'Den Link zum Kontrollraum erneuern? Der alte Link funktioniert danach nicht mehr – speichere den neuen.',
  'admin.rotateGallery': 'Galerie-Link erneuern',
  'admin.rotateBoard': 'Board-Link erneuern',
  'admin.rotateProjector': 'Projektor-Link erneuern',
  'admin.rotatePhone': 'Handy-Link erneuern',
  'admin.rotateConfirm':
    '„{link}“ von „{table}“ erneuern? Wer den alten Link nutzt, wird sofort abgemeldet.',
  'admin.rotated': 'Neuer Link:',
  'admin.rotatedControl':
    'Neuer Link zum Kontrollraum – jetzt speichern, der alte gilt nicht mehr:',
  'admin.expires': 'Diese Veranstaltung wird am {date} automatisch gelöscht.',
  'admin.keeps': 'Diese Veranstaltung bleibt gespeichert, bis sie gelöscht wird.',
  'admin.deleteHeading': 'Veranstaltung löschen',
  'admin.deleteHint':
    'Löscht die Veranstaltung mit allen Boards, Notizen, Sicherungen und Links endgültig vom Server. Exporte, die schon heruntergeladen sind, bleiben, wo sie sind.',
  'admin.deleteTypeTitle': 'Zum Bestätigen den Titel der Veranstaltung eingeben: „{title}“',
  'admin.deleteConfirm': 'Endgültig löschen',
  'admin.deleting': 'Wird gelöscht …',
  'admin.deleted.heading': 'Veranstaltung gelöscht',
  'admin.deleted.body':
    'Die Veranstaltung und alle ihre Daten sind vom Server gelöscht. Alle ihre Links führen jetzt ins Leere.',
} satisfies Record<`admin.${string}`, string>
