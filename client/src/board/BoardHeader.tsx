import type { ReactNode } from 'react'
import { LanguageSwitch } from '../i18n/LanguageSwitch'
import { ConnectionBadge } from './ConnectionBadge'

/**
 * The strip above the board: which table, the connection, the language, and
 * whatever else the page puts first among its tools (the moderator's name).
 */
export function BoardHeader({
  heading,
  children = null,
}: {
  heading: string
  children?: ReactNode
}) {
  return (
    <header className="board-header">
      <h1 className="board-header__title">{heading}</h1>
      <div className="board-header__tools">
        {children}
        <ConnectionBadge />
        <LanguageSwitch />
      </div>
    </header>
  )
}
