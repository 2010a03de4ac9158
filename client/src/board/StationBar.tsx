import type { ReactNode } from 'react'
import {
  resolveSeatingPlan,
  seatingForStation,
  type BoardDayState,
  type EventView,
} from '@tablecloth/shared'
import { StationTimer } from '../time/StationTimer'
import { useT } from '../i18n/useT'
import './stationBar.css'

/**
 * The current round at a glance, above the board: the station's questions,
 * its timer, which group is here and where it goes next, and one-click
 * buttons to look back at earlier stations.
 */
export function StationBar({
  view,
  day,
  tableId,
  onShowStation,
  projector,
  aside = null,
}: {
  view: EventView
  day: BoardDayState
  tableId: string
  onShowStation: (stationIndex: number) => void
  projector: boolean
  /** Shown after the timer, e.g. the projector's QR code for the phone link. */
  aside?: ReactNode
}) {
  const t = useT()
  const station = view.config.stations[day.stationIndex]
  if (!station) return null
  const plan = resolveSeatingPlan(view.config)
  const here = plan
    ? (seatingForStation(view.config, plan, day.stationIndex).find((entry) => entry.table.id === tableId)
        ?.groups ?? [])
    : []

  return (
    <section className="station-bar" aria-label={t('station.barLabel')} data-testid="station-bar">
      <div className="station-bar__main">
        <h2 className="station-bar__title" data-testid="station-title">
          {t('station.numbered', { number: day.stationIndex + 1, total: view.config.stations.length })}
          {': '}
          {station.title}
        </h2>
        <ol
          className="station-bar__questions"
          // On the projector the questions line up as one header per column.
          aria-label={projector ? t('projector.questionsLabel') : undefined}
          style={
            projector ? { gridTemplateColumns: `repeat(${station.columns.length}, 1fr)` } : undefined
          }
        >
          {station.columns.map((question, index) => (
            <li key={index}>{question}</li>
          ))}
        </ol>
      </div>
      {here.length > 0 && (
        <div className="station-bar__groups" data-testid="station-groups">
          <span>{t('station.groupsHere', { groups: here.map(({ group }) => group.name).join(', ') })}</span>
          {here.some(({ nextTable }) => nextTable) && (
            <span>
              {t('station.groupsNext', {
                moves: here
                  .map(({ group, nextTable }) => `${group.name} → ${nextTable?.topic ?? '—'}`)
                  .join('; '),
              })}
            </span>
          )}
        </div>
      )}
      <StationTimer timer={day.timer} size={projector ? 'large' : 'normal'} />
      {aside}
      {!projector && day.stationIndex > 0 && (
        <nav className="station-bar__nav" aria-label={t('station.navLabel')}>
          {view.config.stations.slice(0, day.stationIndex + 1).map((entry, index) => (
            <button
              key={entry.id}
              type="button"
              onClick={() => onShowStation(index)}
              aria-current={index === day.stationIndex ? 'step' : undefined}
            >
              {index === day.stationIndex
                ? t('station.showCurrent')
                : t('station.showEarlier', { number: index + 1 })}
            </button>
          ))}
        </nav>
      )}
    </section>
  )
}
