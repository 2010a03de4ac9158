import {
  nextMoves,
  seatingForStation,
  tableNumber,
  type EventView,
  type SeatingPlan,
} from '@tablecloth/shared'
import { useT } from '../i18n/useT'

/**
 * Which group sits where now and where each goes next, for the organiser's
 * announcements. At the last station nobody moves on, so the "next" column
 * gives way to a line saying so.
 */
export function RotationOverview({ view, plan }: { view: EventView; plan: SeatingPlan }) {
  const t = useT()
  const seating = seatingForStation(view.config, plan, view.currentStation)
  const isLast = view.currentStation >= view.config.stations.length - 1
  const tableName = (table: { id: string; topic: string }) =>
    t('table.numbered', { number: tableNumber(view.config, table.id), topic: table.topic })
  return (
    <section className="control-panel" aria-labelledby="rotation-heading">
      <h2 id="rotation-heading">{t('control.rotation')}</h2>
      {isLast && <p data-testid="rotation-last">{t('rotation.lastStation')}</p>}
      <table className="control-rotation">
        <thead>
          <tr>
            <th scope="col">{t('control.rotationTable')}</th>
            <th scope="col">{t('control.rotationNow')}</th>
            {!isLast && <th scope="col">{t('control.rotationNext')}</th>}
          </tr>
        </thead>
        <tbody>
          {seating.map(({ table, groups }) => (
            <tr key={table.id}>
              <th scope="row">{tableName(table)}</th>
              <td>{groups.map(({ group }) => group.name).join(', ') || '—'}</td>
              {!isLast && (
                <td>
                  {nextMoves(groups)
                    .map(({ group, table: next }) =>
                      t('control.rotationGoesTo', { group: group.name, table: tableName(next) }),
                    )
                    .join('; ') || '—'}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
