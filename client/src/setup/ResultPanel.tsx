import { flushSync } from 'react-dom'
import { CopyLinkField } from './CopyLinkField'
import { focusById } from './focusField'
import { useSetupStore } from './setupStore'
import { useT } from '../i18n/useT'

export const RESULT_HEADING_ID = 'setup-result-heading'
export const PAGE_HEADING_ID = 'setup-heading'

/** After creating: the control room link to keep, and the way into the control room. */
export function ResultPanel() {
  const t = useT()
  const created = useSetupStore((state) => state.created)
  const dismissResult = useSetupStore((state) => state.dismissResult)
  if (!created) return null
  const warningId = 'setup-result-warning'
  return (
    <section className="setup-result" aria-labelledby={RESULT_HEADING_ID}>
      <h2 className="setup-result__heading" id={RESULT_HEADING_ID} tabIndex={-1}>
        {t('setup.result.heading')}
      </h2>
      <CopyLinkField
        id="setup-result-control-link"
        label={t('setup.result.controlLink')}
        link={created.links.control}
        describedBy={warningId}
      />
      <p className="setup-warning" id={warningId}>
        <span className="setup-warning__icon" aria-hidden="true">
          !
        </span>
        <strong>{t('setup.result.warning')}</strong>
      </p>
      <div className="setup-result__actions">
        {/* A full page load: the control room takes its token from the link's fragment. */}
        <a className="button button--primary setup-result__open" href={created.links.control}>
          {t('setup.result.open')}
        </a>
        <button
          type="button"
          className="button"
          onClick={() => {
            flushSync(dismissResult)
            focusById(PAGE_HEADING_ID)
          }}
        >
          {t('setup.result.back')}
        </button>
      </div>
      <p className="setup-result__remembered">{t('setup.result.remembered')}</p>
    </section>
  )
}
