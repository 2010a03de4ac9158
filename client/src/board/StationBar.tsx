import type { ReactNode } from 'react'
import {
  nextMoves,
  resolveSeatingPlan,
  seatingForStation,
  tableNumber,
  type BoardDayState,
  type EventView,
} from '@tablecloth/shared'
import { StationTimer } from '../time/StationTimer'
import { stationLine } from '../i18n/stationLine'
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
  lead = null,
  aside = null,
}: {
  view: EventView
  day: BoardDayState
  tableId: string
  onShowStation: (stationIndex: number) => void
  projector: boolean
  /** Shown above the station's title, e.g. the projector's table heading. */
  lead?: ReactNode
  /** Shown after the timer, e.g. the projector's QR code for the phone link. */
  aside?: ReactNode
}) {
  const t = useT()
  const station = view.config.stations[day.stationIndex]
  if (!station) return null
  const plan = resolveSeatingPlan(view.config)
  const here = plan
    ? (seatingForStation(view.config, plan, day.stationIndex).find(
        (entry) => entry.table.id === tableId,
      )?.groups ?? [])
    : []

  return (
    <section className="station-bar" aria-label={t('station.barLabel')} data-testid="station-bar">
      <div className="station-bar__main">
        {lead}
        <h2 className="station-bar__title" data-testid="station-title">
          {stationLine(t, station.title, day.stationIndex, view.config.stations.length)}
        </h2>
        {/* On the projector each question heads its own column of the room view instead. */}
        {!projector && (
          <ol className="station-bar__questions">
            {station.columns.map((question, index) => (
              <li key={index}>{question}</li>
            ))}
          </ol>
        )}
      </div>
      {here.length > 0 && (
        <div className="station-bar__groups" data-testid="station-groups">
          <span>
            {t('station.groupsHere', { groups: here.map(({ group }) => group.name).join(', ') })}
          </span>
          {nextMoves(here).length > 0 && (
            <span>
              {t('station.groupsNext', {
                // Only groups that move on: after the last station there is no "→ —".
                moves: nextMoves(here)
                  .map(
                    ({ group, table }) =>
                      `${group.name} → ${t('table.numbered', { number: tableNumber(view.config, table.id), topic: table.topic })}`,
                  )
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
