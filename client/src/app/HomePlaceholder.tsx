import { LanguageSwitch } from '../i18n/LanguageSwitch'
import { useT } from '../i18n/useT'
import { PageMessage } from './PageMessage'

/** The start page until event setup (client/src/setup/) takes its place in App. */
export function HomePlaceholder() {
  const t = useT()
  return (
    <PageMessage heading={t('home.heading')} actions={<LanguageSwitch />}>
      <p>{t('home.body')}</p>
    </PageMessage>
  )
}
