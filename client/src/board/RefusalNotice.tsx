import { CloseCode } from '@tablecloth/shared'
import { ReloadButton } from '../app/ReloadButton'
import type { MessageKey } from '../i18n/de'
import { useT } from '../i18n/useT'
import { useConnection, type Refusal } from '../canvas/connectionStore'

interface RefusalTexts {
  heading: MessageKey
  body: MessageKey
  /** A reload can help: a newer page, or a fresh start after a refused change. */
  reload: boolean
}

function refusalTexts({ code }: Refusal): RefusalTexts {
  switch (code) {
    case CloseCode.ProtocolMismatch:
      return {
        heading: 'close.protocolMismatch.heading',
        body: 'close.protocolMismatch.body',
        reload: true,
      }
    case CloseCode.Unauthorized:
      return {
        heading: 'close.unauthorized.heading',
        body: 'close.unauthorized.body',
        reload: false,
      }
    case CloseCode.Forbidden:
      return { heading: 'close.forbidden.heading', body: 'close.forbidden.body', reload: false }
    case CloseCode.NotFound:
      return { heading: 'close.notFound.heading', body: 'close.notFound.body', reload: false }
    case CloseCode.BoardFull:
      return { heading: 'close.boardFull.heading', body: 'close.boardFull.body', reload: false }
    case CloseCode.InvalidMessage:
      // Only the board's refusal of this device's content stops the board (see `isRefusal`).
      return { heading: 'close.rejected.heading', body: 'close.rejected.body', reload: true }
    default:
      return { heading: 'close.other.heading', body: 'close.other.body', reload: true }
  }
}

/**
 * Says why the server refused the board, above the board, which stays
 * readable. When the board refused what this device's copy holds, a reload
 * would send the same again: `onDiscardLocalCopy` then offers to load the
 * board from the server alone.
 */
export function RefusalNotice({
  onDiscardLocalCopy,
}: {
  onDiscardLocalCopy?: () => Promise<void>
}) {
  const t = useT()
  const refusal = useConnection((state) => state.refusedWith)
  if (refusal === null) return null
  const { heading, body, reload } = refusalTexts(refusal)
  const discard = refusal.code === CloseCode.InvalidMessage ? onDiscardLocalCopy : undefined
  return (
    <div className="refusal-notice" role="alert" data-close-code={refusal.code}>
      <div>
        <strong className="refusal-notice__heading">{t(heading)}</strong>{' '}
        <span>{t(body, { code: refusal.code })}</span>
      </div>
      {discard ? (
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            discard().then(
              () => window.location.reload(),
              (error: unknown) =>
                console.error('Could not forget this device’s copy of the board', error),
            )
          }}
        >
          {t('close.rejected.discard')}
        </button>
      ) : reload ? (
        <ReloadButton />
      ) : null}
    </div>
  )
}
