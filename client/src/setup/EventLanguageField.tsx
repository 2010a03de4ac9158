import { HYPHENATION_LANGUAGES, type HyphenationLanguage } from '@tablecloth/shared'
import { domIdOf } from './fieldPaths'
import { FieldIssues } from './FieldIssues'
import { useSetupStore } from './setupStore'
import { useDraft } from './useDraft'
import { useIssueAttributes } from './useFieldIssues'
import { useT } from '../i18n/useT'

/**
 * „Sprache der Veranstaltung“: the language the day is held in. Notes whose
 * words do not say otherwise are hyphenated by its rules. Not the language
 * of the pages, which every device picks for itself.
 */
export function EventLanguageField() {
  const t = useT()
  const { language } = useDraft()
  const update = useSetupStore((state) => state.update)
  const path = 'language'
  const id = domIdOf(path)
  const issueAttributes = useIssueAttributes(path, `${id}-hint`)
  return (
    <div className="setup-field">
      <label className="setup-field__label" htmlFor={id}>
        {t('setup.field.language')}
      </label>
      <p className="setup-field__hint" id={`${id}-hint`}>
        {t('setup.field.language.hint')}
      </p>
      <select
        id={id}
        className="setup-field__input"
        value={language}
        {...issueAttributes}
        onChange={(event) => {
          const chosen = event.target.value as HyphenationLanguage
          update((draft) => {
            draft.language = chosen
          })
        }}
      >
        {HYPHENATION_LANGUAGES.map((option) => (
          // Each language named in itself, as the language switch does.
          <option key={option} value={option} lang={option}>
            {t(`language.${option}`)}
          </option>
        ))}
      </select>
      <FieldIssues path={path} />
    </div>
  )
}
