import { strToU8, zipSync, type Zippable } from 'fflate'

/** One file of the ZIP, at a path of `/`-separated segments made by `fileNames`. */
export interface ZipEntry {
  path: string
  data: Uint8Array | string
  /** The file's time in the ZIP (the snapshot's, for images); now when left out. */
  modified?: Date
}

/** What is compressed already (PNG) is stored; text (SVG, README) is deflated. */
function alreadyCompressed(path: string): boolean {
  return /\.png$/i.test(path)
}

/** The earliest and latest times a ZIP entry can carry. */
const ZIP_EPOCH = Date.UTC(1980, 0, 2)
const ZIP_END = Date.UTC(2099, 11, 31)

/**
 * Packs the files into one ZIP. Names are stored in UTF-8 and flagged so, so
 * umlauts and emoji in topics arrive intact in Windows Explorer, macOS and
 * `unzip`. A path given twice is an error rather than a silently lost image.
 */
export function buildZip(entries: readonly ZipEntry[]): Uint8Array {
  const files: Zippable = {}
  for (const entry of entries) {
    if (entry.path in files) throw new Error(`two files at ${entry.path}`)
    const data = typeof entry.data === 'string' ? strToU8(entry.data) : entry.data
    const time = entry.modified?.getTime() ?? Date.now()
    files[entry.path] = [
      data,
      {
        level: alreadyCompressed(entry.path) ? 0 : 6,
        mtime: Math.min(Math.max(time, ZIP_EPOCH), ZIP_END),
      },
    ]
  }
  return zipSync(files)
}
