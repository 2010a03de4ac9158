import { useCallback, useEffect, useId, useRef, useState } from 'react'
import { ApiError } from '../../api/apiClient'
import { apiErrorMessage } from '../../api/apiErrorMessage'
import { useLanguage } from '../../i18n/languageStore'
import { createTranslator } from '../../i18n/translate'
import { useT } from '../../i18n/useT'
import type { BoardImagesProgress } from './boardImageExport'
import './boardImages.css'
import { saveFile } from '../../app/saveFile'

type ExportState =
  | { kind: 'idle' }
  | { kind: 'running'; progress: BoardImagesProgress }
  | { kind: 'done'; images: number; failed: number; fileName: string }
  | { kind: 'failed'; error: ApiError | null }

/**
 * "Tafelbilder herunterladen": every table at every station as SVG and PNG in
 * one ZIP, drawn in this browser from the boards' snapshots (ended stations)
 * and the live boards (the running station). The
 * drawing code (tldraw) loads only when the button is pressed, so the
 * control room stays light. Progress and errors are announced in the
 * organiser's language; the button keeps the focus while it works.
 */
export function BoardImagesButton({ eventId, token }: { eventId: string; token: string }) {
  const t = useT()
  const statusId = useId()
  const [state, setState] = useState<ExportState>({ kind: 'idle' })
  const running = useRef<AbortController | null>(null)

  useEffect(() => () => running.current?.abort(), [])

  const start = useCallback(async () => {
    if (running.current) return
    const controller = new AbortController()
    running.current = controller
    setState({ kind: 'running', progress: { step: 'preparing' } })
    try {
      const { exportBoardImages } = await import('./boardImageExport')
      const language = useLanguage.getState().language
      const result = await exportBoardImages({
        eventId,
        token,
        t: createTranslator(language),
        language,
        signal: controller.signal,
        onProgress: (progress) => {
          if (!controller.signal.aborted) setState({ kind: 'running', progress })
        },
      })
      if (controller.signal.aborted) return
      saveFile(result.blob, result.fileName)
      setState({
        kind: 'done',
        images: result.images,
        failed: result.failed,
        fileName: result.fileName,
      })
    } catch (error) {
      if (controller.signal.aborted) return
      console.warn('Board images could not be made', error)
      setState({ kind: 'failed', error: error instanceof ApiError ? error : null })
    } finally {
      if (running.current === controller) running.current = null
    }
  }, [eventId, token])

  const busy = state.kind === 'running'
  let status = ''
  if (state.kind === 'running') {
    const { progress } = state
    status =
      progress.step === 'drawing'
        ? t('boardImages.progress', { current: progress.current, total: progress.total })
        : t(progress.step === 'zipping' ? 'boardImages.zipping' : 'boardImages.preparing')
  } else if (state.kind === 'done') {
    status = state.failed
      ? t('boardImages.doneWithFailures', {
          count: state.images,
          file: state.fileName,
          failed: state.failed,
        })
      : t('boardImages.done', { count: state.images, file: state.fileName })
  }

  return (
    <section
      className="board-images"
      aria-labelledby={`${statusId}-heading`}
      data-testid="board-images"
    >
      <h3 id={`${statusId}-heading`} className="board-images__heading">
        {t('boardImages.heading')}
      </h3>
      <p className="board-images__hint">{t('boardImages.hint')}</p>
      <button
        type="button"
        className="board-images__button"
        aria-disabled={busy}
        aria-describedby={statusId}
        onClick={() => void start()}
        data-testid="board-images-button"
      >
        {busy ? t('boardImages.busy') : t('boardImages.button')}
      </button>
      {state.kind === 'running' && state.progress.step === 'drawing' && (
        <progress
          className="board-images__progress"
          max={state.progress.total}
          value={state.progress.current - 1}
          aria-label={t('boardImages.progressLabel')}
        />
      )}
      <p
        id={statusId}
        className="board-images__status"
        role="status"
        data-testid="board-images-status"
      >
        {status}
      </p>
      {state.kind === 'failed' && (
        <p className="board-images__error" role="alert">
          {state.error ? apiErrorMessage(t, state.error) : t('boardImages.failed')}
        </p>
      )}
    </section>
  )
}
