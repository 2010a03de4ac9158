import { useEffect, useState } from 'react'
import { useT } from '../i18n/useT'
import { useUserPreferences } from './userPreferences'

/**
 * The name on this person's cursor. Until a name is chosen it asks for one,
 * in the header rather than a dialog, so nobody is kept from the board;
 * afterwards it shows the name, and a click changes it.
 */
export function UserNameField() {
  const t = useT()
  const name = useUserPreferences((state) => state.name)
  const setName = useUserPreferences((state) => state.setName)
  const shownName = name ?? t('user.defaultName')
  const [editing, setEditing] = useState(name === null)
  const [draft, setDraft] = useState(shownName)

  // A name chosen elsewhere (tldraw's own people menu) answers the question too.
  useEffect(() => {
    if (name !== null) setEditing(false)
  }, [name])

  if (!editing) {
    return (
      <button
        type="button"
        className="user-name__button"
        // The shown name alone would not say what the button does.
        aria-label={t('user.nameEdit', { name: shownName })}
        title={t('user.nameEdit', { name: shownName })}
        onClick={() => {
          setDraft(shownName)
          setEditing(true)
        }}
      >
        {shownName}
      </button>
    )
  }

  return (
    <form
      className="user-name"
      data-asking={name === null}
      onSubmit={(event) => {
        event.preventDefault()
        setName(draft.trim() || shownName)
        setEditing(false)
      }}
    >
      <label className="user-name__field">
        <span className="user-name__label">
          {name === null ? t('user.namePrompt') : t('user.nameLabel')}
        </span>
        <input
          className="user-name__input"
          value={draft}
          maxLength={40}
          autoComplete="nickname"
          onChange={(event) => setDraft(event.target.value)}
        />
      </label>
      <button type="submit" className="button button--primary">
        {t('user.nameSave')}
      </button>
    </form>
  )
}
