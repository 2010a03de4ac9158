import { useT } from '../../i18n/useT'

/**
 * The current station's questions as buttons: the pressed one is the column
 * new notes go to. Numbered as Alt+1 … Alt+6 pick them from the keyboard.
 */
export function ColumnTabs({
  questions,
  active,
  disabled,
  onChoose,
}: {
  questions: readonly string[]
  active: number
  disabled: boolean
  onChoose: (index: number) => void
}) {
  const t = useT()
  return (
    <div className="capture-tabs" role="group" aria-label={t('capture.columnsLabel')}>
      {questions.map((question, index) => (
        <button
          key={index}
          type="button"
          className="capture-tab"
          aria-pressed={index === active}
          title={t('capture.columnShortcut', { number: index + 1 })}
          disabled={disabled}
          data-testid="capture-column"
          onClick={() => onChoose(index)}
        >
          <span className="capture-tab__number">{index + 1}</span> {question}
        </button>
      ))}
    </div>
  )
}
