import { useCallback, useEffect, useRef, useState } from 'react'
import type * as Y from 'yjs'
import type { Awareness } from 'y-protocols/awareness'
import {
  RECAP_AWARENESS_FIELD,
  type BoardDayState,
  type EventConfig,
  type RecapShown,
} from '@tablecloth/shared'
import { useT } from '../../i18n/useT'
import { useCapture } from '../capture/captureStore'
import { isRecapToggle } from './recapKeys'
import { RecapDialog } from './RecapDialog'
import { useRecapFresh } from './useRecapFresh'
import { useTableRecap } from './useTableRecap'
import './recap.css'

/**
 * The moderator's way into "Was vor euch geschah", in the station bar from
 * the second station on: a button that names its key (Alt+R), drawn warm for
 * the first minutes of a round (when a new group sits down) and plain after,
 * and the recap itself over the page while open.
 *
 * While open, the board announces it in its awareness state
 * (`RECAP_AWARENESS_FIELD`), so the table's projector page shows the same
 * page of the recap (`RecapMirror`) and drops it when this closes.
 *
 * Closing hands the keyboard straight back: to the capture field when the
 * recap was opened from it or from this button, else to wherever it was, so
 * the moderator goes on typing without reaching for the mouse.
 */
export function RecapControl({
  doc,
  awareness,
  config,
  day,
}: {
  doc: Y.Doc
  /** The board's awareness, to tell the projector what is open. */
  awareness: Awareness
  config: EventConfig
  day: BoardDayState
}) {
  const t = useT()
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const returnTo = useRef<HTMLElement | null>(null)
  const recap = useTableRecap(doc, config, day.stationIndex, open)
  const fresh = useRecapFresh(day)
  const available = day.stationIndex > 0
  const [page, setPage] = useState(0)

  const stationIndex = day.stationIndex
  useEffect(() => {
    const shown: RecapShown | null = open ? { stationIndex, page } : null
    awareness.setLocalStateField(RECAP_AWARENESS_FIELD, shown)
  }, [awareness, open, stationIndex, page])
  // Leaving the board withdraws the recap from the projector too.
  useEffect(() => () => awareness.setLocalStateField(RECAP_AWARENESS_FIELD, null), [awareness])

  const show = useCallback(() => {
    setPage(0)
    const active = document.activeElement
    returnTo.current = active instanceof HTMLElement && active !== button.current ? active : null
    setOpen(true)
  }, [])
  const close = useCallback(() => {
    setOpen(false)
    const target = returnTo.current
    returnTo.current = null
    // After the dialog has gone: a modal dialog keeps focus inside until then.
    queueMicrotask(() => {
      if (target?.isConnected && target !== document.body) target.focus()
      else useCapture.getState().requestFocus()
    })
  }, [])

  useEffect(() => {
    if (!available) return
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isRecapToggle(event)) return
      // Ahead of tldraw's shortcuts and the capture field: Alt+R is the recap's.
      event.preventDefault()
      event.stopPropagation()
      if (open) close()
      else show()
    }
    window.addEventListener('keydown', onKeyDown, { capture: true })
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true })
  }, [available, open, show, close])

  if (!available) return null
  return (
    <>
      <button
        ref={button}
        type="button"
        className={`recap-button${fresh ? ' recap-button--fresh' : ''}`}
        data-testid="recap-open"
        data-fresh={fresh ? 'true' : 'false'}
        aria-keyshortcuts="Alt+R"
        aria-haspopup="dialog"
        onClick={show}
      >
        <span>{t('recap.open')}</span>
        <kbd className="recap-button__key">{t('recap.openKey')}</kbd>
      </button>
      {open && recap && (
        // A station change while open starts the new recap on its first page.
        <RecapDialog
          key={day.stationIndex}
          recap={recap}
          config={config}
          onClose={close}
          onPage={setPage}
        />
      )}
    </>
  )
}
