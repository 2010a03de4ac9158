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

const PHONE_PATH = new RegExp(`^/p/(${PATH_SEGMENT})/(${PATH_SEGMENT})/?$`)
// Three segments, so no table id (a single segment) can be taken for a group.
const GROUP_PHONE_PATH = new RegExp(`^/p/(${PATH_SEGMENT})/g/(${PATH_SEGMENT})/?$`)

/** The event and table of a phone page's path, or null for any other path. */
export function parsePhonePath(pathname: string): PhoneLink | null {
  const match = PHONE_PATH.exec(pathname)
  if (!match?.[1] || !match[2]) return null
  return { eventId: match[1], tableId: match[2] }
}

/** The event and group of a group phone page's path, or null for any other path. */
export function parseGroupPhonePath(pathname: string): GroupPhoneLink | null {
  const match = GROUP_PHONE_PATH.exec(pathname)
  if (!match?.[1] || !match[2]) return null
  return { eventId: match[1], groupId: match[2] }
}
