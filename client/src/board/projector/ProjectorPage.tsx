import { lazy, Suspense, useState } from 'react'
import type { EventView } from '@tablecloth/shared'
import { takeLinkSecret, takeLinkToken } from '../../app/linkToken'
import { useDocumentTitle } from '../../app/useDocumentTitle'
import { useT } from '../../i18n/useT'
import { RoomStation } from '../../room/RoomStation'
import { useRoomSizesForScreen } from './roomSizes'
import { useStationColumns } from '../../room/useStationColumns'
import { LanguageSwitch } from '../../i18n/LanguageSwitch'
import { BoardHeader } from '../BoardHeader'
import { ConnectionBadge } from '../ConnectionBadge'
import type { DocSession } from '../DocSession'
import { RefusalNotice } from '../RefusalNotice'
import { StationBar } from '../StationBar'
import { TablePageGate } from '../TablePageGate'
import { useBoardDay } from '../../canvas/useBoardDay'
import { useTableView } from '../useTableView'
import { useProjectorDoc } from './useProjectorDoc'
import { RecapMirror } from '../recap/RecapMirror'
import './projector.css'

/** The QR encoder is loaded only when there is a phone link to show. */
const PhoneJoinCode = lazy(() => import('./PhoneJoinCode'))

/**
 * A table's projector: the current station for the room, read-only, as a
 * layout of its own (the room view) drawn from the board's doc: every note
 * whole and readable, under its column's question, below the station bar.
 * It loads no tldraw. The token comes from the link (see linkToken); the
 * link also carries the table's phone link for the QR code (`&join=`).
 */
export function ProjectorPage({ eventId, tableId }: { eventId: string; tableId: string }) {
  const t = useT()
  const [token] = useState(() => takeLinkToken())
  const [join] = useState(() => takeLinkSecret('join'))
  const doc = useProjectorDoc({ eventId, tableId, token })
  const table = useTableView(eventId, tableId, token)
  const { view, topic, number } = table
  useDocumentTitle(t('board.projectorDocumentTitle', { topic }))
  const heading = number === null ? topic : t('board.projectorHeading', { number, topic })

  return (
    <div className="board-page" data-projector="true">
      {doc.phase !== 'ready' && <BoardHeader heading={heading} />}
      <RefusalNotice
        {...(doc.phase === 'ready' && { onDiscardLocalCopy: () => doc.session.discardLocalCopy() })}
      />
      <main className="board-page__main">
        <TablePageGate token={token} table={table} phase={doc.phase}>
          {doc.phase === 'ready' && (
            <ProjectorRoom
              session={doc.session}
              view={view}
              tableId={tableId}
              heading={heading}
              phoneLink={join && phoneLinkOf(eventId, tableId, join)}
            />
          )}
        </TablePageGate>
      </main>
    </div>
  )
}

/**
 * One bar on top (the table, the station, its groups and timer, the phone
 * link's QR code, the connection and the language), and the station's notes
 * below it, never under it: the bar is a single row, so the room keeps the
 * height.
 */
function ProjectorRoom({
  session,
  view,
  tableId,
  heading,
  phoneLink,
}: {
  session: DocSession
  view: EventView | null
  tableId: string
  heading: string
  phoneLink: string | null
}) {
  const day = useBoardDay(session.doc)
  const config = view?.config ?? null
  const station = useStationColumns(session.doc, config, day?.stationIndex ?? null)
  const topic = config?.tables.find((table) => table.id === tableId)?.topic ?? tableId
  const sizes = useRoomSizesForScreen()
  return (
    <>
      {view && day ? (
        <StationBar
          view={view}
          day={day}
          tableId={tableId}
          onShowStation={ignore}
          projector
          lead={<h1 className="station-bar__topic">{heading}</h1>}
          aside={
            <>
              {phoneLink && (
                <Suspense fallback={null}>
                  <PhoneJoinCode link={phoneLink} topic={topic} />
                </Suspense>
              )}
              <div className="projector-tools">
                <ConnectionBadge />
                <LanguageSwitch />
              </div>
            </>
          }
        />
      ) : (
        <BoardHeader heading={heading} />
      )}
      <div className="projector-room">
        {station && config && (
          <RoomStation station={station} language={config.language} {...sizes} />
        )}
      </div>
      {config && day && (
        <RecapMirror
          doc={session.doc}
          awareness={session.provider.awareness}
          config={config}
          day={day}
        />
      )}
    </>
  )
}

/** The projector looks at the current station only; nobody steers it. */
function ignore() {}

/** The participant link of a table, on this server, as the organiser hands it out. */
function phoneLinkOf(eventId: string, tableId: string, participantToken: string): string {
  const path = `/p/${encodeURIComponent(eventId)}/${encodeURIComponent(tableId)}`
  return `${window.location.origin}${path}#token=${encodeURIComponent(participantToken)}`
}
