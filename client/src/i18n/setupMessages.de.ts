/**
 * German messages of the event setup page (`setup.*`). Every key must also
 * exist in `setupMessages.en.ts` (its type enforces it), with the same
 * `{placeholders}`. Kept apart from `de.ts` until both are merged.
 */
export const setupDe = {
  'setup.documentTitle': 'Veranstaltung einrichten · Tablecloth',
  'setup.heading': 'Veranstaltung einrichten',
  'setup.intro':
    'Lege Thementische, Stationen und Fragen für deinen Café-Tag an. Dein Entwurf bleibt auf diesem Gerät gespeichert, bis du die Veranstaltung anlegst.',
  'setup.optional': '{label} (optional)',

  'setup.start.heading': 'Womit möchtest du beginnen?',
  'setup.start.template': 'Vorlage: Regionalkonferenz Winnenden 2019',
  'setup.start.template.hint': '11 Thementische, 3 Stationen mit je 2 Fragen',
  'setup.start.empty': 'Leere Veranstaltung',
  'setup.start.empty.hint': 'Ein Tisch und eine Station zum Ausfüllen',
  'setup.start.import': 'JSON importieren',
  'setup.start.import.hint': 'Eine früher exportierte Datei laden',
  'setup.start.export': 'JSON exportieren',
  'setup.start.export.hint': 'Den aktuellen Entwurf als Datei speichern',

  'setup.notice.template': 'Die Vorlage ist geladen.',
  'setup.notice.empty': 'Eine leere Veranstaltung ist bereit.',
  'setup.notice.imported': '„{file}“ ist importiert.',
  'setup.notice.importedWithIssues.one': '„{file}“ ist importiert. 1 Angabe musst du noch prüfen.',
  'setup.notice.importedWithIssues.other':
    '„{file}“ ist importiert. {count} Angaben musst du noch prüfen.',
  'setup.notice.replaced': 'Dein bisheriger Entwurf wurde dabei ersetzt.',
  'setup.notice.undo': 'Rückgängig',
  'setup.notice.restored': 'Dein bisheriger Entwurf ist wiederhergestellt.',
  'setup.notice.exported': 'Der Entwurf ist als „{file}“ gespeichert.',
  'setup.notice.dismiss': 'Hinweis schließen',
  'setup.import.invalidJson':
    '„{file}“ ist keine lesbare JSON-Datei. Dein Entwurf ist unverändert.',
  'setup.import.notAnEvent': '„{file}“ enthält keine Veranstaltung. Dein Entwurf ist unverändert.',
  'setup.import.tooLarge':
    '„{file}“ ist zu groß (höchstens {max} KB). Dein Entwurf ist unverändert.',
  'setup.import.unreadable': '„{file}“ ließ sich nicht lesen. Dein Entwurf ist unverändert.',

  'setup.announce.added': '{item} hinzugefügt.',
  'setup.announce.removed': '{item} entfernt.',
  'setup.announce.moved': '{item} ist jetzt an Position {position}.',

  'setup.details.heading': 'Veranstaltung',
  'setup.field.title': 'Titel',
  'setup.field.date': 'Datum',
  'setup.field.venue': 'Ort',
  'setup.field.language': 'Sprache der Veranstaltung',
  'setup.field.language.hint': 'Nach ihren Regeln werden lange Wörter auf den Notizen getrennt.',

  'setup.tables.heading': 'Thementische',
  'setup.tables.count': '{count} von höchstens {max} Tischen',
  'setup.tables.item': 'Tisch {number}',
  'setup.tables.topic': 'Thema',
  'setup.tables.moderator': 'Moderation',
  'setup.tables.add': 'Tisch hinzufügen',

  'setup.item.moveUp': '{item} nach oben verschieben',
  'setup.item.moveDown': '{item} nach unten verschieben',
  'setup.item.remove': '{item} entfernen',
  'setup.item.removeShort': 'Entfernen',

  'setup.stations.heading': 'Stationen',
  'setup.stations.intro':
    'In jeder Station sitzen alle einmal an einem Tisch und beantworten dessen Fragen.',
  'setup.stations.count': '{count} von höchstens {max} Stationen',
  'setup.stations.item': 'Station {number}',
  'setup.stations.defaultTitle': 'Station {number}',
  'setup.stations.title': 'Titel',
  'setup.stations.duration': 'Dauer in Minuten',
  'setup.stations.duration.hint': '{min} bis {max} Minuten',
  'setup.stations.questions': 'Fragen, eine Spalte je Frage',
  'setup.stations.questions.count': '{count} von höchstens {max} Fragen',
  'setup.stations.question': 'Frage {number}',
  'setup.stations.addQuestion': 'Frage hinzufügen',
  'setup.stations.add': 'Station hinzufügen',

  'setup.groups.heading': 'Gruppen',
  'setup.groups.intro':
    'Gruppen wechseln gemeinsam von Tisch zu Tisch. Ohne Gruppen wählen die Teilnehmenden ihre Tische selbst.',
  'setup.groups.count': '{count} von höchstens {max} Gruppen',
  'setup.groups.none': 'Noch keine Gruppen.',
  'setup.groups.item': 'Gruppe {number}',
  'setup.groups.name': 'Name',
  'setup.groups.colour': 'Farbe',
  'setup.groups.colour.auto': 'Automatisch',
  'setup.groups.add': 'Gruppe hinzufügen',

  'setup.colour.black': 'Schwarz',
  'setup.colour.grey': 'Grau',
  'setup.colour.light-violet': 'Helles Violett',
  'setup.colour.violet': 'Violett',
  'setup.colour.blue': 'Blau',
  'setup.colour.light-blue': 'Hellblau',
  'setup.colour.yellow': 'Gelb',
  'setup.colour.orange': 'Orange',
  'setup.colour.green': 'Grün',
  'setup.colour.light-green': 'Hellgrün',
  'setup.colour.light-red': 'Hellrot',
  'setup.colour.red': 'Rot',
  'setup.colour.white': 'Weiß',

  'setup.rotation.heading': 'Wechsel zwischen den Stationen',
  'setup.rotation.mode': 'Wie finden die Gruppen ihren Tisch?',
  'setup.rotation.free': 'Frei',
  'setup.rotation.free.hint': 'Alle wählen in jeder Station selbst einen Tisch.',
  'setup.rotation.generated': 'Automatischer Plan',
  'setup.rotation.generated.hint':
    'Tablecloth verteilt die Gruppen so, dass jede Gruppe möglichst neue Themen und neue Leute trifft.',
  'setup.rotation.fixed': 'Eigener Plan',
  'setup.rotation.fixed.hint':
    'Du legst für jede Station fest, welche Gruppe an welchem Tisch sitzt.',
  'setup.rotation.needsGroups': 'Lege dafür zuerst mindestens eine Gruppe an.',
  'setup.rotation.preview.caption': 'Vorschau: an welchem Tisch jede Gruppe in jeder Station sitzt',
  'setup.rotation.plan.caption': 'Sitzplan: wähle für jede Station den Tisch jeder Gruppe',
  'setup.rotation.plan.choose': '– Tisch wählen –',
  'setup.rotation.plan.adopt': 'Automatischen Plan übernehmen',
  'setup.rotation.plan.adopted':
    'Der automatische Plan ist übernommen. Du kannst ihn jetzt anpassen.',
  'setup.rotation.station': 'Station',
  'setup.rotation.group': 'Gruppe',
  'setup.rotation.table': 'Tisch {number}: {topic}',
  'setup.rotation.tableUntitled': 'Tisch {number}',

  'setup.options.heading': 'Optionen',
  'setup.options.showBoard': 'Teilnehmenden das Board zeigen',
  'setup.options.startTimer': 'Timer beim Stationswechsel automatisch starten',
  'setup.options.startTimer.hint':
    'Sonst startet der Kontrollraum den Timer der neuen Station, sobald alle Gruppen am Tisch sitzen.',
  'setup.options.showBoard.hint':
    'Auf der Handy-Seite sehen Teilnehmende dann auch das Board ihres Tisches.',

  'setup.pin.label': 'Einrichtungs-PIN',
  'setup.pin.hint':
    'Dieser Server fragt beim Anlegen nach einer PIN, damit nicht jede Person im Netz Veranstaltungen anlegen kann. Die PIN bekommst du von der Person, die den Server betreibt.',

  'setup.submit': 'Veranstaltung anlegen',
  'setup.submit.sending': 'Wird angelegt …',
  'setup.submit.unreachable':
    'Server nicht erreichbar. Dein Entwurf bleibt auf diesem Gerät gespeichert. Prüfe die Verbindung und versuche es dann erneut.',
  'setup.submit.rateLimited':
    'Gerade kommen zu viele Anfragen an. Warte einen Moment und versuche es dann erneut.',
  'setup.submit.rateLimitedFor.one':
    'Zu viele neue Veranstaltungen von diesem Gerät; in 1 Minute wieder möglich. Dein Entwurf bleibt gespeichert.',
  'setup.submit.rateLimitedFor.other':
    'Zu viele neue Veranstaltungen von diesem Gerät; in {minutes} Minuten wieder möglich. Dein Entwurf bleibt gespeichert.',
  'setup.submit.pinLocked.one':
    'Zu viele falsche PINs von diesem Gerät; in 1 Minute wieder möglich. Dein Entwurf bleibt gespeichert.',
  'setup.submit.pinLocked.other':
    'Zu viele falsche PINs von diesem Gerät; in {minutes} Minuten wieder möglich. Dein Entwurf bleibt gespeichert.',
  'setup.submit.pinRefused':
    'PIN fehlt oder stimmt nicht. Gib die Einrichtungs-PIN ein, die du von der Person bekommen hast, die den Server betreibt. Dein Entwurf bleibt gespeichert.',
  'setup.submit.tooLarge': 'Die Veranstaltung ist zu groß für den Server. Kürze Texte oder Listen.',
  'setup.submit.failed':
    'Die Veranstaltung ließ sich nicht anlegen (Fehler: {code}). Dein Entwurf bleibt gespeichert. Versuche es später erneut.',

  'setup.summary.heading.one': 'Bitte 1 Angabe prüfen',
  'setup.summary.heading.other': 'Bitte {count} Angaben prüfen',
  'setup.summary.fromServer': 'Der Server hat die Veranstaltung so nicht angenommen.',

  'setup.issue.format': '{field}: {reason}',
  'setup.issue.required': 'Bitte ausfüllen.',
  'setup.issue.invalid_type': 'Dieser Wert hat die falsche Form.',
  'setup.issue.too_short': 'Mindestens {min} Zeichen.',
  'setup.issue.too_long': 'Höchstens {max} Zeichen.',
  'setup.issue.too_few': 'Zu wenige, mindestens {min}.',
  'setup.issue.too_many': 'Zu viele, höchstens {max}.',
  'setup.issue.invalid_date': 'Bitte ein gültiges Datum angeben.',
  'setup.issue.invalid_id':
    'Die Kennung darf nur 1 bis 32 Buchstaben, Ziffern, - oder _ enthalten.',
  'setup.issue.duplicate_id': 'Die Kennung „{id}“ ist schon vergeben.',
  'setup.issue.unknown_table': 'Den Tisch „{id}“ gibt es nicht.',
  'setup.issue.unknown_group': 'Die Gruppe „{id}“ gibt es nicht.',
  'setup.issue.group_not_seated': 'Bitte einen Tisch wählen.',
  'setup.issue.table_shared': '{table} ist in dieser Station schon mit {group} besetzt.',
  'setup.issue.not_a_number': 'Bitte eine Zahl eingeben.',
  'setup.issue.not_an_integer': 'Bitte eine ganze Zahl eingeben.',
  'setup.issue.out_of_range': 'Dieser Wert liegt außerhalb des erlaubten Bereichs.',
  'setup.issue.out_of_range.min': 'Mindestens {min}.',
  'setup.issue.out_of_range.max': 'Höchstens {max}.',
  'setup.issue.invalid_option': 'Bitte eine der angebotenen Möglichkeiten wählen.',
  'setup.issue.invalid_colour': 'Bitte eine Farbe aus der Liste wählen.',
  'setup.issue.invalid_value': 'Dieser Wert ist nicht zulässig.',
  'setup.issue.too_many_issues': '{omitted} weitere Angaben sind ebenfalls zu prüfen.',

  'setup.label.event': 'Veranstaltung',
  'setup.label.join': '{outer}, {inner}',
  'setup.label.id': 'Kennung',
  'setup.label.rotation': 'Gruppenwechsel',
  'setup.label.questions': 'Fragen',
  'setup.label.plan': 'Sitzplan',
  'setup.label.namedGroup': 'Gruppe „{name}“',

  'setup.result.heading': 'Die Veranstaltung ist angelegt',
  'setup.result.controlLink': 'Link zum Kontrollraum',
  'setup.result.warning':
    'Diesen Link sicher aufbewahren: nur mit ihm lässt sich die Veranstaltung steuern.',
  'setup.result.copy': 'Link kopieren',
  'setup.result.copied': 'Der Link ist kopiert.',
  'setup.result.copyFailed':
    'Kopieren ging nicht. Der Link ist markiert: kopiere ihn mit Strg+C (Mac: Cmd+C).',
  'setup.result.open': 'Kontrollraum öffnen',
  'setup.result.remembered':
    'Dieses Gerät merkt sich die Veranstaltung unter „Meine Veranstaltungen auf diesem Gerät“.',
  'setup.result.back': 'Zurück zum Entwurf',

  'setup.myEvents.heading': 'Meine Veranstaltungen auf diesem Gerät',
  'setup.myEvents.hint':
    'Nur in diesem Browser gespeichert. Auf einem anderen Gerät brauchst du den Link zum Kontrollraum.',
  'setup.myEvents.open': 'Kontrollraum öffnen',
  'setup.myEvents.openNamed': 'Kontrollraum öffnen: {title}',
  'setup.myEvents.forget': 'Vom Gerät entfernen',
  'setup.myEvents.forgetNamed': 'Vom Gerät entfernen: {title}',
  'setup.myEvents.confirmForget':
    '„{title}“ von diesem Gerät entfernen? Ohne den Link zum Kontrollraum lässt sich die Veranstaltung nicht mehr steuern.',
} as const
