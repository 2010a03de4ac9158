import { EntryFieldset } from './EntryFieldset'
import { ListSection } from './ListSection'
import { SETUP_LIMITS } from './setupLimits'
import { useSetupStore } from './setupStore'
import { TextField } from './TextField'
import { useDraft } from './useDraft'
import { useT } from '../i18n/useT'

/** The topic tables: topic and moderator per table, numbered as in the room. */
export function TablesEditor() {
  const t = useT()
  const { tables } = useDraft()
  const editEntry = useSetupStore((state) => state.editEntry)
  const addTable = useSetupStore((state) => state.addTable)
  const max = SETUP_LIMITS.tables
  return (
    <ListSection
      list="tables"
      heading={t('setup.tables.heading')}
      countText={t('setup.tables.count', { count: tables.length, max })}
      count={tables.length}
      max={max}
      addLabel={t('setup.tables.add')}
      onAdd={addTable}
      newEntryFieldPath={(index) => `tables.${index}.topic`}
      newEntryLabel={(index) => t('setup.tables.item', { number: index + 1 })}
    >
      <ol className="setup-list">
        {tables.map((table, index) => (
          <li key={table.id}>
            <EntryFieldset
              list="tables"
              index={index}
              count={tables.length}
              label={t('setup.tables.item', { number: index + 1 })}
              minCount={1}
            >
              <TextField
                path={`tables.${index}.topic`}
                label={t('setup.tables.topic')}
                value={table.topic}
                required
                onChange={(topic) => editEntry('tables', index, { topic })}
              />
              <TextField
                path={`tables.${index}.moderator`}
                label={t('setup.optional', { label: t('setup.tables.moderator') })}
                value={table.moderator}
                onChange={(moderator) => editEntry('tables', index, { moderator })}
              />
            </EntryFieldset>
          </li>
        ))}
      </ol>
    </ListSection>
  )
}
