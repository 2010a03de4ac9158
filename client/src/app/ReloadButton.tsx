import { useT } from '../i18n/useT'

export function ReloadButton() {
  const t = useT()
  return (
    <button
      type="button"
      className="button button--primary"
      onClick={() => window.location.reload()}
    >
      {t('app.reload')}
    </button>
  )
}
