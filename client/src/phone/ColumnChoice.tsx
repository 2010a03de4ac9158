import type { Ref } from 'react'

/**
 * The current station's questions as large radio buttons, one per column of
 * the board. Native radios: arrow keys move between them, Space picks one.
 */
export function ColumnChoice({
  legend,
  questions,
  column,
  onChoose,
  firstRef,
  describedBy,
}: {
  legend: string
  questions: readonly string[]
  column: number | null
  onChoose: (column: number) => void
  /** The first radio, so the page can move focus here when no question is chosen. */
  firstRef: Ref<HTMLInputElement>
  describedBy?: string
}) {
  return (
    <fieldset className="phone-columns" aria-describedby={describedBy}>
      <legend className="phone-columns__legend">{legend}</legend>
      {questions.map((question, index) => (
        <label key={index} className="phone-choice">
          <input
            ref={index === 0 ? firstRef : undefined}
            className="phone-choice__radio"
            type="radio"
            name="column"
            value={index}
            checked={column === index}
            onChange={() => onChoose(index)}
          />
          <span className="phone-choice__question" dir="auto">
            {question}
          </span>
        </label>
      ))}
    </fieldset>
  )
}
