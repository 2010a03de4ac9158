import { LanguageSwitch } from '../i18n/LanguageSwitch'
import { ConnectionBadge } from './ConnectionBadge'
import { UserNameField } from './UserNameField'

/** The strip above the board: which table, who I am, the connection, the language. */
export function BoardHeader({ heading, projector }: { heading: string; projector: boolean }) {
  return (
    <header className="board-header">
      <h1 className="board-header__title">{heading}</h1>
      <div className="board-header__tools">
        {projector ? null : <UserNameField />}
        <ConnectionBadge />
        <LanguageSwitch />
      </div>
    </header>
  )
}
