import { GROUP_COLOURS, isNoteColour, type NoteColour } from '@tablecloth/shared'
import { swatchOf } from './colourSwatches'
import { domIdOf } from './fieldPaths'
import { FieldIssues } from './FieldIssues'
import { useIssueAttributes } from './useFieldIssues'
import { useT } from '../i18n/useT'

/** A group's note colour: one of the group palette, or automatic. */
export function GroupColourField({
  path,
  value,
  onChange,
}: {
  path: string
  value: string
  onChange(colour: string): void
}) {
  const t = useT()
  const id = domIdOf(path)
  const issueAttributes = useIssueAttributes(path)
  // An imported file may use a note colour outside the group palette; it stays selectable.
  const options: readonly NoteColour[] =
    isNoteColour(value) && !(GROUP_COLOURS as readonly string[]).includes(value)
      ? [...GROUP_COLOURS, value]
      : GROUP_COLOURS
  return (
    <div className="setup-field setup-field--narrow">
      <label className="setup-field__label" htmlFor={id}>
        {t('setup.groups.colour')}
      </label>
      <div className="setup-colour">
        <span
          className="setup-colour__swatch"
          aria-hidden="true"
          data-automatic={value === '' || undefined}
          style={{ background: swatchOf(value) }}
        />
        <select
          id={id}
          className="setup-field__input"
          value={value}
          {...issueAttributes}
          onChange={(event) => onChange(event.target.value)}
        >
          <option value="">{t('setup.groups.colour.auto')}</option>
          {options.map((colour) => (
            <option key={colour} value={colour}>
              {t(`setup.colour.${colour}`)}
            </option>
          ))}
        </select>
      </div>
      <FieldIssues path={path} />
    </div>
  )
}
