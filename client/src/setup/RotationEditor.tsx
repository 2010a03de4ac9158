import { ROTATION_MODES } from './eventDraft'
import { domIdOf } from './fieldPaths'
import { FieldIssues } from './FieldIssues'
import { FixedSeatingGrid } from './FixedSeatingGrid'
import { RotationPreview } from './RotationPreview'
import { useSetupStore } from './setupStore'
import { useDraft } from './useDraft'
import { useT } from '../i18n/useT'

/** How groups move between stations: freely, by a generated plan, or by the organiser's own plan. */
export function RotationEditor() {
  const t = useT()
  const draft = useDraft()
  const setRotationMode = useSetupStore((state) => state.setRotationMode)
  const id = domIdOf('rotation')
  const mode = draft.rotationMode
  return (
    <section className="setup-section" aria-labelledby="setup-rotation-heading">
      <h2 className="setup-section__heading" id="setup-rotation-heading">
        {t('setup.rotation.heading')}
      </h2>
      <fieldset className="setup-choices" id={id} tabIndex={-1}>
        <legend className="setup-choices__legend">{t('setup.rotation.mode')}</legend>
        <FieldIssues path="rotation" />
        {ROTATION_MODES.map((option) => (
          <div className="setup-choice" key={option}>
            <input
              type="radio"
              className="setup-choice__input"
              id={`${id}-${option}`}
              name="setup-rotation-mode"
              value={option}
              checked={mode === option}
              aria-describedby={`${id}-${option}-hint`}
              onChange={() => setRotationMode(option)}
            />
            <label className="setup-choice__label" htmlFor={`${id}-${option}`}>
              {t(`setup.rotation.${option}`)}
            </label>
            <p className="setup-choice__hint" id={`${id}-${option}-hint`}>
              {t(`setup.rotation.${option}.hint`)}
            </p>
          </div>
        ))}
      </fieldset>
      {mode !== 'free' && draft.groups.length === 0 ? (
        <p className="setup-note">{t('setup.rotation.needsGroups')}</p>
      ) : mode === 'generated' ? (
        <RotationPreview />
      ) : mode === 'fixed' ? (
        <FixedSeatingGrid />
      ) : null}
    </section>
  )
}
