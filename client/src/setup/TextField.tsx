import { domIdOf } from './fieldPaths'
import { FieldIssues } from './FieldIssues'
import { useIssueAttributes } from './useFieldIssues'

/** A labelled one-line input for a text or a date, with its hint and issues. */
export function TextField({
  path,
  label,
  value,
  onChange,
  required = false,
  type = 'text',
  hint,
  autoComplete = 'off',
}: {
  /** The validation path of the value; also gives the input its id. */
  path: string
  label: string
  value: string
  onChange(value: string): void
  required?: boolean
  type?: 'text' | 'date'
  hint?: string
  autoComplete?: string
}) {
  const id = domIdOf(path)
  const hintId = hint ? `${id}-hint` : undefined
  const issueAttributes = useIssueAttributes(path, hintId)
  return (
    <div className="setup-field">
      <label className="setup-field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="setup-field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        className="setup-field__input"
        type={type}
        value={value}
        autoComplete={autoComplete}
        // The form validates itself (noValidate); this only tells assistive technology.
        aria-required={required || undefined}
        {...issueAttributes}
        onChange={(event) => onChange(event.target.value)}
      />
      <FieldIssues path={path} />
    </div>
  )
}
