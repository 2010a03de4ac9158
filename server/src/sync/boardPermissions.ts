import type { Role } from '@tablecloth/shared'
import { roleMay } from '../access/accessPolicy'

/** Whether a role may change a table board over its sync socket; the rule lives in access/. */
export function mayEditBoard(role: Role): boolean {
  return roleMay(role, 'board.edit')
}
