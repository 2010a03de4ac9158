import { useId, type Dispatch } from 'react'
import type { EventView } from '@tablecloth/shared'
import { LanguageSwitch } from '../i18n/LanguageSwitch'
import { stationLine } from '../i18n/stationLine'
import { useT } from '../i18n/useT'
import {
  AUTO_ADVANCE_SECONDS,
  hasNext,
  hasPrevious,
  type GalleryAction,
  type GalleryState,
} from './galleryNavigation'

/**
 * The gallery's controls, for mouse and touch as much as for the keys: grid
 * or one by one, the station shown (stepped through the day), previous and
 * next table, and auto-advance.
 */
export function GalleryToolbar({
  view,
  state,
  dispatch,
  secondsLeft,
}: {
  view: EventView
  state: GalleryState
  dispatch: Dispatch<GalleryAction>
  secondsLeft: number | null
}) {
  const t = useT()
  const now = () => Date.now()

  return (
    <header className="gallery-header">
      <h1 className="gallery-header__title">
        {t('gallery.heading')}
        <span className="gallery-header__event" dir="auto">
          {view.config.title}
        </span>
      </h1>
      <div className="gallery-controls" role="group" aria-label={t('gallery.controls')}>
        <div className="gallery-controls__group" role="group" aria-label={t('gallery.mode.label')}>
          <button
            type="button"
            className="gallery-button"
            aria-pressed={state.mode === 'grid'}
            data-testid="gallery-mode-grid"
            onClick={() => dispatch({ type: 'showGrid', now: now() })}
          >
            {t('gallery.mode.grid')}
          </button>
          <button
            type="button"
            className="gallery-button"
            aria-pressed={state.mode === 'sequence'}
            data-testid="gallery-mode-sequence"
            onClick={() => dispatch({ type: 'open', index: state.index, now: now() })}
          >
            {t('gallery.mode.sequence')}
          </button>
          <button
            type="button"
            className="gallery-button"
            aria-pressed={state.mode === 'themes'}
            data-testid="gallery-mode-themes"
            onClick={() => dispatch({ type: 'showThemes', now: now() })}
          >
            {t('gallery.mode.themes')}
          </button>
        </div>

        {state.mode !== 'themes' && (
          <TableControls view={view} state={state} dispatch={dispatch} secondsLeft={secondsLeft} />
        )}
        <LanguageSwitch />
      </div>
    </header>
  )
}

/** Stepping through stations and tables, and auto-advance: for the tables' views only. */
function TableControls({
  view,
  state,
  dispatch,
  secondsLeft,
}: {
  view: EventView
  state: GalleryState
  dispatch: Dispatch<GalleryAction>
  secondsLeft: number | null
}) {
  const t = useT()
  const ids = useId()
  const { stations } = view.config
  const station = stations[state.station]
  const now = () => Date.now()
  return (
    <>
      <div
        className="gallery-controls__group gallery-controls__stations"
        role="group"
        aria-label={t('gallery.stations.label')}
      >
        <button
          type="button"
          className="gallery-button"
          aria-label={t('gallery.stations.previous')}
          title={t('gallery.stations.previous')}
          disabled={state.station <= 0}
          data-testid="gallery-station-previous"
          onClick={() => dispatch({ type: 'previousStation', now: now() })}
        >
          <span aria-hidden="true">◀</span>
        </button>
        <span
          className="gallery-controls__station"
          data-testid="gallery-station-position"
          data-station-index={state.station}
          aria-live="polite"
        >
          {station && stationLine(t, station.title, state.station, stations.length)}
        </span>
        <button
          type="button"
          className="gallery-button"
          aria-label={t('gallery.stations.next')}
          title={t('gallery.stations.next')}
          disabled={state.station >= state.stationCount - 1}
          data-testid="gallery-station-next"
          onClick={() => dispatch({ type: 'nextStation', now: now() })}
        >
          <span aria-hidden="true">▶</span>
        </button>
      </div>

      <div className="gallery-controls__group">
        <button
          type="button"
          className="gallery-button"
          aria-label={t('gallery.previous')}
          title={t('gallery.previous')}
          disabled={!hasPrevious(state)}
          data-testid="gallery-previous"
          onClick={() => dispatch({ type: 'previous', now: now() })}
        >
          <span aria-hidden="true">◀</span>
        </button>
        <span className="gallery-controls__position" data-testid="gallery-position">
          {t('gallery.position', { position: state.index + 1, count: state.count })}
        </span>
        <button
          type="button"
          className="gallery-button"
          aria-label={t('gallery.next')}
          title={t('gallery.next')}
          disabled={!hasNext(state)}
          data-testid="gallery-next"
          onClick={() => dispatch({ type: 'next', now: now() })}
        >
          <span aria-hidden="true">▶</span>
        </button>
      </div>

      {/* Input here sets auto-advance itself; it must not count as input that pauses it. */}
      <div className="gallery-controls__group" data-gallery-auto="">
        <label htmlFor={`${ids}-auto`}>{t('gallery.auto.label')}</label>
        <select
          id={`${ids}-auto`}
          className="gallery-select"
          value={state.autoSeconds === null ? 'off' : String(state.autoSeconds)}
          data-testid="gallery-auto-advance"
          onChange={(event) => {
            const seconds = Number(event.target.value)
            dispatch({
              type: 'setAutoAdvance',
              seconds: Number.isFinite(seconds) && seconds > 0 ? seconds : null,
              now: now(),
            })
          }}
        >
          <option value="off">{t('gallery.auto.off')}</option>
          {AUTO_ADVANCE_SECONDS.map((seconds) => (
            <option key={seconds} value={String(seconds)}>
              {t('gallery.auto.every', { seconds })}
            </option>
          ))}
        </select>
        {state.autoSeconds !== null && (
          <>
            <button
              type="button"
              className="gallery-button"
              data-testid="gallery-auto-toggle"
              onClick={() =>
                dispatch(state.paused ? { type: 'resume', now: now() } : { type: 'pause' })
              }
            >
              {state.paused ? t('gallery.auto.resume') : t('gallery.auto.pause')}
            </button>
            <span className="gallery-controls__countdown" data-testid="gallery-countdown">
              {state.paused
                ? t('gallery.auto.paused')
                : secondsLeft !== null
                  ? t('gallery.auto.countdown', { seconds: secondsLeft })
                  : null}
            </span>
          </>
        )}
      </div>
    </>
  )
}
