import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { EventConfig, TableRecap } from '@tablecloth/shared'
import { useT } from '../../i18n/useT'
import { recapIntent } from './recapKeys'
import { RecapTitles } from './RecapTitles'
import { RecapView } from './RecapView'

/**
 * "Was vor euch geschah" over the whole page: one earlier station at a time
 * (the latest first), ← → to the others, Esc or the button to close. A modal
 * `<dialog>`: the board behind it takes no keys and no clicks while it is
 * open, so nothing typed for the recap lands on a note.
 */
export function RecapDialog({
  recap,
  config,
  onClose,
  onPage,
}: {
  recap: TableRecap
  config: EventConfig
  onClose: () => void
  /** Told the page shown (0: the latest earlier station), on opening and on every turn. */
  onPage?: (page: number) => void
}) {
  const t = useT()
  const dialog = useRef<HTMLDialogElement>(null)
  const body = useRef<HTMLDivElement>(null)
  const [page, setPage] = useState(0)
  const pages = recap.stations.length
  const station = recap.stations[Math.min(page, pages - 1)]

  useEffect(() => {
    const element = dialog.current
    if (!element) return
    if (!element.open) element.showModal()
    // The scrolling area has the keys: ↑ ↓ and Page Up/Down scroll it at once.
    body.current?.focus()
    return () => element.close()
  }, [])
  useEffect(() => {
    onPage?.(page)
  }, [page, onPage])

  const turn = (delta: 1 | -1) => {
    setPage((current) => clamp(current + delta, 0, pages - 1))
    // Another station starts at its top, whatever was scrolled on this one.
    body.current?.scrollTo?.({ top: 0 })
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    // Nothing typed here is meant for the board's or the browser's shortcuts.
    event.stopPropagation()
    const intent = recapIntent(event.nativeEvent)
    if (!intent) return
    event.preventDefault()
    if (intent.kind === 'close') onClose()
    else turn(intent.delta)
  }

  return (
    <dialog
      ref={dialog}
      className="recap-dialog"
      data-testid="recap-dialog"
      aria-labelledby="recap-title"
      onKeyDown={onKeyDown}
      // Esc fires `cancel` before our keydown sees it in some browsers: close our way.
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
    >
      <header className="recap-dialog__head">
        <RecapTitles
          titleId="recap-title"
          station={station}
          stationCount={config.stations.length}
        />
        {pages > 1 && (
          <nav className="recap-dialog__pager" aria-label={t('recap.pagerLabel')}>
            <button
              type="button"
              onClick={() => turn(1)}
              disabled={page >= pages - 1}
              data-testid="recap-earlier"
            >
              {t('recap.earlier')}
            </button>
            <span aria-live="polite">{t('recap.page', { page: page + 1, pages })}</span>
            <button
              type="button"
              onClick={() => turn(-1)}
              disabled={page === 0}
              data-testid="recap-later"
            >
              {t('recap.later')}
            </button>
          </nav>
        )}
        <button
          type="button"
          className="recap-dialog__close"
          onClick={onClose}
          data-testid="recap-close"
        >
          {t('recap.close')} <kbd>Esc</kbd>
        </button>
      </header>
      <div
        ref={body}
        className="recap-dialog__body"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the scrolling region takes the arrow keys, as a reader expects of a long list.
        tabIndex={0}
        role="region"
        aria-label={t('recap.title')}
      >
        {station ? (
          <RecapView station={station} language={config.language} />
        ) : (
          <p className="recap-dialog__empty">{t('recap.empty')}</p>
        )}
      </div>
    </dialog>
  )
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value))
}
