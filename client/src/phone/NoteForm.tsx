import { useEffect, useId, useRef, type FormEvent } from 'react'
import { useStore } from 'zustand'
import { NOTE_TEXT_MAX_LENGTH, type Station } from '@tablecloth/shared'
import { ColumnChoice } from './ColumnChoice'
import { draftLength, draftOverflow } from './noteDraft'
import type { PhoneStore } from './phoneStore'
import { SendStatus } from './SendStatus'
import { usePhoneT } from './usePhoneT'

/** Choose a question, write, send: the whole of what a participant does here. */
export function NoteForm({ store, station }: { store: PhoneStore; station: Station }) {
  const t = usePhoneT()
  const column = useStore(store, (state) => state.column)
  const text = useStore(store, (state) => state.text)
  const sending = useStore(store, (state) => state.sending)
  const waiting = useStore(store, (state) => state.waiting)
  const outcome = useStore(store, (state) => state.outcome)
  const firstRadio = useRef<HTMLInputElement>(null)
  const textArea = useRef<HTMLTextAreaElement>(null)
  const ids = { text: useId(), hint: useId(), counter: useId(), problem: useId() }

  const overflow = draftOverflow(text)
  const problem = outcome?.kind === 'problem' ? outcome.problem : null
  const columnProblem = problem === 'noColumn' || outcome?.kind === 'stationChanged'
  const textProblem = problem === 'empty' || problem === 'tooLong'

  // Keyboard and screen-reader users land where the problem is.
  // biome-ignore lint/correctness/useExhaustiveDependencies: every new outcome moves the focus, even when the same field is at fault twice.
  useEffect(() => {
    if (columnProblem) firstRadio.current?.focus()
    else if (textProblem) textArea.current?.focus()
  }, [outcome, columnProblem, textProblem])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    void store.getState().send()
  }
  const busy = sending || waiting

  return (
    <form className="phone-form" onSubmit={submit} noValidate>
      <ColumnChoice
        legend={t('phone.column.legend')}
        questions={station.columns}
        column={column}
        onChoose={(index) => store.getState().chooseColumn(index)}
        firstRef={firstRadio}
        describedBy={columnProblem ? ids.problem : undefined}
      />
      <div className="phone-form__field">
        <label className="phone-form__label" htmlFor={ids.text}>
          {t('phone.text.label')}
        </label>
        <p className="phone-form__hint" id={ids.hint}>
          {t('phone.text.hint', { max: NOTE_TEXT_MAX_LENGTH })}
        </p>
        <textarea
          ref={textArea}
          id={ids.text}
          className="phone-form__text"
          value={text}
          rows={5}
          dir="auto"
          aria-describedby={[ids.hint, ids.counter, textProblem ? ids.problem : '']
            .filter(Boolean)
            .join(' ')}
          aria-invalid={overflow > 0 || problem === 'empty'}
          onChange={(event) => store.getState().setText(event.target.value)}
        />
        <p className="phone-form__counter" id={ids.counter} data-over={overflow > 0}>
          {t('phone.text.counter', { count: draftLength(text), max: NOTE_TEXT_MAX_LENGTH })}
          {overflow > 0 ? ` · ${t('phone.text.over', { over: overflow })}` : ''}
        </p>
      </div>
      {/* aria-disabled, not disabled: the button keeps focus while a note is on its way. */}
      <button
        className="button button--primary phone-form__send"
        type="submit"
        aria-disabled={busy}
      >
        {sending ? t('phone.sending') : t('phone.send')}
      </button>
      <SendStatus outcome={outcome} overflow={overflow} t={t} id={ids.problem} />
    </form>
  )
}
