import { domIdOf } from './fieldPaths'
import { FieldIssues } from './FieldIssues'
import { useSetupStore } from './setupStore'
import { useDraft } from './useDraft'
import { useIssueAttributes } from './useFieldIssues'
import { useT } from '../i18n/useT'

/**
 * The day's options: whether participants see their table's board on the
 * phone page, and whether a station change starts the new station's timer.
 */
export function BoardOptionField() {
  const t = useT()
  const { showBoardToParticipants } = useDraft()
  const update = useSetupStore((state) => state.update)
  const path = 'showBoardToParticipants'
  const id = domIdOf(path)
  const issueAttributes = useIssueAttributes(path, `${id}-hint`)
  return (
    <section className="setup-section" aria-labelledby="setup-options-heading">
      <h2 className="setup-section__heading" id="setup-options-heading">
        {t('setup.options.heading')}
      </h2>
      <div className="setup-choice">
        <input
          type="checkbox"
          className="setup-choice__input"
          id={id}
          checked={showBoardToParticipants}
          {...issueAttributes}
          onChange={(event) => {
            const checked = event.target.checked
            update((draft) => {
              draft.showBoardToParticipants = checked
            })
          }}
        />
        <label className="setup-choice__label" htmlFor={id}>
          {t('setup.options.showBoard')}
        </label>
        <p className="setup-choice__hint" id={`${id}-hint`}>
          {t('setup.options.showBoard.hint')}
        </p>
      </div>
      <FieldIssues path={path} />
      <TimerOptionField />
    </section>
  )
}

/** Off by default: after a station change the organiser starts the timer once the groups sit. */
function TimerOptionField() {
  const t = useT()
  const { startTimerOnStationChange } = useDraft()
  const update = useSetupStore((state) => state.update)
  const path = 'startTimerOnStationChange'
  const id = domIdOf(path)
  const issueAttributes = useIssueAttributes(path, `${id}-hint`)
  return (
    <>
      <div className="setup-choice">
        <input
          type="checkbox"
          className="setup-choice__input"
          id={id}
          checked={startTimerOnStationChange}
          {...issueAttributes}
          onChange={(event) => {
            const checked = event.target.checked
            update((draft) => {
              draft.startTimerOnStationChange = checked
            })
          }}
        />
        <label className="setup-choice__label" htmlFor={id}>
          {t('setup.options.startTimer')}
        </label>
        <p className="setup-choice__hint" id={`${id}-hint`}>
          {t('setup.options.startTimer.hint')}
        </p>
      </div>
      <FieldIssues path={path} />
    </>
  )
}
