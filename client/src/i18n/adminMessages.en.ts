import type { adminDe } from './adminMessages.de'

/** Looking after an event from the control room: save points, links, deletion, in English. Spread into `en.ts`. */
export const adminEn: Record<keyof typeof adminDe, string> = {
  'admin.heading': 'Administration',
  'admin.saveNow': 'Save all boards now',
  'admin.saveNowHint':
    'Saves every board of the running station without moving on – for example at the end of the last station.',
  'admin.saving': 'Saving …',
  'admin.saved': '{count} boards saved.',
  'admin.linksHeading': 'Renew links',
  'admin.linksHint':
    'A renewed link replaces the old one at once: devices using the old link lose access within a second.',
  'admin.rotateControl': 'Renew the control room link',
  'admin.rotateControlConfirm':
    'Renew the control room link? The old link stops working – keep the new one.',
  'admin.rotateGallery': 'Renew the gallery link',
  'admin.rotateBoard': 'Renew board link',
  'admin.rotateProjector': 'Renew projector link',
  'admin.rotatePhone': 'Renew phone link',
  'admin.rotateConfirm':
    'Renew “{link}” of “{table}”? Whoever uses the old link is signed out at once.',
  'admin.rotated': 'New link:',
  'admin.rotatedControl': 'New control room link – keep it now, the old one no longer works:',
  'admin.expires': 'This event is deleted automatically on {date}.',
  'admin.keeps': 'This event stays stored until it is deleted.',
  'admin.deleteHeading': 'Delete event',
  'admin.deleteHint':
    'Deletes the event with all boards, notes, snapshots and links from the server for good. Exports already downloaded stay where they are.',
  'admin.deleteTypeTitle': 'To confirm, type the event’s title: “{title}”',
  'admin.deleteConfirm': 'Delete for good',
  'admin.deleting': 'Deleting …',
  'admin.deleted.heading': 'Event deleted',
  'admin.deleted.body':
    'The event and all its data are deleted from the server. All its links now lead nowhere.',
}
