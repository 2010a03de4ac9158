import { threadId } from 'node:worker_threads'
import {
  suggestThemes,
  type Results,
  type ResultsDocumentOptions,
  type ResultsFileFormat,
  type Theme,
  type ThemeNote,
} from '@tablecloth/shared'
import { resultsToDocx } from './resultsDocx'
import { resultsToPdf } from './resultsPdf'

/** What the main thread asks a render worker for. */
export interface RenderTask {
  results: Results
  format: ResultsFileFormat
  options: ResultsDocumentOptions
}

/** A rendered file and the thread that rendered it, so tests can tell it left the main thread. */
export interface RenderedInWorker {
  body: Uint8Array
  threadId: number
}

/**
 * The render worker (ResultsRenderer.ts runs it in a pool): lays out a PDF
 * or DOCX away from the main thread, which meanwhile keeps every board in
 * sync. Fonts are parsed once per worker and kept until the worker idles out.
 */
export default async function renderInWorker(task: RenderTask): Promise<RenderedInWorker> {
  const body =
    task.format === 'pdf'
      ? await resultsToPdf(task.results, task.options)
      : await resultsToDocx(task.results, task.options)
  // A plain Uint8Array crosses to the main thread as a copy; a Buffer would arrive as one anyway.
  return { body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength), threadId }
}

/**
 * Cross-table theme suggestions (`suggestThemes`), made in the same worker
 * as the files: clustering compares every note with every other, which on a
 * full day (1,650 notes, `pnpm bench -- exports`) held the main thread, and
 * with it every board's sync, for about a second.
 */
export function suggestInWorker(notes: ThemeNote[]): Theme[] {
  return suggestThemes(notes)
}
