import type { TimerState } from '@tablecloth/shared'
import { formatDuration } from '../i18n/dateTimeFormat'
import { useT } from '../i18n/useT'
import { useRemainingSeconds } from './useRemainingSeconds'
import './stationTimer.css'

/**
 * The station countdown as every screen shows it. At zero it turns into a
 * pulsing "time is up" signal that can be seen from the back of the room.
 */
export function StationTimer({
  timer,
  size = 'normal',
}: {
  timer: TimerState | null | undefined
  size?: 'normal' | 'large'
}) {
  const t = useT()
  const remaining = useRemainingSeconds(timer)
  if (remaining === null || !timer) return null
  const finished = remaining <= 0
  const paused = timer.runningSince === null
  const state = finished ? 'finished' : paused ? 'paused' : 'running'
  return (
    <div
      className={`station-timer station-timer--${state} station-timer--${size}`}
      role="timer"
      aria-live={finished ? 'assertive' : 'off'}
      aria-label={t('timer.label')}
      data-testid="station-timer"
      data-state={state}
    >
      <span className="station-timer__time">{formatDuration(Math.max(remaining, 0))}</span>
      {finished && <span className="station-timer__note">{t('timer.finished')}</span>}
      {paused && !finished && <span className="station-timer__note">{t('timer.paused')}</span>}
    </div>
  )
}
