import { PATH_SEGMENT } from '@tablecloth/shared'

/** Where a table's phone link points: `/p/<eventId>/<tableId>`, with ids as the server accepts them. */
export interface PhoneLink {
  eventId: string
  tableId: string
}

/** Where a group's phone link points: `/p/<eventId>/g/<groupId>`; the table follows the rotation. */
export interface GroupPhoneLink {
  eventId: string
  groupId: string
}

// `g/` makes three segments, so no table id (a single segment) is taken for a group.
const PHONE_PATH = new RegExp(`^/p/(${PATH_SEGMENT})/(g/)?(${PATH_SEGMENT})/?$`)

/** The event and table or group of a phone page's path, or null for any other path. */
export function parsePhoneLink(pathname: string): PhoneLink | GroupPhoneLink | null {
  const match = PHONE_PATH.exec(pathname)
  const [, eventId, group, id] = match ?? []
  if (!eventId || !id) return null
  return group ? { eventId, groupId: id } : { eventId, tableId: id }
}

/** The event and table of a table's phone link, or null for any other path. */
export function parsePhonePath(pathname: string): PhoneLink | null {
  const link = parsePhoneLink(pathname)
  return link && 'tableId' in link ? link : null
}

/** The event and group of a group's phone link, or null for any other path. */
export function parseGroupPhonePath(pathname: string): GroupPhoneLink | null {
  const link = parsePhoneLink(pathname)
  return link && 'groupId' in link ? link : null
}
