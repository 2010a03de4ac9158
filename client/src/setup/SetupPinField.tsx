import { useServerConfig } from '../app/serverConfigStore'
import { useT } from '../i18n/useT'
import { useSetupStore } from './setupStore'

export const SETUP_PIN_ID = 'setup-pin'
/** The message under the submit button; the PIN field points at it when the PIN was refused. */
export const SUBMIT_FAILURE_ID = 'setup-submit-failure'

/**
 * The setup PIN, on servers that ask for one (`setupPinRequired` in
 * `/api/config`, or a refusal for want of it). The PIN comes from whoever
 * runs the server; it is sent with the event and never stored.
 */
export function SetupPinField() {
  const t = useT()
  const required = useServerConfig((state) => state.config?.setupPinRequired ?? false)
  const asked = useSetupStore((state) => state.pinAsked)
  const pin = useSetupStore((state) => state.setupPin)
  const setPin = useSetupStore((state) => state.setSetupPin)
  const refused = useSetupStore((state) => state.submission.state === 'pinRefused')
  if (!required && !asked) return null
  const hintId = `${SETUP_PIN_ID}-hint`
  return (
    <div className="setup-field setup-pin">
      <label className="setup-field__label" htmlFor={SETUP_PIN_ID}>
        {t('setup.pin.label')}
      </label>
      <p className="setup-field__hint" id={hintId}>
        {t('setup.pin.hint')}
      </p>
      <input
        id={SETUP_PIN_ID}
        className="setup-field__input setup-pin__input"
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={pin}
        required
        aria-invalid={refused || undefined}
        aria-describedby={refused ? `${hintId} ${SUBMIT_FAILURE_ID}` : hintId}
        onChange={(event) => setPin(event.target.value)}
      />
    </div>
  )
}
