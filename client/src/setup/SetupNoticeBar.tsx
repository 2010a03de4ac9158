import { flushSync } from 'react-dom'
import { focusById } from './focusField'
import { useSetupStore } from './setupStore'
import { useT } from '../i18n/useT'

// Both buttons disappear once used; focus then returns to the start choices.
const START_HEADING_ID = 'setup-start-heading'

/**
 * What the last start choice did ("Die Vorlage ist geladen."), with an undo
 * when it replaced a draft. The live region is always present, so screen
 * readers announce each new notice.
 */
export function SetupNoticeBar() {
  const t = useT()
  const notice = useSetupStore((state) => state.notice)
  const canUndo = useSetupStore((state) => state.previousDraft !== null)
  const restorePrevious = useSetupStore((state) => state.restorePrevious)
  const showNotice = useSetupStore((state) => state.showNotice)
  return (
    <div className="setup-notice-region" role="status">
      {notice ? (
        <div className="setup-notice" data-tone={notice.tone}>
          <p className="setup-notice__text">
            {t(notice.key, notice.params)}
            {notice.undoable && canUndo ? ` ${t('setup.notice.replaced')}` : null}
          </p>
          <div className="setup-notice__actions">
            {notice.undoable && canUndo ? (
              <button
                type="button"
                className="button"
                onClick={() => {
                  flushSync(restorePrevious)
                  focusById(START_HEADING_ID)
                }}
              >
                {t('setup.notice.undo')}
              </button>
            ) : null}
            <button
              type="button"
              className="button setup-icon-button"
              aria-label={t('setup.notice.dismiss')}
              title={t('setup.notice.dismiss')}
              onClick={() => {
                flushSync(() => showNotice(null))
                focusById(START_HEADING_ID)
              }}
            >
              <span aria-hidden="true">×</span>
            </button>
          </div>
        </div>
      ) : null}
    </div>
  )
}
