/**
 * German messages of the participants' phone page (`phone.*`). Every key must
 * also exist in `phoneMessages.en.ts` (its type enforces it), with the same
 * `{placeholders}`. Spread into `de.ts`. The phone page reads only these (see
 * `phone/usePhoneT.ts`), so it holds every word it shows, the language switch's
 * included: the full catalogs would weigh more than the page's own code.
 */
import { stationLineDe } from './stationLineMessages.de'

export const phoneDe = {
  ...stationLineDe,
  'phone.documentTitle': '{topic} · Tablecloth',
  'phone.appName': 'Tablecloth',
  'phone.loading': 'Wird geladen …',
  'phone.language.label': 'Sprache',
  'phone.language.de': 'Deutsch',
  'phone.language.en': 'English',
  'phone.language.de.short': 'DE',
  'phone.language.en.short': 'EN',
  'phone.language.switchTo': 'Sprache wechseln zu {language}',
  'phone.tableLabel': 'Tisch {number}',
  'phone.intro':
    'Schreib hier eine Karte für das Board deines Tisches. Was die anderen schreiben, siehst du am Board, nicht hier.',
  'phone.column.legend': 'Zu welcher Frage?',
  'phone.text.label': 'Deine Karte',
  'phone.text.hint': 'Ein Gedanke pro Karte, höchstens {max} Zeichen.',
  'phone.text.counter': '{count} / {max} Zeichen',
  'phone.text.over': '{over} Zeichen zu viel',
  'phone.send': 'Karte senden',
  'phone.sending': 'Wird gesendet …',
  'phone.sent': 'Gesendet – erscheint gleich am Board',
  'phone.problem.noColumn': 'Wähle zuerst die Frage, zu der deine Karte gehört.',
  'phone.problem.empty': 'Deine Karte ist noch leer.',
  'phone.problem.tooLong':
    'Deine Karte ist zu lang: höchstens {max} Zeichen passen darauf. Kürze sie bitte um {over} Zeichen.',
  'phone.error.rateLimited.one':
    'Du hast gerade viele Karten geschickt. Warte bitte 1 Sekunde, dann kannst du wieder senden. Dein Text bleibt stehen.',
  'phone.error.rateLimited.other':
    'Du hast gerade viele Karten geschickt. Warte bitte {seconds} Sekunden, dann kannst du wieder senden. Dein Text bleibt stehen.',
  'phone.error.network':
    'Keine Verbindung zum Server. Dein Text bleibt hier stehen. Prüfe das WLAN und sende noch einmal.',
  'phone.error.stationChanged':
    'Inzwischen läuft eine neue Station mit neuen Fragen. Wähle bitte die passende Frage. Dein Text bleibt stehen.',
  'phone.error.storage':
    'Der Server konnte die Karte gerade nicht speichern. Dein Text bleibt stehen. Versuche es gleich noch einmal.',
  'phone.error.boardFull':
    'Das Board dieses Tisches ist voll: Deine Karte wurde nicht angenommen. Sag bitte der Moderation Bescheid. Dein Text bleibt stehen.',
  'phone.error.failed': 'Das hat nicht geklappt (Fehler: {code}). Dein Text bleibt stehen.',
  'phone.invalidLink.heading': 'Dieser Link funktioniert nicht',
  'phone.invalidLink.body':
    'Der Link ist unvollständig, ungültig oder gehört zu einem anderen Tisch. Scanne den QR-Code an deinem Tisch noch einmal oder frag die Moderation.',
  'phone.notFound.heading': 'Veranstaltung nicht gefunden',
  'phone.notFound.body':
    'Diese Veranstaltung oder dieser Tisch existiert nicht (mehr). Frag die Moderation nach dem aktuellen QR-Code.',
  'phone.unreachable.heading': 'Keine Verbindung',
  'phone.unreachable.body':
    'Der Server ist gerade nicht erreichbar. Prüfe, ob du im WLAN der Veranstaltung bist, und versuche es noch einmal.',
  'phone.retry': 'Noch einmal versuchen',
  'phone.showBoard': 'Board dieses Tisches ansehen',
} as const
