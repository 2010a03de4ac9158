import { useT } from '../i18n/useT'
import { navigate } from './navigation'
import { PageMessage } from './PageMessage'

export function NotFoundPage() {
  const t = useT()
  return (
    <PageMessage
      heading={t('notFound.heading')}
      tone="error"
      actions={
        <a
          className="button"
          href="/"
          onClick={(event) => {
            event.preventDefault()
            navigate('/')
          }}
        >
          {t('app.backHome')}
        </a>
      }
    >
      <p>{t('notFound.body')}</p>
    </PageMessage>
  )
}
