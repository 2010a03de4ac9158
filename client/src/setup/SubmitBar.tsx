import { useSetupStore, type Submission } from './setupStore'
import { useT } from '../i18n/useT'
import type { Translate } from '../i18n/translate'

function failureText(submission: Submission, t: Translate): string | null {
  switch (submission.state) {
    case 'idle':
    case 'sending':
      return null
    case 'unreachable':
      return t('setup.submit.unreachable')
    case 'failed':
      if (submission.code === 'rate_limited') return t('setup.submit.rateLimited')
      if (submission.code === 'payload_too_large') return t('setup.submit.tooLarge')
      return t('setup.submit.failed', { code: submission.code })
    default: {
      const unknown: never = submission
      throw new Error(`unknown submission ${JSON.stringify(unknown)}`)
    }
  }
}

/** The create button, and why the last attempt failed if it did. */
export function SubmitBar() {
  const t = useT()
  const submission = useSetupStore((state) => state.submission)
  const sending = submission.state === 'sending'
  const failure = failureText(submission, t)
  return (
    <div className="setup-submit">
      {failure ? (
        <p className="setup-submit__failure" role="alert">
          {failure}
        </p>
      ) : null}
      <button
        type="submit"
        className="button button--primary setup-submit__button"
        aria-disabled={sending || undefined}
      >
        {sending ? t('setup.submit.sending') : t('setup.submit')}
      </button>
    </div>
  )
}
