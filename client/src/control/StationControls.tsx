import type { EventView } from '@tablecloth/shared'
import { StationTimer } from '../time/StationTimer'
import { stationLine } from '../i18n/stationLine'
import { useT } from '../i18n/useT'
import { useControlStore } from './controlStore'

/** The current station, its timer and the one-click station change. */
export function StationControls({ view }: { view: EventView }) {
  const t = useT()
  const { advance, timer, busy, notice } = useControlStore()
  const station = view.config.stations[view.currentStation]!
  const isLast = view.currentStation >= view.config.stations.length - 1
  const running = view.timer.runningSince !== null
  const next = view.config.stations[view.currentStation + 1]

  const confirmAdvance = () => {
    if (!next) return
    if (window.confirm(t('control.advanceConfirm', { station: next.title }))) void advance()
  }

  return (
    <section className="control-panel" aria-labelledby="station-heading">
      <h2 id="station-heading">
        {stationLine(t, station.title, view.currentStation, view.config.stations.length)}
      </h2>
      <ol className="control-questions">
        {station.columns.map((question, index) => (
          <li key={index}>{question}</li>
        ))}
      </ol>
      <div className="control-timer">
        <StationTimer timer={view.timer} size="large" />
        <div className="control-buttons">
          {running ? (
            <button type="button" onClick={() => void timer('pause')} disabled={busy !== null}>
              {t('control.timerPause')}
            </button>
          ) : (
            <button type="button" onClick={() => void timer('start')} disabled={busy !== null}>
              {t('control.timerStart')}
            </button>
          )}
          <button type="button" onClick={() => void timer('extend', 60)} disabled={busy !== null}>
            {t('control.timerExtend', { minutes: 1 })}
          </button>
          <button type="button" onClick={() => void timer('extend', 300)} disabled={busy !== null}>
            {t('control.timerExtend', { minutes: 5 })}
          </button>
          <button type="button" onClick={() => void timer('reset')} disabled={busy !== null}>
            {t('control.timerReset')}
          </button>
        </div>
      </div>
      <button
        type="button"
        className="control-advance"
        onClick={confirmAdvance}
        disabled={isLast || busy !== null}
        data-testid="advance-station"
      >
        {busy === 'advance'
          ? t('control.advancing')
          : isLast
            ? t('control.lastStation')
            : t('control.advance', { station: next?.title ?? '' })}
      </button>
      {notice?.kind === 'stationMoved' ? (
        <p className="control-error control-advance__moved" role="alert">
          {t('control.stationMoved', { station: station.title })}
        </p>
      ) : null}
    </section>
  )
}
