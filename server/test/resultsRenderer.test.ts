import { threadId } from 'node:worker_threads'
import path from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { suggestThemes } from '@tablecloth/shared'
import { referenceThemeNotes, resultsFixture } from '@tablecloth/shared/testing'
import { ResultsRenderError, ResultsRenderer } from '../src/results/ResultsRenderer'

const results = resultsFixture()

describe('ResultsRenderer', () => {
  const renderer = new ResultsRenderer()
  afterAll(() => renderer.close())

  it('renders a PDF and a DOCX in another thread while this one keeps running', async () => {
    let settled = false
    const rendering = Promise.all([
      renderer.render(results, 'pdf', { language: 'en' }),
      renderer.render(results, 'docx', { language: 'en' }),
    ]).finally(() => (settled = true))
    // Event-loop turns of this thread that ran while both files were still being made.
    let turnsWhileRendering = 0
    while (!settled) {
      await new Promise((resolve) => setImmediate(resolve))
      if (!settled) turnsWhileRendering += 1
    }
    const [pdf, docx] = await rendering
    expect(Buffer.from(pdf.body).subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(Buffer.from(docx.body).subarray(0, 2).toString('latin1')).toBe('PK')
    expect(pdf.threadId).not.toBe(threadId)
    expect(docx.threadId).not.toBe(threadId)
    expect(turnsWhileRendering).toBeGreaterThan(0)
    // One thread for both files, kept for the next export.
    expect(pdf.threadId).toBe(docx.threadId)
    expect(renderer.threadCount).toBe(1)
  })

  it('suggests the reference day’s themes in its thread, as the engine does, while this one keeps running', async () => {
    const notes = referenceThemeNotes()
    let settled = false
    const suggesting = renderer.suggestThemes(notes).finally(() => (settled = true))
    let turnsWhileSuggesting = 0
    while (!settled) {
      await new Promise((resolve) => setImmediate(resolve))
      if (!settled) turnsWhileSuggesting += 1
    }
    const themes = await suggesting
    expect(themes).toEqual(suggestThemes(notes))
    expect(themes.length).toBeGreaterThan(20)
    expect(turnsWhileSuggesting).toBeGreaterThan(0)
    expect(renderer.threadCount).toBe(1)
  })

  it('turns a worker that dies into a clear error, and renders again afterwards', async () => {
    const crashing = new ResultsRenderer({
      workerFile: path.join(import.meta.dirname, 'fixtures', 'crashingRenderWorker.ts'),
    })
    try {
      const failed = crashing.render(results, 'pdf')
      await expect(failed).rejects.toBeInstanceOf(ResultsRenderError)
      await expect(failed).rejects.toThrow(/PDF failed in its worker/)
    } finally {
      await crashing.close()
    }
    // The process-wide pool is untouched by another pool's crash.
    const again = await renderer.render(results, 'docx')
    expect(again.body.byteLength).toBeGreaterThan(0)
  })

  it('starts no thread before the first export, and lets an idle one go', async () => {
    const idle = new ResultsRenderer({ idleTimeoutMs: 50 })
    try {
      expect(idle.threadCount).toBe(0)
      await idle.render(results, 'docx')
      await vi.waitFor(() => expect(idle.threadCount).toBe(0), { timeout: 20_000, interval: 50 })
    } finally {
      await idle.close()
    }
  })

  it('starts a new pool after close', async () => {
    const own = new ResultsRenderer()
    await own.close()
    const rendered = await own.render(results, 'docx')
    expect(rendered.threadId).not.toBe(threadId)
    await own.close()
  })
})
