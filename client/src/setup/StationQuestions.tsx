import { flushSync } from 'react-dom'
import { domIdOf } from './fieldPaths'
import { FieldIssues } from './FieldIssues'
import { focusFirst } from './focusField'
import { SETUP_LIMITS } from './setupLimits'
import { useSetupStore } from './setupStore'
import { useIssueAttributes } from './useFieldIssues'
import { useT } from '../i18n/useT'

/** A station's guiding questions: each becomes one column on every table's board. */
export function StationQuestions({
  stationIndex,
  columns,
}: {
  stationIndex: number
  columns: string[]
}) {
  const t = useT()
  const addColumn = useSetupStore((state) => state.addColumn)
  const announce = useSetupStore((state) => state.announce)
  const path = `stations.${stationIndex}.columns`
  const id = domIdOf(path)
  const { minColumns, maxColumns } = SETUP_LIMITS

  const add = () => {
    flushSync(() => addColumn(stationIndex))
    focusFirst([domIdOf(`${path}.${columns.length}`)])
    announce(
      t('setup.announce.added', {
        item: t('setup.stations.question', { number: columns.length + 1 }),
      }),
    )
  }

  return (
    <fieldset className="setup-questions" id={id} tabIndex={-1} aria-describedby={`${id}-count`}>
      <legend className="setup-questions__legend">{t('setup.stations.questions')}</legend>
      <p className="setup-count" id={`${id}-count`}>
        {t('setup.stations.questions.count', { count: columns.length, max: maxColumns })}
      </p>
      <FieldIssues path={path} />
      <ol className="setup-questions__list">
        {columns.map((question, column) => (
          <QuestionField
            // Questions have no ids; their position is what the board's columns follow too.
            key={column}
            stationIndex={stationIndex}
            column={column}
            value={question}
            removable={columns.length > minColumns}
          />
        ))}
      </ol>
      <button
        type="button"
        id={`${id}-add`}
        className="button setup-add-button"
        disabled={columns.length >= maxColumns}
        aria-describedby={`${id}-count`}
        onClick={add}
      >
        <span aria-hidden="true">+</span> {t('setup.stations.addQuestion')}
      </button>
    </fieldset>
  )
}

function QuestionField({
  stationIndex,
  column,
  value,
  removable,
}: {
  stationIndex: number
  column: number
  value: string
  removable: boolean
}) {
  const t = useT()
  const update = useSetupStore((state) => state.update)
  const removeColumn = useSetupStore((state) => state.removeColumn)
  const announce = useSetupStore((state) => state.announce)
  const path = `stations.${stationIndex}.columns.${column}`
  const id = domIdOf(path)
  const issueAttributes = useIssueAttributes(path)
  const label = t('setup.stations.question', { number: column + 1 })

  const remove = () => {
    flushSync(() => removeColumn(stationIndex, column))
    const columnsPath = `stations.${stationIndex}.columns`
    focusFirst([id, domIdOf(`${columnsPath}.${column - 1}`), `${domIdOf(columnsPath)}-add`])
    announce(t('setup.announce.removed', { item: label }))
  }

  return (
    <li className="setup-question">
      <div className="setup-question__row">
        <label className="setup-question__label" htmlFor={id}>
          {label}
        </label>
        <input
          id={id}
          className="setup-field__input"
          type="text"
          value={value}
          autoComplete="off"
          aria-required
          {...issueAttributes}
          onChange={(event) => {
            const text = event.target.value
            update((draft) => {
              const station = draft.stations[stationIndex]
              if (station) station.columns[column] = text
            })
          }}
        />
        <button
          type="button"
          id={`${id}-remove`}
          className="button setup-remove-button"
          disabled={!removable}
          aria-label={t('setup.item.remove', { item: label })}
          onClick={remove}
        >
          {t('setup.item.removeShort')}
        </button>
      </div>
      <FieldIssues path={path} />
    </li>
  )
}
