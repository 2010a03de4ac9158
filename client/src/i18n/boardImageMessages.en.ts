import type { boardImagesDe } from './boardImageMessages.de'

/** Board images of every table at every station (control room, and the README.txt in the ZIP), in English. Spread into `en.ts`. */
export const boardImagesEn: Record<keyof typeof boardImagesDe, string> = {
  'boardImages.heading': 'Board images',
  'boardImages.hint':
    'Every table at the end of every station as SVG and PNG, in one ZIP file. The images are drawn here in the browser from the boards’ snapshots.',
  'boardImages.button': 'Download board images (ZIP)',
  'boardImages.busy': 'Drawing board images …',
  'boardImages.preparing': 'Preparing the images …',
  'boardImages.progress': 'Image {current} of {total} …',
  'boardImages.progressLabel': 'Board images progress',
  'boardImages.zipping': 'Packing the ZIP file …',
  'boardImages.done': '{count} board images saved: {file}',
  'boardImages.doneWithFailures':
    '{count} board images saved: {file}. {failed} could not be drawn; the README.txt in the ZIP file lists them.',
  'boardImages.empty':
    'No board has been saved yet. Board images are there from the first station change (“Save boards and move on”).',
  'boardImages.failed': 'The board images could not be made. Reload the page and try again.',

  'boardImages.readme.title': 'Board images: {event}',
  'boardImages.readme.created': 'Made on {time} in the organisers’ browser, from the boards’ snapshots.',
  'boardImages.readme.formats':
    'One folder per topic table, and in it one image per station: as SVG (vector graphics, scales to any size, fonts embedded) and as PNG (double resolution, for printing). Each image shows one station’s columns with their notes.',
  'boardImages.readme.sources':
    'Stations that have ended show the board as it was at the station change (“Save boards and move on”). The running station shows the latest state saved while it ran (for instance before a restore); otherwise there is no image of it yet.',
  'boardImages.readme.table': 'Topic table {number}: {table}',
  'boardImages.readme.station': 'Station {number}: {station}',
  'boardImages.readme.files': 'Files: {files}',
  'boardImages.readme.sourceStationChange': 'Source: the board at the station change, {time} (snapshot {id})',
  'boardImages.readme.sourceRunning': 'Source: station still running; state saved at {time} (snapshot {id})',
  'boardImages.readme.sourceRunningPreRestore':
    'Source: station still running; state kept before a restore, {time} (snapshot {id})',
  'boardImages.readme.missingEnded': 'No image: no state of this board was saved at the station change.',
  'boardImages.readme.missingRunning': 'No image: the station is still running and no state of it has been saved yet.',
  'boardImages.readme.failed': 'No image: the state of {time} (snapshot {id}) could not be drawn.',
}
