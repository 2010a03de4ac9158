import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { useValue, type Editor } from 'tldraw'
import type { BoardDayState, EventView } from '@tablecloth/shared'
import { useT } from '../../i18n/useT'
import { fieldIntent } from './captureKeys'
import { activeColumn, useCapture } from './captureStore'
import { BoardModeSwitch } from './BoardModeSwitch'
import { captureFieldFill } from './captureFieldColours'
import { ColumnTabs } from './ColumnTabs'
import { DEFAULT_NOTE_COLOUR, noteColourAtTable } from './noteColour'
import { pinNote, revealShape } from './pinNote'
import './capture.css'

type Status = { tone: 'done' | 'problem'; text: string } | null

/**
 * The moderator's typewriter under the board: pick the question, type what
 * the group says, press Enter, and the note is on the wall in the group's
 * colour while the field is ready for the next one. Not on the projector.
 */
export function CaptureBar({
  editor,
  view,
  day,
  tableId,
}: {
  editor: Editor | null
  view: EventView | null
  day: BoardDayState | null
  tableId: string
}) {
  const t = useT()
  const field = useRef<HTMLTextAreaElement>(null)
  const [status, setStatus] = useState<Status>(null)
  const station = view && day ? view.config.stations[day.stationIndex] : undefined
  const questions = station?.columns ?? []
  const stationId = station && day ? day.stationId : null
  const active = useCapture((state) =>
    stationId ? activeColumn(state, stationId, questions.length) : 0,
  )
  const draft = useCapture((state) => state.draft)
  const focusRequest = useCapture((state) => state.focusRequest)
  const readOnly = useValue('board read-only', () => editor?.getIsReadonly() ?? false, [editor])
  const colour =
    view && day ? noteColourAtTable(view.config, day.stationIndex, tableId) : DEFAULT_NOTE_COLOUR
  // The light theme's fill, whatever tldraw's colour mode: the bar is light (captureFieldColours).
  const fill = useValue(
    'capture note fill',
    () => (editor ? captureFieldFill(colour, editor.getCurrentTheme().colors.light) : undefined),
    [editor, colour],
  )
  const ready = editor !== null && stationId !== null && !readOnly

  // The board's Enter (with nothing selected) hands the keyboard back here.
  useEffect(() => {
    if (focusRequest > 0) field.current?.focus()
  }, [focusRequest])

  const choose = (index: number) => {
    if (!stationId || questions.length === 0) return
    const wrapped = ((index % questions.length) + questions.length) % questions.length
    useCapture.getState().chooseColumn(stationId, wrapped)
  }

  const pin = () => {
    const text = draft.trim()
    if (!editor || !stationId || readOnly || !text) return
    const id = pinNote(editor, { stationId, columnIndex: active, text, colour })
    if (!id) {
      setStatus({ tone: 'problem', text: t('capture.noColumn') })
      return
    }
    revealShape(editor, id)
    useCapture.getState().setDraft('')
    setStatus({ tone: 'done', text: t('capture.pinned', { question: questions[active] ?? '' }) })
  }

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const intent = fieldIntent(event.nativeEvent)
    if (!intent) return
    event.preventDefault()
    switch (intent.kind) {
      case 'pin':
        pin()
        break
      case 'cycle':
        choose(active + intent.delta)
        break
      case 'column':
        if (intent.index < questions.length) choose(intent.index)
        break
      case 'leave':
        // tldraw may still count itself focused and then skip moving the DOM focus.
        editor?.focus()
        editor?.getContainer().focus()
        break
      default: {
        const unknown: never = intent
        throw new Error(`Unknown capture key ${JSON.stringify(unknown)}`)
      }
    }
  }

  let notice: string | null = null
  if (readOnly) notice = t('capture.readOnly')
  else if (!stationId) notice = t('capture.waiting')

  return (
    <section className="capture-bar" aria-label={t('capture.barLabel')} data-testid="capture-bar">
      <div className="capture-bar__top">
        <ColumnTabs
          questions={questions}
          active={active}
          disabled={!ready}
          onChoose={(index) => {
            choose(index)
            field.current?.focus()
          }}
        />
        <p className="capture-bar__keys">{t('capture.keys')}</p>
        <BoardModeSwitch />
      </div>
      <div className="capture-bar__write">
        <textarea
          ref={field}
          className="capture-bar__field"
          rows={2}
          value={draft}
          // A disabled field keeps no group colour, so it cannot pass for one ready to type into.
          style={fill && ready ? { backgroundColor: fill } : undefined}
          placeholder={t('capture.placeholder')}
          aria-label={t('capture.fieldLabel', {
            number: active + 1,
            question: questions[active] ?? '',
          })}
          aria-describedby="capture-status"
          disabled={!ready}
          data-testid="capture-field"
          data-colour={colour}
          onChange={(event) => {
            useCapture.getState().setDraft(event.target.value)
            setStatus(null)
          }}
          onKeyDown={onKeyDown}
        />
        <button
          type="button"
          className="capture-bar__pin"
          disabled={!ready}
          data-testid="capture-pin"
          onClick={() => {
            pin()
            field.current?.focus()
          }}
        >
          {t('capture.pin')}
        </button>
      </div>
      <p
        id="capture-status"
        className="capture-bar__status"
        role="status"
        data-tone={notice ? 'problem' : status?.tone}
      >
        {notice ?? status?.text}
      </p>
    </section>
  )
}
