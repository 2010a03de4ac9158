/** Board images of every table at every station (control room, and the README.txt in the ZIP), in German. Spread into `de.ts`. */
export const boardImagesDe = {
  'boardImages.heading': 'Tafelbilder',
  'boardImages.hint':
    'Jeder Tisch am Ende jeder Station als SVG und PNG, in einer ZIP-Datei. Die Bilder entstehen hier im Browser aus den gesicherten Ständen der Boards.',
  'boardImages.button': 'Tafelbilder herunterladen (ZIP)',
  'boardImages.busy': 'Tafelbilder werden erstellt …',
  'boardImages.preparing': 'Bilder werden vorbereitet …',
  'boardImages.progress': 'Bild {current} von {total} …',
  'boardImages.progressLabel': 'Fortschritt der Tafelbilder',
  'boardImages.zipping': 'ZIP-Datei wird gepackt …',
  'boardImages.done': '{count} Tafelbilder gespeichert: {file}',
  'boardImages.doneWithFailures':
    '{count} Tafelbilder gespeichert: {file}. {failed} ließen sich nicht zeichnen; die README.txt in der ZIP-Datei nennt sie.',
  'boardImages.empty':
    'Noch kein Board gesichert. Tafelbilder gibt es ab dem ersten Stationswechsel („Boards sichern und weiter“).',
  'boardImages.failed':
    'Die Tafelbilder ließen sich nicht erstellen. Lade die Seite neu und versuche es noch einmal.',

  'boardImages.readme.title': 'Tafelbilder: {event}',
  'boardImages.readme.created':
    'Erstellt am {time} im Browser des Organisationsteams, aus den gesicherten Ständen der Boards.',
  'boardImages.readme.formats':
    'Je Thementisch ein Ordner, darin je Station ein Bild: als SVG (Vektorgrafik, beliebig vergrößerbar, Schrift eingebettet) und als PNG (doppelte Auflösung, zum Drucken). Jedes Bild zeigt die Spalten einer Station mit ihren Karten.',
  'boardImages.readme.sources':
    'Abgeschlossene Stationen zeigen den Stand beim Stationswechsel („Boards sichern und weiter“). Die laufende Station zeigt den letzten Stand, der gesichert wurde, während sie lief (etwa vor einer Wiederherstellung), sonst gibt es von ihr noch kein Bild.',
  'boardImages.readme.table': 'Thementisch {number}: {table}',
  'boardImages.readme.station': 'Station {number}: {station}',
  'boardImages.readme.files': 'Dateien: {files}',
  'boardImages.readme.sourceStationChange': 'Quelle: Stand beim Stationswechsel, {time} (Snapshot {id})',
  'boardImages.readme.sourceRunning': 'Quelle: Station läuft noch; gesicherter Stand vom {time} (Snapshot {id})',
  'boardImages.readme.sourceRunningPreRestore':
    'Quelle: Station läuft noch; Stand vor einer Wiederherstellung, {time} (Snapshot {id})',
  'boardImages.readme.missingEnded': 'Kein Bild: Beim Stationswechsel wurde kein Stand dieses Boards gesichert.',
  'boardImages.readme.missingRunning':
    'Kein Bild: Die Station läuft noch, und von ihr ist noch kein Stand gesichert.',
  'boardImages.readme.failed': 'Kein Bild: Der Stand vom {time} (Snapshot {id}) ließ sich nicht zeichnen.',
}
