/** The encodings the build writes beside a file (`.br`, `.gz`), in the order the server prefers them. */
export const PRECOMPRESSED = [
  { coding: 'br', suffix: '.br' },
  { coding: 'gzip', suffix: '.gz' },
] as const

export type ContentCoding = (typeof PRECOMPRESSED)[number]['coding']

/**
 * Picks the representation of a file to send from the request's
 * `Accept-Encoding` (RFC 9110 §12.5.3): the available coding with the highest
 * weight, brotli before gzip at equal weight, and the file as it is when
 * neither is acceptable. A coding the header does not name is acceptable only
 * through `*`; `q=0` refuses it. Without the header nothing is encoded.
 *
 * When the client even refuses `identity` and accepts nothing available, the
 * file is still sent as it is: a readable answer serves better than a 406.
 */
export function chooseContentCoding(
  acceptEncoding: string | undefined,
  available: ReadonlySet<ContentCoding>,
): ContentCoding | 'identity' {
  if (acceptEncoding === undefined || available.size === 0) return 'identity'
  const weights = parseAcceptEncoding(acceptEncoding)
  const weightOf = (coding: string) => weights.get(coding) ?? weights.get('*') ?? 0
  let best: ContentCoding | 'identity' = 'identity'
  let bestWeight = 0
  for (const { coding } of PRECOMPRESSED) {
    if (!available.has(coding)) continue
    const weight = weightOf(coding)
    if (weight > bestWeight) {
      best = coding
      bestWeight = weight
    }
  }
  return best
}

/** `gzip, br;q=0.9, *;q=0` as coding → weight; malformed weights count as 0, later entries win. */
function parseAcceptEncoding(header: string): Map<string, number> {
  const weights = new Map<string, number>()
  for (const part of header.split(',')) {
    const [name, ...parameters] = part.split(';').map((piece) => piece.trim())
    if (!name) continue
    let weight = 1
    for (const parameter of parameters) {
      const match = /^q\s*=\s*([0-9.]+)$/i.exec(parameter)
      if (match) weight = qValue(match[1]!)
    }
    // `x-gzip` is gzip by another name (RFC 9110 §8.4.1.3).
    weights.set(name.toLowerCase() === 'x-gzip' ? 'gzip' : name.toLowerCase(), weight)
  }
  return weights
}

function qValue(text: string): number {
  const value = Number(text)
  return Number.isFinite(value) && value >= 0 && value <= 1 ? value : 0
}
