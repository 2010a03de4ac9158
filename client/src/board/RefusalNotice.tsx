import { CloseCode } from '@tablecloth/shared'
import { ReloadButton } from '../app/ReloadButton'
import type { MessageKey } from '../i18n/de'
import { useT } from '../i18n/useT'
import { useConnection } from './connectionStore'

function refusalTexts(code: number): { heading: MessageKey; body: MessageKey } {
  switch (code) {
    case CloseCode.ProtocolMismatch:
      return { heading: 'close.protocolMismatch.heading', body: 'close.protocolMismatch.body' }
    case CloseCode.Unauthorized:
      return { heading: 'close.unauthorized.heading', body: 'close.unauthorized.body' }
    case CloseCode.Forbidden:
      return { heading: 'close.forbidden.heading', body: 'close.forbidden.body' }
    case CloseCode.NotFound:
      return { heading: 'close.notFound.heading', body: 'close.notFound.body' }
    default:
      return { heading: 'close.other.heading', body: 'close.other.body' }
  }
}

/** Says why the server refused the board, above the board, which stays readable. */
export function RefusalNotice() {
  const t = useT()
  const code = useConnection((state) => state.refusedWith)
  if (code === null) return null
  const { heading, body } = refusalTexts(code)
  return (
    <div className="refusal-notice" role="alert">
      <div>
        <strong className="refusal-notice__heading">{t(heading)}</strong>{' '}
        <span>{t(body, { code })}</span>
      </div>
      {code === CloseCode.ProtocolMismatch ? <ReloadButton /> : null}
    </div>
  )
}
