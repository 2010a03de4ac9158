/** The projector view of a table's board, in German. Spread into `de.ts`. */
export const projectorDe = {
  'projector.joinLabel': 'Notizen vom Handy',
  'projector.joinCode': 'QR-Code: Notizen vom Handy an „{table}“ schicken',
  'projector.joinCaption': 'Eigene Notizen? QR-Code scannen',
  'room.unsorted': 'Außerhalb der Spalten',
  'room.more.one': 'noch 1 Karte',
  'room.more.other': 'noch {count} Karten',
  'room.pageLabel': 'Seite {page} von {pages}',
  'room.dots.one': '1 Punkt',
  'room.dots.other': '{count} Punkte',
  'room.clusterUnnamed': 'Gruppe ohne Überschrift',
}
