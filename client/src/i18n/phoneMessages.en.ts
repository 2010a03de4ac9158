import type { phoneDe } from './phoneMessages.de'
import { stationLineEn } from './stationLineMessages.en'

/** English messages of the participants' phone page. Typed against German, so no key can be missing. */
export const phoneEn: Record<keyof typeof phoneDe, string> = {
  ...stationLineEn,
  'phone.documentTitle': '{topic} · Tablecloth',
  'phone.appName': 'Tablecloth',
  'phone.loading': 'Loading …',
  'phone.language.label': 'Language',
  'phone.language.de': 'Deutsch',
  'phone.language.en': 'English',
  'phone.language.de.short': 'DE',
  'phone.language.en.short': 'EN',
  'phone.language.switchTo': 'Switch language to {language}',
  'phone.tableLabel': 'Table {number}',
  'phone.intro':
    'Write a note for your table’s board here. What the others write shows on the board, not here.',
  'phone.column.legend': 'Which question is it for?',
  'phone.text.label': 'Your note',
  'phone.text.hint': 'One thought per note, at most {max} characters.',
  'phone.text.counter': '{count} / {max} characters',
  'phone.text.over': '{over} characters too many',
  'phone.send': 'Send note',
  'phone.sending': 'Sending …',
  'phone.sent': 'Sent – it will appear on the board in a moment',
  'phone.problem.noColumn': 'First choose the question your note belongs to.',
  'phone.problem.empty': 'Your note is still empty.',
  'phone.problem.tooLong':
    'Your note is too long: it holds at most {max} characters. Please shorten it by {over} characters.',
  'phone.error.rateLimited.one':
    'You have just sent a lot of notes. Please wait 1 second, then you can send again. Your text stays here.',
  'phone.error.rateLimited.other':
    'You have just sent a lot of notes. Please wait {seconds} seconds, then you can send again. Your text stays here.',
  'phone.error.network':
    'No connection to the server. Your text stays here. Check the Wi-Fi and send again.',
  'phone.error.stationChanged':
    'A new station with new questions has started in the meantime. Please choose the matching question. Your text stays here.',
  'phone.error.storage':
    'The server could not save the note just now. Your text stays here. Please try again in a moment.',
  'phone.error.boardFull':
    'This table’s board is full: your note was not taken. Please tell the moderator. Your text stays here.',
  'phone.error.failed': 'That did not work (error: {code}). Your text stays here.',
  'phone.invalidLink.heading': 'This link does not work',
  'phone.invalidLink.body':
    'The link is incomplete, invalid or belongs to another table. Scan the QR code at your table again or ask the moderator.',
  'phone.notFound.heading': 'Event not found',
  'phone.notFound.body':
    'This event or table does not exist (any more). Ask the moderator for the current QR code.',
  'phone.unreachable.heading': 'No connection',
  'phone.unreachable.body':
    'The server cannot be reached right now. Check that you are on the event’s Wi-Fi and try again.',
  'phone.retry': 'Try again',
  'phone.showBoard': 'View this table’s board',
}
