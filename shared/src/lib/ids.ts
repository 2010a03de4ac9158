/**
 * The one id grammar. Every id that travels in a URL (event, table, station
 * and question ids, link tokens, note ids after `shape:`) is made of the
 * URL-safe base64 alphabet, so it needs no escaping anywhere and can never
 * hold a slash, a dot or a space.
 *
 * Two lengths, each for a reason:
 * - ids an organiser names in a day's configuration (tables, stations,
 *   questions) stay short enough to read in a file name: at most 32;
 * - a path segment is let through up to 64 characters, so a longer id
 *   reaches the service and gets its own "not found" instead of a bare 404
 *   from the static files.
 */
export const ID_ALPHABET = 'A-Za-z0-9_-'
export const MAX_CONFIG_ID_LENGTH = 32
export const MAX_PATH_SEGMENT_LENGTH = 64
/** A link token is 256 random bits in base64url: always 43 characters. */
export const LINK_TOKEN_LENGTH = 43

/** An id of any length up to `max`, as a regular-expression fragment without anchors. */
export function idPattern(max: number, min = 1): string {
  return `[${ID_ALPHABET}]{${min},${max}}`
}

/** A path segment that can name an event, a table or carry a token, as a fragment without anchors. */
export const PATH_SEGMENT = idPattern(MAX_PATH_SEGMENT_LENGTH)

const CONFIG_ID = new RegExp(`^${idPattern(MAX_CONFIG_ID_LENGTH)}$`)
const PATH_SEGMENT_EXACT = new RegExp(`^${PATH_SEGMENT}$`)
const LINK_TOKEN = new RegExp(`^${idPattern(LINK_TOKEN_LENGTH, LINK_TOKEN_LENGTH)}$`)

/** A table, station or question id as the day's configuration may hold it. */
export function isConfigId(value: string): boolean {
  return CONFIG_ID.test(value)
}

/** A path segment that may name an event or table, or carry a token. */
export function isPathSegmentId(value: string): boolean {
  return PATH_SEGMENT_EXACT.test(value)
}

/** A link token as the server issues them; anything else is refused before hashing. */
export function isWellFormedLinkToken(value: string): boolean {
  return LINK_TOKEN.test(value)
}
