import { crc32 } from 'node:zlib'
import * as Y from 'yjs'

/**
 * Whether a stored Yjs part (a logged update, a compacted state, a snapshot)
 * is what was written.
 *
 * A byte flipped on disk can leave bytes that still decode as a Yjs update,
 * only with other ids or content: decoding alone cannot tell. So every part
 * is stored with a CRC32 of its bytes. Rows written before checksums existed
 * have none (NULL); for those, decoding is the only check left.
 */

/** CRC32 of a part's bytes, as stored in the row's `checksum` column. */
export function checksumOf(part: Uint8Array): number {
  return crc32(part)
}

/** Whether bytes are a Yjs update at all: they decode, and merge on their own. */
export function decodesAsUpdate(part: Uint8Array): boolean {
  try {
    Y.decodeUpdate(part)
    Y.mergeUpdates([part, new Uint8Array([0, 0])])
    return true
  } catch {
    // Not an update: the caller reports the part as damaged, so nothing is lost silently.
    return false
  }
}

/**
 * Whether a stored part is intact: its checksum matches, or, for a row
 * written before checksums (`checksum` null), it at least decodes. Cheap
 * enough for every load: CRC32 runs at memory speed.
 */
export function isIntact(part: Uint8Array, checksum: number | null): boolean {
  return checksum === null ? decodesAsUpdate(part) : checksumOf(part) === checksum
}

/**
 * Whether a stored part can be used: intact, and an update. For reading
 * around damage, where one unusable part must not cost the others: a part
 * stored with a matching checksum may still never have been an update.
 */
export function isReadable(part: Uint8Array, checksum: number | null): boolean {
  return isIntact(part, checksum) && (checksum === null || decodesAsUpdate(part))
}
