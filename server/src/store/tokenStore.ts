import type { Role } from '@tablecloth/shared'
import { generateToken, hashToken, isWellFormedToken } from '../auth/linkToken'
import { openToken, sealToken } from '../auth/tokenSeal'
import type { SqlDb } from './sql/SqlDb'

/**
 * The grant's table, the event-wide grants' NULL included, in SQL both
 * engines run (`IS ?` is SQLite's alone). Table ids are never empty.
 */
const SAME_TABLE = "coalesce(table_id, '') = coalesce(?, '')"
/** The same for the grant's group: NULL for every grant but a group's phone link. */
const SAME_GROUP = "coalesce(group_id, '') = coalesce(?, '')"

/**
 * What a link token grants: a role on an event, and for table roles, one
 * table. A group's phone link is a participant grant with a group and no
 * table: the table it reaches follows the rotation (see accessPolicy.ts).
 */
export interface Grant {
  eventId: string
  tableId: string | null
  role: Role
  groupId: string | null
}

/** A grant to issue; `groupId` only for a group's phone link. */
export type NewGrant = Omit<Grant, 'groupId'> & { groupId?: string | null }

/**
 * Issues, resolves and rotates link tokens. Authentication uses only the
 * stored hash; the plain token is handed out once and otherwise exists only
 * sealed under the organiser's token (see tokenSeal.ts).
 */
export class TokenStore {
  private readonly insert
  private readonly select
  private readonly removeGrant
  private readonly sealedStmt
  private readonly grantHashes
  private readonly reseal
  private readonly eventExists

  constructor(private readonly db: SqlDb) {
    this.insert = db.prepare(
      'INSERT INTO tokens (hash, event_id, table_id, role, group_id, sealed, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    this.select = db.prepare('SELECT event_id, table_id, role, group_id FROM tokens WHERE hash = ?')
    this.removeGrant = db.prepare(
      `DELETE FROM tokens WHERE event_id = ? AND role = ? AND ${SAME_TABLE} AND ${SAME_GROUP}`,
    )
    this.sealedStmt = db.prepare(
      'SELECT hash, table_id, role, group_id, sealed FROM tokens WHERE event_id = ? AND sealed IS NOT NULL',
    )
    this.grantHashes = db.prepare(
      `SELECT hash FROM tokens WHERE event_id = ? AND role = ? AND ${SAME_TABLE} AND ${SAME_GROUP}`,
    )
    this.reseal = db.prepare('UPDATE tokens SET sealed = ? WHERE hash = ?')
    this.eventExists = db.prepare('SELECT 1 AS found FROM events WHERE id = ?')
  }

  /**
   * Whether tokens can exist for this event at all: a deleted (or never
   * created) event answers 404 to every link, not "log in again".
   */
  hasEvent(eventId: string): boolean {
    return this.eventExists.get(eventId) !== undefined
  }

  /** Issues a token; with `organiserToken` it is also sealed so the control room can list it. */
  issue(grant: NewGrant, organiserToken?: string): string {
    const token = generateToken()
    const sealed = organiserToken ? sealToken(token, organiserToken, grant.eventId) : null
    this.insert.run(
      hashToken(token),
      grant.eventId,
      grant.tableId,
      grant.role,
      grant.groupId ?? null,
      sealed,
      new Date().toISOString(),
    )
    return token
  }

  resolve(token: string | null | undefined): Grant | null {
    if (!token || !isWellFormedToken(token)) return null
    const row = this.select.get(hashToken(token)) as
      | { event_id: string; table_id: string | null; role: Role; group_id: string | null }
      | undefined
    return row
      ? { eventId: row.event_id, tableId: row.table_id, role: row.role, groupId: row.group_id }
      : null
  }

  /** The event's table and viewer tokens in plain text, readable only with the organiser token. */
  openAll(eventId: string, organiserToken: string): Array<Grant & { token: string }> {
    return this.openRows(eventId, organiserToken).map(({ hash: _hash, ...grant }) => grant)
  }

  /**
   * Replaces every token of this grant with a new one; old links stop
   * working at once. Returns the new token and the hashes of the revoked
   * ones, so open connections made with them can be closed. Rotating the
   * organiser's grant seals every other link anew under the new organiser
   * token, the only key that opens them.
   */
  rotate(grant: NewGrant, organiserToken?: string): { token: string; revoked: string[] } {
    const groupId = grant.groupId ?? null
    return this.db.transaction(() => {
      const revoked = (
        this.grantHashes.all(grant.eventId, grant.role, grant.tableId, groupId) as Array<{
          hash: string
        }>
      ).map((row) => row.hash)
      const others =
        grant.role === 'organiser' && organiserToken
          ? this.openRows(grant.eventId, organiserToken)
          : []
      this.removeGrant.run(grant.eventId, grant.role, grant.tableId, groupId)
      if (grant.role !== 'organiser') return { token: this.issue(grant, organiserToken), revoked }
      const token = this.issue(grant)
      for (const other of others)
        this.reseal.run(sealToken(other.token, token, grant.eventId), other.hash)
      return { token, revoked }
    })()
  }

  private openRows(
    eventId: string,
    organiserToken: string,
  ): Array<Grant & { token: string; hash: string }> {
    const rows = this.sealedStmt.all(eventId) as Array<{
      hash: string
      table_id: string | null
      role: Role
      group_id: string | null
      sealed: string
    }>
    return rows.flatMap((row) => {
      const token = openToken(row.sealed, organiserToken, eventId)
      const grant = { eventId, tableId: row.table_id, role: row.role, groupId: row.group_id }
      return token ? [{ ...grant, token, hash: row.hash }] : []
    })
  }
}
