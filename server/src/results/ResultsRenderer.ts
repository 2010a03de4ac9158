import { Piscina } from 'piscina'
import type {
  Results,
  ResultsDocumentOptions,
  ResultsFileFormat,
  Theme,
  ThemeNote,
} from '@tablecloth/shared'
import type { RenderedInWorker, RenderTask } from './resultsWorker'
import { workerBeside, workerExecArgv } from '../platform/workerFiles'

/** A PDF or DOCX that its worker could not make: the worker threw, or died. */
export class ResultsRenderError extends Error {
  constructor(format: ResultsFileFormat, cause: unknown) {
    const why = cause instanceof Error ? cause.message : String(cause)
    super(`Rendering the results as ${format.toUpperCase()} failed in its worker: ${why}`, {
      cause,
    })
    this.name = 'ResultsRenderError'
  }
}

export interface ResultsRendererOptions {
  /** The worker module; by default resultsWorker beside this module (or beside the bundle). */
  workerFile?: string
  /**
   * One thread by default: the venue laptop has two cores, and the other one
   * belongs to the main thread that keeps the boards in sync. A second export
   * waits for the first; each worker also holds its own parsed fonts.
   */
  maxThreads?: number
  /** A worker with nothing to do exits after this long, and gives its memory back. */
  idleTimeoutMs?: number
}

const DEFAULT_IDLE_TIMEOUT_MS = 120_000

/** What the pool's workers are asked: a file to render, or the notes to suggest themes for. */
type WorkerTask = RenderTask | ThemeNote[]
type WorkerAnswer = RenderedInWorker | Theme[]

/**
 * Renders PDF and DOCX, and clusters theme suggestions, in a pool of worker
 * threads. Laying out a café day takes seconds of CPU, clustering its notes
 * about one; on the main thread either would freeze every board's sync for
 * as long. The pool starts on the first such request, not with the server.
 */
export class ResultsRenderer {
  private pool: Piscina<WorkerTask, WorkerAnswer> | null = null
  private readonly workerFile: string
  private readonly maxThreads: number
  private readonly idleTimeoutMs: number

  constructor(options: ResultsRendererOptions = {}) {
    this.workerFile = options.workerFile ?? workerBeside(import.meta.url, 'resultsWorker')
    this.maxThreads = options.maxThreads ?? 1
    this.idleTimeoutMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS
  }

  async render(
    results: Results,
    format: ResultsFileFormat,
    options: ResultsDocumentOptions = {},
  ): Promise<RenderedInWorker> {
    this.pool ??= this.createPool()
    try {
      return (await this.pool.run({ results, format, options })) as RenderedInWorker
    } catch (error) {
      throw new ResultsRenderError(format, error)
    }
  }

  /** `suggestThemes(notes)`, run in the pool (`suggestInWorker`). */
  async suggestThemes(notes: ThemeNote[]): Promise<Theme[]> {
    this.pool ??= this.createPool()
    return (await this.pool.run(notes, { name: 'suggestInWorker' })) as Theme[]
  }

  /** Worker threads running now: none before the first export, and none once they idled out. */
  get threadCount(): number {
    return this.pool?.threads.length ?? 0
  }

  /** Ends the workers; a later render starts a new pool. */
  async close(): Promise<void> {
    const pool = this.pool
    this.pool = null
    await pool?.close({ force: true })
  }

  private createPool(): Piscina<WorkerTask, WorkerAnswer> {
    return new Piscina<WorkerTask, WorkerAnswer>({
      filename: this.workerFile,
      minThreads: 0,
      maxThreads: this.maxThreads,
      idleTimeout: this.idleTimeoutMs,
      execArgv: workerExecArgv(this.workerFile),
    })
  }
}
