import { useLanguage } from './languageStore'
import { LANGUAGES } from './translate'
import { useT } from './useT'

/** DE | EN buttons; the current language is pressed. */
export function LanguageSwitch() {
  const t = useT()
  const language = useLanguage((state) => state.language)
  const setLanguage = useLanguage((state) => state.setLanguage)
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((option) => (
        <button
          key={option}
          type="button"
          className="language-switch__option"
          aria-pressed={option === language}
          lang={option}
          title={t('language.switchTo', { language: t(`language.${option}`) })}
          onClick={() => setLanguage(option)}
        >
          {t(`language.${option}.short`)}
        </button>
      ))}
    </div>
  )
}
