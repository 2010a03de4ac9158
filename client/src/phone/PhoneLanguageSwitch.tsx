import { useLanguage } from '../i18n/languageStore'
import { LANGUAGES } from '../i18n/languages'
import { usePhoneT } from './usePhoneT'

/**
 * DE | EN for the phone page, looking and behaving like the app's
 * LanguageSwitch but worded from the phone's own catalog (see usePhoneT).
 */
export function PhoneLanguageSwitch() {
  const t = usePhoneT()
  const current = useLanguage((state) => state.language)
  const choose = useLanguage((state) => state.setLanguage)
  return (
    <div className="language-switch" role="group" aria-label={t('phone.language.label')}>
      {LANGUAGES.map((language) => {
        const name = t(`phone.language.${language}`)
        return (
          <button
            key={language}
            className="language-switch__option"
            type="button"
            lang={language}
            aria-pressed={language === current}
            title={t('phone.language.switchTo', { language: name })}
            onClick={() => choose(language)}
          >
            {t(`phone.language.${language}.short`)}
          </button>
        )
      })}
    </div>
  )
}
