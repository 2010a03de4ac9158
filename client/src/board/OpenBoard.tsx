import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Editor } from 'tldraw'
import { resolveSeatingPlan, groupsAtTable, type EventView } from '@tablecloth/shared'
import { BoardCanvas } from './BoardCanvas'
import { CaptureBar } from './capture/CaptureBar'
import { CAPTURE_COMPONENTS } from './capture/captureComponents'
import { useBoardKeys } from './capture/useBoardKeys'
import { useClusters } from './clusters/useClusters'
import type { BoardSession } from './BoardSession'
import { useBoardMode } from './boardMode'
import { setNoteLanguage } from '../canvas/notes/noteHyphenation'
import { stampNewNotes } from './noteStamp'
import { showStation } from './stationCamera'
import { StationBar } from './StationBar'
import { NewNotesContext } from './recap/newNotesContext'
import { RecapControl } from './recap/RecapControl'
import { useBoardDay } from '../canvas/useBoardDay'
import { useStationCamera } from './useStationCamera'
import { useUserPreferences } from './userPreferences'

/**
 * An open board with the day around it: the station bar, the camera that
 * follows station changes, and note stamping with station, group and writer.
 * The moderator's; the projector draws the doc itself (`projector/ProjectorPage`).
 */
export function OpenBoard({
  session,
  view,
  tableId,
  licenseKey,
}: {
  session: BoardSession
  view: EventView | null
  tableId: string
  licenseKey: string | null
}) {
  const [editor, setEditor] = useState<Editor | null>(null)
  const day = useBoardDay(session.doc)
  const name = useUserPreferences((state) => state.name)
  useStationCamera(editor, view?.config ?? null, day)
  const mode = useBoardMode((state) => state.mode)
  const language = view?.config.language ?? null
  useEffect(() => {
    // Notes are hyphenated in the day's language where their words do not say theirs.
    if (editor && language) setNoteLanguage(editor, language)
  }, [editor, language])
  useEffect(() => {
    // Without tldraw's toolbar the board is worked with the select tool.
    if (editor && mode === 'moderation' && !editor.isIn('select')) editor.setCurrentTool('select')
  }, [editor, mode])
  useBoardKeys(editor, day?.stationId ?? null)
  useClusters(editor)

  // The stamp reads the latest context at creation time, not at registration.
  const context = useRef({ day, view, name })
  context.current = { day, view, name }
  useEffect(() => {
    if (!editor) return
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
  }, [editor, tableId])

  const onShowStation = useCallback(
    (stationIndex: number) => {
      if (editor && view) showStation(editor, view.config, stationIndex)
    },
    [editor, view],
  )

  const config = view?.config ?? null
  const stationIndex = day?.stationIndex ?? null
  const newNotesDay = useMemo(
    () => (config && stationIndex !== null ? { config, stationIndex } : null),
    [config, stationIndex],
  )

  return (
    <>
      {view && day && (
        <StationBar
          view={view}
          day={day}
          tableId={tableId}
          onShowStation={onShowStation}
          projector={false}
          aside={
            <RecapControl
              doc={session.doc}
              awareness={session.provider.awareness}
              config={view.config}
              day={day}
            />
          }
        />
      )}
      <NewNotesContext.Provider value={newNotesDay}>
        <BoardCanvas
          session={session}
          licenseKey={licenseKey}
          components={CAPTURE_COMPONENTS[mode]}
          onEditor={setEditor}
        />
      </NewNotesContext.Provider>
      <CaptureBar editor={editor} view={view} day={day} tableId={tableId} />
    </>
  )
}
