import { useEffect, useState } from 'react'
import { PROTOCOL_VERSION } from '@tablecloth/shared'
import { takeLinkSecret, takeLinkToken } from '../app/linkToken'
import { PageMessage } from '../app/PageMessage'
import { ProtocolMismatchMessage } from '../app/ProtocolMismatchMessage'
import { ReloadButton } from '../app/ReloadButton'
import { useServerConfig } from '../app/serverConfigStore'
import { useDocumentTitle } from '../app/useDocumentTitle'
import { useT } from '../i18n/useT'
import { OpenBoard } from './OpenBoard'
import { useEventViews } from './eventViewStore'
import { BoardHeader } from './BoardHeader'
import { RefusalNotice } from './RefusalNotice'
import { useBoardSync } from './useBoardSync'

/**
 * A table's board: the moderator's editable one, or the read-only projector
 * view of it. The token comes from the link (see linkToken).
 */
export function BoardPage({
  eventId,
  tableId,
  projector,
}: {
  eventId: string
  tableId: string
  projector: boolean
}) {
  const t = useT()
  const [token] = useState(() => takeLinkToken())
  // Projector links carry the table's phone link for the QR code they show.
  const [join] = useState(() => (projector ? takeLinkSecret('join') : null))
  const config = useServerConfig((state) => state.config)
  const configStatus = useServerConfig((state) => state.status)
  const sync = useBoardSync({ eventId, tableId, token, readOnly: projector })
  const view = useEventViews((state) => state.views[eventId] ?? null)
  const topic = view?.config.tables.find((table) => table.id === tableId)?.topic ?? tableId

  useEffect(() => {
    void useServerConfig.getState().load()
  }, [])
  useEffect(() => {
    if (token) void useEventViews.getState().load(eventId, token)
  }, [eventId, token])
  useDocumentTitle(
    t(projector ? 'board.projectorDocumentTitle' : 'board.documentTitle', { topic }),
  )

  let body
  if (!token) {
    body = (
      <PageMessage embedded tone="error" heading={t('board.noToken.heading')}>
        <p>{t('board.noToken.body')}</p>
      </PageMessage>
    )
  } else if (configStatus === 'fresh' && config && config.protocol !== PROTOCOL_VERSION) {
    body = <ProtocolMismatchMessage />
  } else if (configStatus === 'loading' || sync.phase === 'loading') {
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
        projector={projector}
        phoneLink={join && phoneLinkOf(eventId, tableId, join)}
      />
    )
  }

  return (
    <div className="board-page" data-projector={projector}>
      <BoardHeader
        heading={t(projector ? 'board.projectorHeading' : 'board.heading', { topic })}
        projector={projector}
      />
      <RefusalNotice
        {...(sync.phase === 'ready' && { onDiscardLocalCopy: () => sync.session.discardLocalCopy() })}
      />
      <main className="board-page__main">{body}</main>
    </div>
  )
}

/** The participant link of a table, on this server, as the organiser hands it out. */
function phoneLinkOf(eventId: string, tableId: string, participantToken: string): string {
  const path = `/p/${encodeURIComponent(eventId)}/${encodeURIComponent(tableId)}`
  return `${window.location.origin}${path}#token=${encodeURIComponent(participantToken)}`
}
