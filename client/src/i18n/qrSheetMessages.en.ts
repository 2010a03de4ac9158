import type { qrSheetDe } from './qrSheetMessages.de'

/** The printable sheet of every table's QR codes, in English. Spread into `en.ts`. */
export const qrSheetEn: Record<keyof typeof qrSheetDe, string> = {
  'qrSheet.open': 'Print all QR codes',
  'qrSheet.heading': 'QR codes of all tables',
  'qrSheet.hint':
    'One A4 page per table: its number, topic and the codes for the board, the projector and phones. “Print …” opens the print dialog, which can also “Save as PDF”.',
  'qrSheet.print': 'Print …',
  'qrSheet.close': 'Close',
  'qrSheet.pageLabel': 'Printed page for {table}',
  'qrSheet.number': 'Table {number}',
  'qrSheet.moderator': 'Moderator: {name}',
  'qrSheet.board': 'Board',
  'qrSheet.board.hint':
    'For the moderator: open it on the laptop and write the notes. Do not put it on display.',
  'qrSheet.projector': 'Projector',
  'qrSheet.projector.hint':
    'For the laptop at the projector: shows the board to the room, read-only.',
  'qrSheet.phone': 'Phone',
  'qrSheet.phone.hint':
    'For everyone at the table: send your own notes to the board from your phone.',
  'qrSheet.codeLabel': 'QR code “{kind}” for {table}',
  'qrSheet.hint.groups':
    'The group cards follow, four to a page to cut apart: every group gets its card.',
  'qrSheet.groupPageLabel': 'Print page of group cards: {groups}',
  'qrSheet.group.name': 'Group {name}',
  'qrSheet.group.follow': 'Scan this code: your phone takes you from table to table.',
  'qrSheet.group.free':
    'Scan this code: your phone asks which table you sit at and sends your cards there.',
  'qrSheet.group.codeLabel': 'QR code for the phones of group {name}',
}
