import { execFile, spawnSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

/**
 * poppler's `pdftotext`, the other reader the results PDF's text is checked
 * with (pdf.js being the first). `.ci/run` installs it (Debian's
 * poppler-utils). Where it is missing, its tests are skipped on a
 * developer's machine; in CI a missing one fails, so the check cannot be
 * lost without anyone noticing (as the shared-store tests decide).
 */
export function pdftotextAvailable(): boolean {
  const probe = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' })
  if (probe.error === undefined) return true
  if (process.env.CI) {
    throw new Error('pdftotext is missing: .ci/run installs it with poppler-utils')
  }
  return false
}

/**
 * The text of a PDF as `pdftotext` gives it in its default mode: page by
 * page, in reading order, each block of text (a table's column) apart.
 */
export async function pdftotext(bytes: Uint8Array): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tablecloth-pdftotext-'))
  try {
    const file = path.join(dir, 'results.pdf')
    await writeFile(file, bytes)
    return await new Promise<string>((resolve, reject) => {
      execFile('pdftotext', ['-enc', 'UTF-8', file, '-'], (error, stdout) => {
        if (error) reject(error)
        else resolve(stdout)
      })
    })
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/**
 * poppler wraps every stretch of right-to-left text in the directional
 * embeddings U+202B … U+202C (U+202A for left to right inside it), so that
 * a bidi-unaware terminal shows it the right way round. They are not part
 * of the text a note holds.
 */
export function withoutEmbeddings(text: string): string {
  return text.replace(/[\u202a-\u202e]/g, '')
}
