import type { Role } from '@tablecloth/shared'

/**
 * Whether a role may change a table board over its sync socket. Moderators
 * capture the notes and organisers correct them; projectors (viewers) and
 * phones (participants) only watch.
 */
export function mayEditBoard(role: Role): boolean {
  switch (role) {
    case 'moderator':
    case 'organiser':
      return true
    case 'participant':
    case 'viewer':
      return false
    default: {
      const unknownRole: never = role
      throw new Error(`unknown role ${String(unknownRole)}`)
    }
  }
}
