import { useState } from 'react'
import { PROTOCOL_VERSION } from '@tablecloth/shared'
import { takeLinkToken } from '../app/linkToken'
import { PageMessage } from '../app/PageMessage'
import { ProtocolMismatchMessage } from '../app/ProtocolMismatchMessage'
import { ReloadButton } from '../app/ReloadButton'
import { useDocumentTitle } from '../app/useDocumentTitle'
import { useT } from '../i18n/useT'
import { OpenBoard } from './OpenBoard'
import { BoardHeader } from './BoardHeader'
import { RefusalNotice } from './RefusalNotice'
import { useBoardSync } from './useBoardSync'
import { useTableView } from './useTableView'
import type { EarlyBoard } from './earlyBoard'
import { UserNameField } from './UserNameField'

/**
 * A table's board, editable: the moderator's. The token comes from the link
 * (see linkToken). The projector is a page of its own (`projector/ProjectorPage`)
 * that loads no tldraw.
 */
export function BoardPage({
  eventId,
  tableId,
  early = null,
}: {
  eventId: string
  tableId: string
  /** The board board.html opened before this page's code ran (see `EarlyBoard`). */
  early?: EarlyBoard | null
}) {
  const t = useT()
  const [token] = useState(() => takeLinkToken())
  const sync = useBoardSync({ eventId, tableId, token, readOnly: false, early })
  const { config, configStatus, view, topic, number } = useTableView(eventId, tableId, token)
  useDocumentTitle(t('board.documentTitle', { topic }))

  let body
  if (!token) {
    body = (
      <PageMessage embedded tone="error" heading={t('board.noToken.heading')}>
        <p>{t('board.noToken.body')}</p>
      </PageMessage>
    )
  } else if (configStatus === 'fresh' && config && config.protocol !== PROTOCOL_VERSION) {
    body = <ProtocolMismatchMessage />
  } else if ((configStatus === 'loading' && !config) || sync.phase === 'loading') {
    // A config remembered on this device (a reopened board) is good enough to start
    // with: the board does not wait for the server to say the same again.
    body = <PageMessage embedded heading={t('board.loading')} />
  } else if (sync.phase === 'incompatible') {
    body = (
      <PageMessage
        embedded
        tone="error"
        heading={t('board.incompatible.heading')}
        actions={<ReloadButton />}
      >
        <p>{t('board.incompatible.body')}</p>
      </PageMessage>
    )
  } else if (sync.phase === 'failed') {
    body = (
      <PageMessage
        embedded
        tone="error"
        heading={t('board.failed.heading')}
        actions={<ReloadButton />}
      >
        <p>{t('board.failed.body')}</p>
      </PageMessage>
    )
  } else {
    body = (
      <OpenBoard
        session={sync.session}
        view={view}
        tableId={tableId}
        licenseKey={config?.tldrawLicenseKey ?? null}
      />
    )
  }

  return (
    <div className="board-page" data-projector="false">
      <BoardHeader heading={number === null ? topic : t('board.heading', { number, topic })}>
        <UserNameField />
      </BoardHeader>
      <RefusalNotice
        {...(sync.phase === 'ready' && { onDiscardLocalCopy: () => sync.session.discardLocalCopy() })}
      />
      <main className="board-page__main">{body}</main>
    </div>
  )
}
