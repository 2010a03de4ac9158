/** The plenary gallery ("Sichtung der Ergebnisse"), in German. Spread into `de.ts`. */
export const galleryDe = {
  'gallery.documentTitle': 'Galerie · {title} · Tablecloth',
  'gallery.heading': 'Sichtung der Ergebnisse',
  'gallery.loading': 'Galerie wird geladen …',
  'gallery.noToken.heading': 'Dieser Link ist unvollständig',
  'gallery.noToken.body':
    'Dem Link fehlt der Zugangsschlüssel. Öffne den vollständigen Galerie-Link aus dem Kontrollraum.',
  'gallery.failed.heading': 'Die Galerie ließ sich nicht öffnen',
  'gallery.refused.heading': 'Zugang zur Galerie abgelehnt',
  'gallery.refused.body':
    'Der Server lässt diesen Link nicht auf die Boards. Hol dir im Kontrollraum den aktuellen Galerie-Link.',

  'gallery.controls': 'Galerie steuern',
  'gallery.mode.grid': 'Übersicht',
  'gallery.mode.sequence': 'Einzeln',
  'gallery.mode.label': 'Ansicht (Taste G, Themen: T)',
  'gallery.previous': 'Vorheriger Tisch',
  'gallery.next': 'Nächster Tisch',
  'gallery.position': 'Tisch {position} von {count}',
  'gallery.stations.label': 'Station (Taste S, zurück mit Umschalt+S)',
  'gallery.stations.previous': 'Vorherige Station',
  'gallery.stations.next': 'Nächste Station',
  'gallery.auto.label': 'Automatisch weiter',
  'gallery.auto.off': 'Aus',
  'gallery.auto.every': 'alle {seconds} s',
  'gallery.auto.pause': 'Anhalten',
  'gallery.auto.resume': 'Fortsetzen',
  'gallery.auto.countdown': 'Weiter in {seconds} s',
  'gallery.auto.paused': 'Angehalten',
  'gallery.keys':
    'Pfeiltasten, Bild auf/ab oder Leertaste: Tisch wechseln (nach dem letzten Tisch: nächste Station) · S / Umschalt+S: Station vor/zurück · Pos1/Ende · G: Übersicht/Einzeln · T: Themen · Esc: Übersicht',

  'gallery.grid.label': 'Alle Tische',
  'gallery.tile.open': '„{topic}“ groß zeigen',
  'gallery.moderator': 'Moderation: {name}',
  'gallery.board.connecting': 'Verbindung zum Board wird aufgebaut …',
  'gallery.board.offline': 'Verbindung unterbrochen – zeigt den letzten Stand',
  'gallery.board.refused': 'Dieses Board ist mit dem Link nicht zu sehen.',
}
