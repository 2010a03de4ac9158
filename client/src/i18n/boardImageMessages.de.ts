/** Board images of every table at every station (control room, and the README.txt in the ZIP), in German. Spread into `de.ts`. */
export const boardImagesDe = {
  'boardImages.heading': 'Tafelbilder',
  'boardImages.hint':
    'Jeder Tisch an jeder Station als SVG und PNG, in einer ZIP-Datei, mit den Punkten an den Karten. Abgeschlossene Stationen zeigen den Stand beim Stationswechsel, die laufende Station das Board, wie es gerade ist. Die Bilder entstehen hier im Browser.',
  'boardImages.button': 'Tafelbilder herunterladen (ZIP)',
  'boardImages.busy': 'Tafelbilder werden erstellt …',
  'boardImages.preparing': 'Bilder werden vorbereitet …',
  'boardImages.progress': 'Bild {current} von {total} …',
  'boardImages.progressLabel': 'Fortschritt der Tafelbilder',
  'boardImages.zipping': 'ZIP-Datei wird gepackt …',
  'boardImages.done': '{count} Tafelbilder gespeichert: {file}',
  'boardImages.doneWithFailures':
    '{count} Tafelbilder gespeichert: {file}. {failed} ließen sich nicht zeichnen; die README.txt in der ZIP-Datei nennt sie.',
  'boardImages.failed':
    'Die Tafelbilder ließen sich nicht erstellen. Lade die Seite neu und versuche es noch einmal.',

  'boardImages.readme.title': 'Tafelbilder: {event}',
  'boardImages.readme.created': 'Erstellt am {time} im Browser des Organisationsteams.',
  'boardImages.readme.formats':
    'Je Thementisch ein Ordner, darin je Station ein Bild: als SVG (Vektorgrafik, beliebig vergrößerbar, Schrift eingebettet) und als PNG (doppelte Auflösung, zum Drucken). Jedes Bild zeigt die Spalten einer Station mit ihren Karten; die Punkte einer Karte stehen als violette Zahl an ihrer oberen rechten Ecke.',
  'boardImages.readme.sources':
    'Abgeschlossene Stationen zeigen den Stand beim Stationswechsel („Boards sichern und weiter“). Die laufende Station zeigt das Board, wie es beim Herunterladen war (live vom Server gelesen, mit allen bis dahin geschriebenen Karten).',
  'boardImages.readme.table': 'Thementisch {number}: {table}',
  'boardImages.readme.station': 'Station {number}: {station}',
  'boardImages.readme.files': 'Dateien: {files}',
  'boardImages.readme.sourceStationChange':
    'Quelle: Stand beim Stationswechsel, {time} (Snapshot {id})',
  'boardImages.readme.sourceLive': 'Quelle: Station läuft noch; Board live gelesen am {time}',
  'boardImages.readme.sourceLiveEnded':
    'Quelle: Beim Stationswechsel wurde kein Stand gesichert; Board live gelesen am {time}',
  'boardImages.readme.failed':
    'Kein Bild: Der Stand vom {time} (Snapshot {id}) ließ sich nicht zeichnen.',
  'boardImages.readme.failedLive':
    'Kein Bild: Das Board ließ sich nicht lesen oder nicht zeichnen.',
}
