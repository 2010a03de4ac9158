import type { boardImagesDe } from './boardImageMessages.de'

/** Board images of every table at every station (control room, and the README.txt in the ZIP), in English. Spread into `en.ts`. */
export const boardImagesEn: Record<keyof typeof boardImagesDe, string> = {
  'boardImages.heading': 'Board images',
  'boardImages.hint':
    'Every table at every station as SVG and PNG, in one ZIP file, with the dots on the notes. Stations that have ended show the board at the station change, the running station the board as it is right now. The images are drawn here in the browser.',
  'boardImages.button': 'Download board images (ZIP)',
  'boardImages.busy': 'Drawing board images …',
  'boardImages.preparing': 'Preparing the images …',
  'boardImages.progress': 'Image {current} of {total} …',
  'boardImages.progressLabel': 'Board images progress',
  'boardImages.zipping': 'Packing the ZIP file …',
  'boardImages.done': '{count} board images saved: {file}',
  'boardImages.doneWithFailures':
    '{count} board images saved: {file}. {failed} could not be drawn; the README.txt in the ZIP file lists them.',
  'boardImages.failed': 'The board images could not be made. Reload the page and try again.',

  'boardImages.readme.title': 'Board images: {event}',
  'boardImages.readme.created': 'Made on {time} in the organisers’ browser.',
  'boardImages.readme.formats':
    'One folder per topic table, and in it one image per station: as SVG (vector graphics, scales to any size, fonts embedded) and as PNG (double resolution, for printing). Each image shows one station’s columns with their notes; a note’s dots are the violet number at its top right corner.',
  'boardImages.readme.sources':
    'Stations that have ended show the board as it was at the station change (“Save boards and move on”). The running station shows the board as it was at the download (read live from the server, with every note written until then).',
  'boardImages.readme.table': 'Topic table {number}: {table}',
  'boardImages.readme.station': 'Station {number}: {station}',
  'boardImages.readme.files': 'Files: {files}',
  'boardImages.readme.sourceStationChange':
    'Source: the board at the station change, {time} (snapshot {id})',
  'boardImages.readme.sourceLive': 'Source: station still running; board read live at {time}',
  'boardImages.readme.sourceLiveEnded':
    'Source: no state was saved at the station change; board read live at {time}',
  'boardImages.readme.failed': 'No image: the state of {time} (snapshot {id}) could not be drawn.',
  'boardImages.readme.failedLive': 'No image: the board could not be read or drawn.',
}
