import { inflateRawSync } from 'node:zlib'

/**
 * One file out of a ZIP archive (a DOCX is one), found through the
 * archive's central directory, for tests that read a document's XML parts.
 */
export function zipEntry(archive: Uint8Array, name: string): string | undefined {
  const zip = Buffer.from(archive.buffer, archive.byteOffset, archive.byteLength)
  // The end-of-central-directory record: signature 0x06054b50, in the last 64 KiB.
  let end = zip.length - 22
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--
  if (end < 0) throw new Error('not a ZIP archive')
  const entries = zip.readUInt16LE(end + 10)
  let at = zip.readUInt32LE(end + 16)
  for (let index = 0; index < entries; index++) {
    const method = zip.readUInt16LE(at + 10)
    const size = zip.readUInt32LE(at + 20)
    const nameLength = zip.readUInt16LE(at + 28)
    const extraLength = zip.readUInt16LE(at + 30)
    const commentLength = zip.readUInt16LE(at + 32)
    const local = zip.readUInt32LE(at + 42)
    const entryName = zip.toString('utf8', at + 46, at + 46 + nameLength)
    if (entryName === name) {
      const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
      const data = zip.subarray(dataStart, dataStart + size)
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8')
    }
    at += 46 + nameLength + extraLength + commentLength
  }
  return undefined
}
