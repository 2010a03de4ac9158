import { domIdOf } from './fieldPaths'
import { swatchOf } from './colourSwatches'
import { FieldIssues } from './FieldIssues'
import { groupColoursOf, groupName, tableChoiceLabel } from './seatingLabels'
import { useSetupStore } from './setupStore'
import { StationHeader } from './StationHeader'
import { useDraft } from './useDraft'
import { useIssueAttributes } from './useFieldIssues'
import { useT } from '../i18n/useT'

/** The organiser's own seating plan: for every station and group, a choice of table. */
export function FixedSeatingGrid() {
  const t = useT()
  const draft = useDraft()
  const adoptGeneratedPlan = useSetupStore((state) => state.adoptGeneratedPlan)
  const announce = useSetupStore((state) => state.announce)
  const colours = groupColoursOf(draft)
  const { groups, stations } = draft
  const captionId = 'setup-rotation-plan-caption'
  return (
    <div className="setup-plan">
      <button
        type="button"
        className="button"
        onClick={() => {
          adoptGeneratedPlan()
          announce(t('setup.rotation.plan.adopted'))
        }}
      >
        {t('setup.rotation.plan.adopt')}
      </button>
      <FieldIssues path="rotation.plan" />
      <div className="setup-grid-scroll" role="region" aria-labelledby={captionId}>
        <table className="setup-grid" id={domIdOf('rotation.plan')} tabIndex={-1}>
          <caption className="setup-grid__caption" id={captionId}>
            {t('setup.rotation.plan.caption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('setup.rotation.group')}</th>
              {stations.map((station, index) => {
                const path = `rotation.plan.${index}`
                return (
                  <th scope="col" key={station.id} id={domIdOf(path)} tabIndex={-1}>
                    <StationHeader
                      title={station.title}
                      index={index}
                      labelId={`${domIdOf(path)}-label`}
                    />
                    <FieldIssues path={path} />
                  </th>
                )
              })}
            </tr>
          </thead>
          <tbody>
            {groups.map((group, groupIndex) => {
              const groupLabelId = `setup-plan-group-${group.id}`
              return (
                <tr key={group.id}>
                  <th scope="row" className="setup-grid__group">
                    <span
                      className="setup-colour__swatch"
                      aria-hidden="true"
                      style={{ background: swatchOf(colours[groupIndex] ?? '') }}
                    />
                    <span id={groupLabelId}>{groupName(draft, groupIndex, t)}</span>
                  </th>
                  {stations.map((station, stationIndex) => (
                    <td key={station.id}>
                      <SeatChoice
                        stationIndex={stationIndex}
                        groupId={group.id}
                        labelledBy={`${groupLabelId} ${domIdOf(`rotation.plan.${stationIndex}`)}-label`}
                      />
                    </td>
                  ))}
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </div>
  )
}

function SeatChoice({
  stationIndex,
  groupId,
  labelledBy,
}: {
  stationIndex: number
  groupId: string
  labelledBy: string
}) {
  const t = useT()
  const draft = useDraft()
  const setSeat = useSetupStore((state) => state.setSeat)
  const path = `rotation.plan.${stationIndex}.${groupId}`
  const issueAttributes = useIssueAttributes(path)
  const value = draft.fixedPlan[stationIndex]?.[groupId] ?? ''
  return (
    <>
      <select
        id={domIdOf(path)}
        className="setup-field__input"
        value={value}
        aria-labelledby={labelledBy}
        {...issueAttributes}
        onChange={(event) => setSeat(stationIndex, groupId, event.target.value)}
      >
        <option value="">{t('setup.rotation.plan.choose')}</option>
        {draft.tables.map((table, index) => (
          <option key={table.id} value={table.id}>
            {tableChoiceLabel(table, index, t)}
          </option>
        ))}
      </select>
      <FieldIssues path={path} />
    </>
  )
}
