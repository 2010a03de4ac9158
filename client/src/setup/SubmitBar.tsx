import { useSetupStore, type Submission } from './setupStore'
import { SetupPinField, SUBMIT_FAILURE_ID } from './SetupPinField'
import { useT } from '../i18n/useT'
import type { Translate } from '../i18n/translate'

function failureText(submission: Submission, t: Translate): string | null {
  switch (submission.state) {
    case 'idle':
    case 'sending':
      return null
    case 'unreachable':
      return t('setup.submit.unreachable')
    case 'pinRefused':
      return t('setup.submit.pinRefused')
    case 'rateLimited': {
      const seconds = submission.retryAfterSeconds
      if (seconds === null) return t('setup.submit.rateLimited')
      const minutes = Math.max(1, Math.ceil(seconds / 60))
      if (submission.wrongPins) {
        return minutes === 1
          ? t('setup.submit.pinLocked.one')
          : t('setup.submit.pinLocked.other', { minutes })
      }
      return minutes === 1
        ? t('setup.submit.rateLimitedFor.one')
        : t('setup.submit.rateLimitedFor.other', { minutes })
    }
    case 'failed':
      if (submission.code === 'payload_too_large') return t('setup.submit.tooLarge')
      return t('setup.submit.failed', { code: submission.code })
    default: {
      const unknown: never = submission
      throw new Error(`unknown submission ${JSON.stringify(unknown)}`)
    }
  }
}

/** The setup PIN where the server asks for one, the create button, and why the last attempt failed. */
export function SubmitBar() {
  const t = useT()
  const submission = useSetupStore((state) => state.submission)
  const sending = submission.state === 'sending'
  const failure = failureText(submission, t)
  return (
    <div className="setup-submit">
      <SetupPinField />
      {failure ? (
        <p className="setup-submit__failure" id={SUBMIT_FAILURE_ID} role="alert">
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
