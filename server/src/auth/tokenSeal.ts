import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'

/**
 * Seals table link tokens under a key derived from the organiser's token.
 * The store keeps only hashes for authentication; the sealed copy lets the
 * organiser (and only someone holding the organiser token) list the links
 * again in the control room, e.g. to print QR codes.
 */
function deriveKey(organiserToken: string, eventId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', organiserToken, eventId, 'tablecloth link seal v1', 32))
}

export function sealToken(token: string, organiserToken: string, eventId: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', deriveKey(organiserToken, eventId), iv)
  const body = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()])
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')
}

/** Returns null when the organiser token does not match the seal. */
export function openToken(sealed: string, organiserToken: string, eventId: string): string | null {
  const raw = Buffer.from(sealed, 'base64url')
  const decipher = createDecipheriv(
    'aes-256-gcm',
    deriveKey(organiserToken, eventId),
    raw.subarray(0, 12),
  )
  decipher.setAuthTag(raw.subarray(12, 28))
  try {
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')
  } catch (error) {
    // GCM authentication failure means the key is wrong, which is an answer, not a fault.
    if (error instanceof Error && /auth/i.test(error.message)) return null
    throw error
  }
}
