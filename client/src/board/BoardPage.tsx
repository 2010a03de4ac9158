import { useState } from 'react'
import { takeLinkToken } from '../app/linkToken'
import { useDocumentTitle } from '../app/useDocumentTitle'
import { useT } from '../i18n/useT'
import { OpenBoard } from './OpenBoard'
import { BoardHeader } from './BoardHeader'
import { RefusalNotice } from './RefusalNotice'
import { TablePageGate } from './TablePageGate'
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
  const table = useTableView(eventId, tableId, token)
  const { config, view, topic, number } = table
  useDocumentTitle(t('board.documentTitle', { topic }))

  return (
    <div className="board-page" data-projector="false">
      <BoardHeader heading={number === null ? topic : t('board.heading', { number, topic })}>
        <UserNameField />
      </BoardHeader>
      <RefusalNotice
        {...(sync.phase === 'ready' && {
          onDiscardLocalCopy: () => sync.session.discardLocalCopy(),
        })}
      />
      <main className="board-page__main">
        <TablePageGate token={token} table={table} phase={sync.phase}>
          {sync.phase === 'ready' && (
            <OpenBoard
              session={sync.session}
              view={view}
              tableId={tableId}
              licenseKey={config?.tldrawLicenseKey ?? null}
            />
          )}
        </TablePageGate>
      </main>
    </div>
  )
}
