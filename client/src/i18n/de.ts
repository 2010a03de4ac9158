import { dayDe } from './dayMessages.de'
import { captureDe } from './captureMessages.de'
import { setupDe } from './setupMessages.de'
import { groupPhoneDe } from './groupPhoneMessages.de'
import { phoneDe } from './phoneMessages.de'
import { projectorDe } from './projectorMessages.de'
import { galleryDe } from './galleryMessages.de'
import { boardImagesDe } from './boardImageMessages.de'
import { resultsDe } from './resultsMessages.de'
import { adminDe } from './adminMessages.de'
import { presenceDe } from './presenceMessages.de'
import { qrSheetDe } from './qrSheetMessages.de'
import { recapDe } from './recapMessages.de'
import { themesDe } from './themesMessages.de'

/**
 * German, the default language. Every key here must also exist in `en.ts`
 * (the type of `en` enforces it), with the same `{placeholders}`.
 */
export const de = {
  ...dayDe,
  ...captureDe,
  ...setupDe,
  ...phoneDe,
  ...groupPhoneDe,
  ...projectorDe,
  ...galleryDe,
  ...boardImagesDe,
  ...resultsDe,
  ...adminDe,
  ...presenceDe,
  ...qrSheetDe,
  ...recapDe,
  ...themesDe,
  'app.name': 'Tablecloth',
  'app.loading': 'Wird geladen …',
  'app.reload': 'Seite neu laden',
  'app.backHome': 'Zur Startseite',

  'notFound.heading': 'Seite nicht gefunden',
  'notFound.body': 'Diese Adresse gibt es nicht. Prüfe den Link oder frag das Organisationsteam.',

  'language.label': 'Sprache',
  'language.de': 'Deutsch',
  'language.en': 'English',
  'language.de.short': 'DE',
  'language.en.short': 'EN',
  'language.switchTo': 'Sprache wechseln zu {language}',

  'board.documentTitle': '{topic} · Tablecloth',
  'board.projectorDocumentTitle': 'Beamer · {topic} · Tablecloth',
  'board.heading': 'Tisch {number} – {topic}',
  'board.projectorHeading': 'Tisch {number} – {topic}',
  'board.loading': 'Board wird geladen …',
  'board.noToken.heading': 'Dieser Link ist unvollständig',
  'board.noToken.body':
    'Dem Link fehlt der Zugangsschlüssel. Öffne den vollständigen Link aus dem Kontrollraum oder scanne den QR-Code erneut.',
  'board.incompatible.heading': 'Dieses Board stammt aus einer neueren Version',
  'board.incompatible.body':
    'Das Board wurde mit einer neueren Version von Tablecloth bearbeitet, als dieses Gerät kennt. Damit nichts beschädigt wird, bleibt es hier geschlossen. Lade die Seite neu, sobald der Server erreichbar ist.',

  'board.failed.heading': 'Das Board ließ sich nicht öffnen',
  'board.failed.body':
    'Beim Öffnen ist ein Fehler aufgetreten. Lade die Seite neu; hilft das nicht, melde dich beim Organisationsteam.',
  'connection.label': 'Verbindung',
  'connection.online': 'Online',
  'connection.online.hint': 'Verbunden. Alle Änderungen sind beim Server.',
  'connection.syncing': 'Synchronisiert …',
  'connection.syncing.hint': 'Verbindung wird aufgebaut und Änderungen werden abgeglichen.',
  'connection.offline': 'Offline',
  'connection.offline.hint': 'Kein Netz oder Server nicht erreichbar. Es wird weiter versucht.',
  'connection.savedLocally': 'Auf diesem Gerät gespeichert',
  'connection.savedLocally.hint':
    'Offline. Deine Änderungen sind auf diesem Gerät gesichert und werden übertragen, sobald der Server wieder erreichbar ist.',
  'connection.stopped': 'Getrennt',
  'connection.stopped.hint': 'Der Server hat die Verbindung abgelehnt. Siehe Hinweis oben.',

  'close.protocolMismatch.heading': 'Diese Seite ist veraltet',
  'close.protocolMismatch.body':
    'Der Server wurde aktualisiert. Lade die Seite neu; deine Notizen auf diesem Gerät bleiben erhalten und werden danach übertragen.',
  'close.unauthorized.heading': 'Zugang abgelehnt',
  'close.unauthorized.body':
    'Dieser Link ist ungültig oder wurde zurückgezogen. Hol dir beim Organisationsteam einen neuen Link. Was du hier schon geschrieben hast, bleibt auf diesem Gerät.',
  'close.forbidden.heading': 'Keine Berechtigung',
  'close.forbidden.body':
    'Mit diesem Link darfst du dieses Board nicht bearbeiten. Frag das Organisationsteam nach dem richtigen Link.',
  'close.notFound.heading': 'Board nicht gefunden',
  'close.notFound.body':
    'Diese Veranstaltung oder dieser Tisch existiert nicht (mehr). Frag das Organisationsteam nach dem aktuellen Link.',
  'close.boardFull.heading': 'Dieses Board ist voll',
  'close.boardFull.body':
    'Auf diesem Board ist kein Platz mehr: Der Server speichert darauf nichts Neues mehr. Was du zuletzt geändert hast, ist nur auf diesem Gerät gesichert. Das Board bleibt hier lesbar. Bitte wende dich an das Organisationsteam.',
  'close.rejected.heading': 'Das Board hat eine Änderung abgelehnt',
  'close.rejected.body':
    'Das Board hat etwas abgelehnt, das dieses Gerät geschickt hat, damit es für alle lesbar bleibt. Die Verbindung ist getrennt; das Board bleibt hier lesbar. Lade das Board vom Server neu: Es kommt so, wie der Server es hat; was nur dieses Gerät hatte, wird dabei verworfen. Hilft das nicht, melde dich beim Organisationsteam.',
  'close.rejected.discard': 'Vom Server neu laden',

  'close.other.heading': 'Verbindung beendet',
  'close.other.body': 'Der Server hat die Verbindung beendet (Code {code}). Lade die Seite neu.',

  'user.nameLabel': 'Dein Name',
  'user.namePrompt': 'Wie sollen dich die anderen am Board sehen?',
  'user.nameSave': 'Übernehmen',
  'user.nameEdit': 'Namen ändern: {name}',
  'user.defaultName': 'Moderation',
} satisfies Record<string, string>

export type MessageKey = keyof typeof de
export type Messages = Record<MessageKey, string>
