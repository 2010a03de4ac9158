import type { galleryDe } from './galleryMessages.de'

/** The plenary gallery, in English. Spread into `en.ts`. */
export const galleryEn: Record<keyof typeof galleryDe, string> = {
  'gallery.documentTitle': 'Gallery · {title} · Tablecloth',
  'gallery.heading': 'Reviewing the results',
  'gallery.loading': 'Loading the gallery …',
  'gallery.noToken.heading': 'This link is incomplete',
  'gallery.noToken.body':
    'The link is missing its access key. Open the full gallery link from the control room.',
  'gallery.failed.heading': 'The gallery could not be opened',
  'gallery.refused.heading': 'Access to the gallery refused',
  'gallery.refused.body':
    'The server does not let this link see the boards. Get the current gallery link from the control room.',

  'gallery.controls': 'Gallery controls',
  'gallery.mode.grid': 'Overview',
  'gallery.mode.sequence': 'One by one',
  'gallery.mode.label': 'View (key G, themes: T)',
  'gallery.previous': 'Previous table',
  'gallery.next': 'Next table',
  'gallery.position': 'Table {position} of {count}',
  'gallery.stations.label': 'Station (key S, back with Shift+S)',
  'gallery.stations.previous': 'Previous station',
  'gallery.stations.next': 'Next station',
  'gallery.auto.label': 'Advance automatically',
  'gallery.auto.off': 'Off',
  'gallery.auto.every': 'every {seconds} s',
  'gallery.auto.pause': 'Pause',
  'gallery.auto.resume': 'Resume',
  'gallery.auto.countdown': 'Next in {seconds} s',
  'gallery.auto.paused': 'Paused',
  'gallery.keys':
    'Arrow keys, Page Up/Down or Space: change table (after the last table: next station) · S / Shift+S: station forward/back · Home/End · G: overview/one by one · T: themes · Esc: overview',

  'gallery.grid.label': 'All tables',
  'gallery.tile.open': 'Show “{topic}” large',
  'gallery.moderator': 'Moderator: {name}',
  'gallery.board.connecting': 'Connecting to the board …',
  'gallery.board.offline': 'Connection lost – showing the last state',
  'gallery.board.refused': 'This link cannot show this board.',
}
