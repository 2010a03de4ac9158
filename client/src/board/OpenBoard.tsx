import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react'
import type { Editor } from 'tldraw'
import { resolveSeatingPlan, groupsAtTable, type EventView } from '@tablecloth/shared'
import { BoardCanvas } from './BoardCanvas'
import { CaptureBar } from './capture/CaptureBar'
import { CAPTURE_COMPONENTS } from './capture/captureComponents'
import { PROJECTOR_COMPONENTS } from './projector/projectorComponents'
import { useProjectorFit } from './projector/useProjectorFit'
import { useBoardKeys } from './capture/useBoardKeys'
import { useClusters } from './clusters/useClusters'
import type { BoardSession } from './BoardSession'
import { stampNewNotes } from './noteStamp'
import { showStation } from './stationCamera'
import { StationBar } from './StationBar'
import { useBoardDay } from './useBoardDay'
import { useStationCamera } from './useStationCamera'
import { useUserPreferences } from './userPreferences'

/** Only projectors show it, so the QR encoder is loaded there and not on every board. */
const PhoneJoinCode = lazy(() => import('./projector/PhoneJoinCode'))

/**
 * An open board with the day around it: the station bar, the camera that
 * follows station changes, and note stamping with station, group and writer.
 */
export function OpenBoard({
  session,
  view,
  tableId,
  licenseKey,
  projector,
  phoneLink = null,
}: {
  session: BoardSession
  view: EventView | null
  tableId: string
  licenseKey: string | null
  projector: boolean
  /** The table's participant link, which a projector shows as a QR code. */
  phoneLink?: string | null
}) {
  const [editor, setEditor] = useState<Editor | null>(null)
  const day = useBoardDay(session.doc)
  const name = useUserPreferences((state) => state.name)
  // The projector fits the station's notes itself; the moderator's camera only follows changes.
  useStationCamera(projector ? null : editor, view?.config ?? null, day)
  useProjectorFit(projector ? editor : null, view?.config ?? null, day)
  useBoardKeys(projector ? null : editor, day?.stationId ?? null)
  useClusters(projector ? null : editor)

  // The stamp reads the latest context at creation time, not at registration.
  const context = useRef({ day, view, name })
  context.current = { day, view, name }
  useEffect(() => {
    if (!editor || projector) return
    return stampNewNotes(editor, () => {
      const { day: current, view: event, name: author } = context.current
      const plan = event ? resolveSeatingPlan(event.config) : null
      const groups = plan && current ? groupsAtTable(plan, current.stationIndex, tableId) : []
      return {
        stationId: current?.stationId ?? null,
        // With several groups at one table the writer's group is unknown.
        groupId: groups.length === 1 ? (groups[0] ?? null) : null,
        author,
      }
    })
  }, [editor, projector, tableId])

  const onShowStation = useCallback(
    (stationIndex: number) => {
      if (editor && view) showStation(editor, view.config, stationIndex)
    },
    [editor, view],
  )

  return (
    <>
      {view && day && (
        <StationBar
          view={view}
          day={day}
          tableId={tableId}
          onShowStation={onShowStation}
          projector={projector}
          aside={
            projector && phoneLink ? (
              <Suspense fallback={null}>
                <PhoneJoinCode
                  link={phoneLink}
                  topic={view.config.tables.find((table) => table.id === tableId)?.topic ?? tableId}
                />
              </Suspense>
            ) : null
          }
        />
      )}
      <BoardCanvas
        session={session}
        licenseKey={licenseKey}
        components={projector ? PROJECTOR_COMPONENTS : CAPTURE_COMPONENTS}
        onEditor={setEditor}
      />
      {!projector && <CaptureBar editor={editor} view={view} day={day} tableId={tableId} />}
    </>
  )
}
