import { DurationField } from './DurationField'
import { EntryFieldset } from './EntryFieldset'
import { ListSection } from './ListSection'
import { SETUP_LIMITS } from './setupLimits'
import { useSetupStore } from './setupStore'
import { StationQuestions } from './StationQuestions'
import { TextField } from './TextField'
import { useDraft } from './useDraft'
import { useT } from '../i18n/useT'

/** The stations (rounds) of the day: title, duration and the questions asked at every table. */
export function StationsEditor() {
  const t = useT()
  const { stations } = useDraft()
  const editEntry = useSetupStore((state) => state.editEntry)
  const addStation = useSetupStore((state) => state.addStation)
  const max = SETUP_LIMITS.stations
  return (
    <ListSection
      list="stations"
      heading={t('setup.stations.heading')}
      intro={t('setup.stations.intro')}
      countText={t('setup.stations.count', { count: stations.length, max })}
      count={stations.length}
      max={max}
      addLabel={t('setup.stations.add')}
      onAdd={() => addStation(t('setup.stations.defaultTitle', { number: stations.length + 1 }))}
      newEntryFieldPath={(index) => `stations.${index}.title`}
      newEntryLabel={(index) => t('setup.stations.item', { number: index + 1 })}
    >
      <ol className="setup-list">
        {stations.map((station, index) => (
          <li key={station.id}>
            <EntryFieldset
              list="stations"
              index={index}
              count={stations.length}
              label={t('setup.stations.item', { number: index + 1 })}
              minCount={1}
              below={<StationQuestions stationIndex={index} columns={station.columns} />}
            >
              <TextField
                path={`stations.${index}.title`}
                label={t('setup.stations.title')}
                value={station.title}
                required
                onChange={(title) => editEntry('stations', index, { title })}
              />
              <DurationField
                path={`stations.${index}.durationMinutes`}
                value={station.durationMinutes}
                onChange={(durationMinutes) => editEntry('stations', index, { durationMinutes })}
              />
            </EntryFieldset>
          </li>
        ))}
      </ol>
    </ListSection>
  )
}
