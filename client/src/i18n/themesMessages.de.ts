/** The gallery's "Themen" view: cross-table themes for the plenary, in German. Spread into `de.ts`. */
export const themesDe = {
  'gallery.mode.themes': 'Themen',
  'themes.heading': 'Querschnittsthemen',
  'themes.loading': 'Themen werden geladen …',
  'themes.failed': 'Die Themen ließen sich nicht laden: {reason}',
  'themes.empty.readOnly': 'Noch keine Themen gespeichert.',
  'themes.empty.editable':
    'Noch keine Themen gespeichert. Mit „Vorschläge holen“ schlägt Tablecloth Themen vor, die Notizen verschiedener Tische verbinden.',
  'themes.readOnly': 'Nur ansehen',
  'themes.actions': 'Themen bearbeiten',
  'themes.suggest': 'Vorschläge holen',
  'themes.suggesting': 'Vorschläge werden gesucht …',
  'themes.suggestFailed': 'Keine Vorschläge: {reason}',
  'themes.suggestNone':
    'Keine neuen Vorschläge: Die Notizen verschiedener Tische ähneln sich zu wenig, oder sie stehen schon in Themen.',
  'themes.merge': 'Zusammenführen ({count})',
  'themes.clearSelection': 'Auswahl aufheben',

  'themes.saving': 'Wird gespeichert …',
  'themes.saved': 'Alles gespeichert',
  'themes.saveFailed':
    'Nicht gespeichert: {reason} Deine Änderungen bleiben hier stehen; es wird gleich erneut versucht.',
  'themes.saveRefused':
    'Nicht gespeichert: {reason} Deine Änderungen bleiben hier stehen, bis du die Seite schließt.',

  'themes.suggestions': 'Vorschläge',
  'themes.suggestion.badge': 'Vorschlag',
  'themes.suggestion.accept': 'Übernehmen',
  'themes.suggestion.discard': 'Verwerfen',
  'themes.suggestion.alreadySaved':
    'Schon in gespeicherten Themen und hier weggelassen: {count} weitere Notizen dieses Vorschlags.',

  'themes.saved.list': 'Gespeicherte Themen',
  'themes.theme.select': '„{title}“ auswählen',
  'themes.theme.count': '{count} Notizen',
  'themes.theme.countOne': '1 Notiz',
  'themes.theme.empty': 'Keine Notizen mehr in diesem Thema.',
  'themes.theme.rename': 'Umbenennen',
  'themes.theme.renameLabel': 'Neuer Name für „{title}“ (Eingabe speichert, Esc bricht ab)',
  'themes.theme.split': 'Als neues Thema ({count})',
  'themes.theme.splitTitle': '{title} (Teil)',
  'themes.theme.dissolve': 'Thema auflösen',
  'themes.theme.dragHint': 'Auf ein anderes Thema ziehen, um beide zusammenzuführen',

  'themes.note.where': 'Tisch {table} · Station {station}',
  'themes.note.select': 'Notiz auswählen',
  'themes.note.move': 'Verschieben nach …',
  'themes.note.moveLabel': 'Notiz verschieben nach',

  'themes.controlHeading': 'Querschnittsthemen',
  'themes.controlIntro':
    'Themen, die sich durch mehrere Tische ziehen, fürs Plenum sammeln: Vorschläge übernehmen, umbenennen, zusammenführen, Notizen verschieben. Die Galerie zeigt sie in der Ansicht „Themen“.',
  'themes.controlLink': 'Themen fürs Plenum bearbeiten',

  'error.duplicateNote':
    'Eine Notiz steht in zwei Themen; jede Notiz gehört zu höchstens einem Thema.',
  'error.unknownNotes': 'Einige Notizen gibt es nicht mehr (gelöscht oder ausgeblendet).',

  'themes.keys': 'T: Themen · G oder Esc: zurück zu den Tischen',
  'themes.editKeys':
    'Notiz: ziehen oder Alt+↑/↓ ins vorige/nächste Thema, Leertaste wählt aus · Thema: auf ein anderes ziehen führt beide zusammen',
}
