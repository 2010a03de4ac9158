import { randomBytes } from 'node:crypto'

/** Event ids appear in URLs; 12 base62-ish characters are short to read and hard to guess. */
export function newEventId(): string {
  return randomBytes(9).toString('base64url')
}
