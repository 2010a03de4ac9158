import { seatingForStation, type EventView, type SeatingPlan } from '@tablecloth/shared'
import { useT } from '../i18n/useT'

/** Which group sits where now and where each goes next, for the organiser's announcements. */
export function RotationOverview({ view, plan }: { view: EventView; plan: SeatingPlan }) {
  const t = useT()
  const seating = seatingForStation(view.config, plan, view.currentStation)
  return (
    <section className="control-panel" aria-labelledby="rotation-heading">
      <h2 id="rotation-heading">{t('control.rotation')}</h2>
      <table className="control-rotation">
        <thead>
          <tr>
            <th scope="col">{t('control.rotationTable')}</th>
            <th scope="col">{t('control.rotationNow')}</th>
            <th scope="col">{t('control.rotationNext')}</th>
          </tr>
        </thead>
        <tbody>
          {seating.map(({ table, groups }) => (
            <tr key={table.id}>
              <th scope="row">{table.topic}</th>
              <td>{groups.map(({ group }) => group.name).join(', ') || '—'}</td>
              <td>
                {groups
                  .map(({ group, nextTable }) =>
                    t('control.rotationGoesTo', { group: group.name, table: nextTable?.topic ?? '—' }),
                  )
                  .join('; ') || '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
