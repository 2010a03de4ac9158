import type { Messages } from './de'
import { dayEn } from './dayMessages.en'
import { captureEn } from './captureMessages.en'
import { setupEn } from './setupMessages.en'
import { groupPhoneEn } from './groupPhoneMessages.en'
import { phoneEn } from './phoneMessages.en'
import { projectorEn } from './projectorMessages.en'
import { galleryEn } from './galleryMessages.en'
import { boardImagesEn } from './boardImageMessages.en'
import { resultsEn } from './resultsMessages.en'
import { adminEn } from './adminMessages.en'
import { presenceEn } from './presenceMessages.en'
import { qrSheetEn } from './qrSheetMessages.en'
import { recapEn } from './recapMessages.en'
import { themesEn } from './themesMessages.en'

/** English. Typed as `Messages`, so a key missing here, or one German lacks, fails to compile. */
export const en: Messages = {
  ...dayEn,
  ...captureEn,
  ...setupEn,
  ...phoneEn,
  ...groupPhoneEn,
  ...projectorEn,
  ...galleryEn,
  ...boardImagesEn,
  ...resultsEn,
  ...adminEn,
  ...presenceEn,
  ...qrSheetEn,
  ...recapEn,
  ...themesEn,
  'app.name': 'Tablecloth',
  'app.loading': 'Loading …',
  'app.reload': 'Reload page',
  'app.backHome': 'Back to the start page',

  'notFound.heading': 'Page not found',
  'notFound.body': 'This address does not exist. Check the link or ask the organisers.',

  'language.label': 'Language',
  'language.de': 'Deutsch',
  'language.en': 'English',
  'language.de.short': 'DE',
  'language.en.short': 'EN',
  'language.switchTo': 'Switch language to {language}',

  'board.documentTitle': '{topic} · Tablecloth',
  'board.projectorDocumentTitle': 'Projector · {topic} · Tablecloth',
  'board.heading': 'Table {number} – {topic}',
  'board.projectorHeading': 'Table {number} – {topic}',
  'board.loading': 'Loading the board …',
  'board.noToken.heading': 'This link is incomplete',
  'board.noToken.body':
    'The link is missing its access key. Open the full link from the control room or scan the QR code again.',
  'board.incompatible.heading': 'This board comes from a newer version',
  'board.incompatible.body':
    'The board was edited with a newer version of Tablecloth than this device knows. To keep it intact it stays closed here. Reload the page once the server is reachable.',

  'board.failed.heading': 'The board could not be opened',
  'board.failed.body':
    'Something went wrong while opening it. Reload the page; if that does not help, tell the organisers.',
  'connection.label': 'Connection',
  'connection.online': 'Online',
  'connection.online.hint': 'Connected. Every change is on the server.',
  'connection.syncing': 'Syncing …',
  'connection.syncing.hint': 'Connecting and exchanging changes.',
  'connection.offline': 'Offline',
  'connection.offline.hint': 'No network or the server is unreachable. Still trying.',
  'connection.savedLocally': 'Saved on this device',
  'connection.savedLocally.hint':
    'Offline. Your changes are safe on this device and will be sent once the server is reachable again.',
  'connection.stopped': 'Disconnected',
  'connection.stopped.hint': 'The server refused the connection. See the notice above.',

  'close.protocolMismatch.heading': 'This page is out of date',
  'close.protocolMismatch.body':
    'The server has been updated. Reload the page; your notes on this device are kept and sent afterwards.',
  'close.unauthorized.heading': 'Access refused',
  'close.unauthorized.body':
    'This link is invalid or has been withdrawn. Ask the organisers for a new link. What you already wrote here stays on this device.',
  'close.forbidden.heading': 'Not allowed',
  'close.forbidden.body':
    'This link may not edit this board. Ask the organisers for the right link.',
  'close.notFound.heading': 'Board not found',
  'close.notFound.body':
    'This event or table does not exist (any more). Ask the organisers for the current link.',
  'close.boardFull.heading': 'This board is full',
  'close.boardFull.body':
    'There is no room left on this board: the server saves nothing new on it. Your latest changes are kept on this device only. The board stays readable here. Please contact the organisers.',
  'close.rejected.heading': 'The board refused a change',
  'close.rejected.body':
    'The board refused something this device sent, so that it stays readable for everyone. The connection is closed; the board stays readable here. Reload the board from the server: it comes as the server has it; what only this device had is dropped. If that does not help, contact the organisers.',
  'close.rejected.discard': 'Reload from the server',

  'close.other.heading': 'Connection ended',
  'close.other.body': 'The server ended the connection (code {code}). Reload the page.',

  'user.nameLabel': 'Your name',
  'user.namePrompt': 'How should the others see you on the board?',
  'user.nameSave': 'Save',
  'user.nameEdit': 'Change name: {name}',
  'user.defaultName': 'Moderator',
}
