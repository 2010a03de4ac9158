import { inflateSync } from 'node:zlib'

/**
 * Unwraps a WOFF 1.0 font into the plain OpenType (sfnt) font it compresses
 * (W3C WOFF 1.0, sections 3–5): each table is inflated once, with Node's
 * zlib, and laid out again behind an sfnt table directory.
 *
 * Why: fontkit reads WOFF itself, but inflates a table with a JavaScript
 * inflater every time it reads from it, and it reads the whole `glyf` table
 * again for every glyph it draws or subsets. For the emoji font that made a
 * small PDF take seconds. The unwrapped font is read in place.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('Not a WOFF 1.0 font')
  const flavor = woff.readUInt32BE(4)
  const numTables = woff.readUInt16BE(12)
  const tables = Array.from({ length: numTables }, (_, index) => {
    const entry = 44 + index * 20
    const offset = woff.readUInt32BE(entry + 4)
    const compLength = woff.readUInt32BE(entry + 8)
    const origLength = woff.readUInt32BE(entry + 12)
    const stored = woff.subarray(offset, offset + compLength)
    // A table that would not shrink is stored as it is.
    const data = compLength < origLength ? inflateSync(stored) : stored
    if (data.length !== origLength) throw new Error('WOFF table has the wrong length')
    return { tag: woff.readUInt32BE(entry), checksum: woff.readUInt32BE(entry + 16), data }
  })

  // The sfnt table directory, its binary-search fields as the OpenType spec defines them.
  const power = 2 ** Math.floor(Math.log2(numTables))
  const headerLength = 12 + numTables * 16
  const padded = (length: number) => (length + 3) & ~3
  const total = tables.reduce((sum, table) => sum + padded(table.data.length), headerLength)
  const sfnt = Buffer.alloc(total)
  sfnt.writeUInt32BE(flavor, 0)
  sfnt.writeUInt16BE(numTables, 4)
  sfnt.writeUInt16BE(power * 16, 6)
  sfnt.writeUInt16BE(Math.log2(power), 8)
  sfnt.writeUInt16BE(numTables * 16 - power * 16, 10)
  let offset = headerLength
  tables.forEach((table, index) => {
    const record = 12 + index * 16
    sfnt.writeUInt32BE(table.tag, record)
    sfnt.writeUInt32BE(table.checksum, record + 4)
    sfnt.writeUInt32BE(offset, record + 8)
    sfnt.writeUInt32BE(table.data.length, record + 12)
    table.data.copy(sfnt, offset)
    offset += padded(table.data.length)
  })
  return sfnt
}
