import { useEffect, useRef } from 'react'
import { NOTE_TEXT_MAX_LENGTH } from '@tablecloth/shared'
import type { SendOutcome } from './phoneStore'
import type { PhoneTranslate } from './usePhoneT'

/**
 * What became of sending, in two live regions that are always on the page,
 * so screen readers announce each new message: success politely, problems at
 * once.
 */
export function SendStatus({
  outcome,
  overflow,
  t,
  id,
}: {
  outcome: SendOutcome | null
  /** Characters beyond the limit, for the "too long" message. */
  overflow: number
  t: PhoneTranslate
  /** Id of the problem message, for the field it concerns to point at. */
  id: string
}) {
  const sent = outcome?.kind === 'sent'
  const problem = outcome && !sent ? messageOf(outcome, overflow, t) : ''
  const region = useRef<HTMLDivElement>(null)
  // On a small screen the message lands below the fold, under the send button.
  useEffect(() => {
    if (outcome) region.current?.scrollIntoView({ block: 'nearest' })
  }, [outcome])
  return (
    <div className="phone-status" ref={region}>
      <div role="status" data-testid="phone-sent">
        {sent ? <p className="phone-status__sent">{t('phone.sent')}</p> : null}
      </div>
      <div role="alert" id={id} data-testid="phone-problem">
        {problem ? <p className="phone-status__problem">{problem}</p> : null}
      </div>
    </div>
  )
}

function messageOf(
  outcome: Exclude<SendOutcome, { kind: 'sent' }>,
  overflow: number,
  t: PhoneTranslate,
): string {
  switch (outcome.kind) {
    case 'problem':
      switch (outcome.problem) {
        case 'noColumn':
          return t('phone.problem.noColumn')
        case 'empty':
          return t('phone.problem.empty')
        case 'tooLong':
          return t('phone.problem.tooLong', {
            max: NOTE_TEXT_MAX_LENGTH,
            over: Math.max(1, overflow),
          })
        default: {
          const unknownProblem: never = outcome.problem
          return String(unknownProblem)
        }
      }
    case 'rateLimited':
      return outcome.seconds === 1
        ? t('phone.error.rateLimited.one')
        : t('phone.error.rateLimited.other', { seconds: outcome.seconds })
    case 'network':
      return t('phone.error.network')
    case 'stationChanged':
      return t('phone.error.stationChanged')
    case 'storage':
      return t('phone.error.storage')
    case 'boardFull':
      return t('phone.error.boardFull')
    case 'failed':
      return t('phone.error.failed', { code: outcome.code })
    default: {
      const unknownOutcome: never = outcome
      return String(unknownOutcome)
    }
  }
}
