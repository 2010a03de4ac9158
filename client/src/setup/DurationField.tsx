import { domIdOf } from './fieldPaths'
import { FieldIssues } from './FieldIssues'
import { SETUP_LIMITS } from './setupLimits'
import { useIssueAttributes } from './useFieldIssues'
import { useT } from '../i18n/useT'

/** A station's duration in whole minutes; an empty field is kept as empty, not as zero. */
export function DurationField({
  path,
  value,
  onChange,
}: {
  path: string
  value: number | null
  onChange(value: number | null): void
}) {
  const t = useT()
  const id = domIdOf(path)
  const hintId = `${id}-hint`
  const issueAttributes = useIssueAttributes(path, hintId)
  const { minDuration: min, maxDuration: max } = SETUP_LIMITS
  return (
    <div className="setup-field setup-field--narrow">
      <label className="setup-field__label" htmlFor={id}>
        {t('setup.stations.duration')}
      </label>
      <input
        id={id}
        className="setup-field__input"
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={value ?? ''}
        aria-required
        {...issueAttributes}
        onChange={(event) => {
          const number = event.target.valueAsNumber
          onChange(Number.isFinite(number) ? number : null)
        }}
      />
      {/* Under the input, so the input lines up with the station title beside it. */}
      <p className="setup-field__hint" id={hintId}>
        {t('setup.stations.duration.hint', { min, max })}
      </p>
      <FieldIssues path={path} />
    </div>
  )
}
