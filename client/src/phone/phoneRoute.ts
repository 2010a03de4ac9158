import { PATH_SEGMENT } from '@tablecloth/shared'

/** Where a phone link points: `/p/<eventId>/<tableId>`, with ids as the server accepts them. */
export interface PhoneLink {
  eventId: string
  tableId: string
}

const PHONE_PATH = new RegExp(`^/p/(${PATH_SEGMENT})/(${PATH_SEGMENT})/?$`)

/** The event and table of a phone page's path, or null for any other path. */
export function parsePhonePath(pathname: string): PhoneLink | null {
  const match = PHONE_PATH.exec(pathname)
  if (!match?.[1] || !match[2]) return null
  return { eventId: match[1], tableId: match[2] }
}
