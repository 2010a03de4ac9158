import { useMemo } from 'react'
import { generateRotationPlan } from '@tablecloth/shared'
import { swatchOf } from './colourSwatches'
import { groupColoursOf, groupName, tableChoiceLabel } from './seatingLabels'
import { StationHeader } from './StationHeader'
import { useDraft } from './useDraft'
import { useT } from '../i18n/useT'

/** The generated rotation as a table: which table each group sits at in each station. */
export function RotationPreview() {
  const t = useT()
  const draft = useDraft()
  const { groups, tables, stations } = draft
  // The same function the server uses, on the same ids, so the preview is the plan of the day.
  const plan = useMemo(
    () =>
      generateRotationPlan(
        groups.map((group) => group.id),
        tables.map((table) => table.id),
        stations.length,
      ),
    [groups, tables, stations.length],
  )
  const colours = groupColoursOf(draft)
  const tableIndex = new Map(tables.map((table, index) => [table.id, index]))
  const captionId = 'setup-rotation-preview-caption'
  return (
    // Focusable so a keyboard can scroll a plan wider than the screen.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take the focus to be scrolled by keyboard (WCAG 2.1.1).
    <div className="setup-grid-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="setup-grid">
        <caption className="setup-grid__caption" id={captionId}>
          {t('setup.rotation.preview.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('setup.rotation.group')}</th>
            {stations.map((station, index) => (
              <th scope="col" key={station.id}>
                <StationHeader title={station.title} index={index} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {groups.map((group, groupIndex) => (
            <tr key={group.id}>
              <th scope="row" className="setup-grid__group">
                <span
                  className="setup-colour__swatch"
                  aria-hidden="true"
                  style={{ background: swatchOf(colours[groupIndex] ?? '') }}
                />
                {groupName(draft, groupIndex, t)}
              </th>
              {plan.map((seating, stationIndex) => {
                const tableId = seating[group.id]
                const index = tableId === undefined ? undefined : tableIndex.get(tableId)
                const table = index === undefined ? undefined : tables[index]
                return (
                  <td key={stations[stationIndex]?.id ?? stationIndex}>
                    {table && index !== undefined ? tableChoiceLabel(table, index, t) : '–'}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
