import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { isWellFormedLinkToken } from '@tablecloth/shared'

/**
 * Link tokens are 256-bit random values in base64url. The store keeps only a
 * SHA-256 hash, so a leaked database cannot be turned back into working links.
 * A plain hash (no salt or stretching) is enough because the tokens carry full
 * entropy; there is nothing to brute-force.
 */
export function generateToken(): string {
  return randomBytes(32).toString('base64url')
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/** Tokens we issue are exactly 43 base64url characters; anything else is rejected before hashing. */
export function isWellFormedToken(token: string): boolean {
  return isWellFormedLinkToken(token)
}

export function tokensEqual(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}
