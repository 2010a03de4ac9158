import { EntryFieldset } from './EntryFieldset'
import { GroupColourField } from './GroupColourField'
import { ListSection } from './ListSection'
import { SETUP_LIMITS } from './setupLimits'
import { useSetupStore } from './setupStore'
import { TextField } from './TextField'
import { useDraft } from './useDraft'
import { useT } from '../i18n/useT'

/** The optional groups that move from table to table together, each with its note colour. */
export function GroupsEditor() {
  const t = useT()
  const { groups } = useDraft()
  const editEntry = useSetupStore((state) => state.editEntry)
  const addGroup = useSetupStore((state) => state.addGroup)
  const max = SETUP_LIMITS.groups
  return (
    <ListSection
      list="groups"
      heading={t('setup.optional', { label: t('setup.groups.heading') })}
      intro={t('setup.groups.intro')}
      countText={t('setup.groups.count', { count: groups.length, max })}
      count={groups.length}
      max={max}
      addLabel={t('setup.groups.add')}
      onAdd={addGroup}
      newEntryFieldPath={(index) => `groups.${index}.name`}
      newEntryLabel={(index) => t('setup.groups.item', { number: index + 1 })}
    >
      {groups.length === 0 ? <p className="setup-empty">{t('setup.groups.none')}</p> : null}
      <ol className="setup-list">
        {groups.map((group, index) => (
          <li key={group.id}>
            <EntryFieldset
              list="groups"
              index={index}
              count={groups.length}
              label={t('setup.groups.item', { number: index + 1 })}
              minCount={0}
            >
              <TextField
                path={`groups.${index}.name`}
                label={t('setup.groups.name')}
                value={group.name}
                required
                onChange={(name) => editEntry('groups', index, { name })}
              />
              <GroupColourField
                path={`groups.${index}.colour`}
                value={group.colour}
                onChange={(colour) => editEntry('groups', index, { colour })}
              />
            </EntryFieldset>
          </li>
        ))}
      </ol>
    </ListSection>
  )
}
