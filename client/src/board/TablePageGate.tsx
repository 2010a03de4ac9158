import type { ReactNode } from 'react'
import { PROTOCOL_VERSION } from '@tablecloth/shared'
import { PageMessage } from '../app/PageMessage'
import { ProtocolMismatchMessage } from '../app/ProtocolMismatchMessage'
import { ReloadButton } from '../app/ReloadButton'
import { useT } from '../i18n/useT'
import type { TableView } from './useTableView'

/** How far a table page's doc has come: the board's sync or the projector's read-only doc. */
export type TableDocPhase = 'loading' | 'ready' | 'incompatible' | 'failed'

/**
 * What a table's page (board or projector) shows until its doc is ready: the
 * missing link token, a server speaking another protocol, loading, a board
 * this device cannot read, or a failed start. Once none applies, `children`.
 */
export function TablePageGate({
  token,
  table,
  phase,
  children,
}: {
  token: string | null
  table: Pick<TableView, 'config' | 'configStatus'>
  phase: TableDocPhase
  children: ReactNode
}) {
  const t = useT()
  const { config, configStatus } = table
  if (!token) {
    return (
      <PageMessage embedded tone="error" heading={t('board.noToken.heading')}>
        <p>{t('board.noToken.body')}</p>
      </PageMessage>
    )
  }
  if (configStatus === 'fresh' && config && config.protocol !== PROTOCOL_VERSION) {
    return <ProtocolMismatchMessage />
  }
  // A config remembered on this device (a reopened page) is good enough to start
  // with: the page does not wait for the server to say the same again.
  if ((configStatus === 'loading' && !config) || phase === 'loading') {
    return <PageMessage embedded heading={t('board.loading')} />
  }
  if (phase === 'incompatible') {
    return (
      <PageMessage
        embedded
        tone="error"
        heading={t('board.incompatible.heading')}
        actions={<ReloadButton />}
      >
        <p>{t('board.incompatible.body')}</p>
      </PageMessage>
    )
  }
  if (phase === 'failed') {
    return (
      <PageMessage
        embedded
        tone="error"
        heading={t('board.failed.heading')}
        actions={<ReloadButton />}
      >
        <p>{t('board.failed.body')}</p>
      </PageMessage>
    )
  }
  return <>{children}</>
}
