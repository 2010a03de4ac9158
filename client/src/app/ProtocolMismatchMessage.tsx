import { useT } from '../i18n/useT'
import { PageMessage } from './PageMessage'
import { ReloadButton } from './ReloadButton'

/**
 * Said inside a page when the server speaks a newer or older sync protocol
 * than this page was built for: only a reload (which fetches the server's
 * own build) brings them together.
 */
export function ProtocolMismatchMessage() {
  const t = useT()
  return (
    <PageMessage
      embedded
      tone="error"
      heading={t('close.protocolMismatch.heading')}
      actions={<ReloadButton />}
    >
      <p>{t('close.protocolMismatch.body')}</p>
    </PageMessage>
  )
}
