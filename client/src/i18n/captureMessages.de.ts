/** Writing notes at the board: the capture bar, its keys and dot votes, in German. Spread into `de.ts`. */
export const captureDe = {
  'capture.barLabel': 'Notizen schreiben',
  'capture.columnsLabel': 'Spalte für neue Notizen',
  'capture.columnShortcut': 'Spalte {number} (Alt+{number})',
  'capture.fieldLabel': 'Notiz für Spalte {number}: {question}',
  'capture.placeholder': 'Notiz tippen, Enter heftet sie an …',
  'capture.pin': 'Anheften',
  'capture.keys':
    'Enter: anheften · Umschalt+Enter: neue Zeile · Tab oder Alt+1–6: Spalte · Esc: zur Tafel, dort Pfeiltasten: Notiz wählen, Enter: bearbeiten, +: Punkt, Strg+G: gruppieren, Enter ohne Auswahl: zurück hierher',
  'capture.pinned': 'Angeheftet in „{question}“.',
  'capture.noColumn':
    'Diese Spalte ist auf diesem Gerät noch nicht angekommen. Warte kurz, bis das Board verbunden ist, und versuch es noch einmal. Dein Text bleibt stehen.',
  'capture.waiting': 'Sobald die Station geladen ist, kannst du hier Notizen schreiben.',
  'capture.readOnly': 'Dieses Board lässt sich auf diesem Gerät gerade nicht bearbeiten.',
  'capture.vote': '+1',
  'capture.voteLabel': 'Einen Punkt geben (bisher {count})',
  'capture.votes': 'Punkte: {count}',
  'cluster.newHeading': 'Überschrift',
  'cluster.group': 'Gruppieren',
  'cluster.groupLabel': 'Ausgewählte Notizen unter einer Überschrift gruppieren (Strg+G)',
  'cluster.ungroup': 'Aus Gruppe lösen',
  'cluster.ungroupLabel': 'Ausgewählte Notizen aus ihrer Gruppe lösen (Strg+Umschalt+G)',
  'boardMode.label': 'Ansicht des Boards',
  'boardMode.moderation': 'Moderation',
  'boardMode.moderation.hint': 'Nur Notizen und Schreibleiste: ohne die Menüs und Stile von tldraw',
  'boardMode.drawing': 'Zeichnen',
  'boardMode.drawing.hint': 'Mit den Werkzeugen, Menüs und Stilen von tldraw zum Zeichnen',
} satisfies Record<`capture.${string}` | `cluster.${string}` | `boardMode.${string}`, string>
