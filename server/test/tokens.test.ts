import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../src/store/database'
import { EventStore } from '../src/store/eventStore'
import { TokenStore } from '../src/store/tokenStore'
import { hashToken } from '../src/auth/linkToken'
import { openToken, sealToken } from '../src/auth/tokenSeal'

function stores() {
  const db = openDatabase(fs.mkdtempSync(path.join(os.tmpdir(), 'tablecloth-tokens-')))
  const events = new EventStore(db)
  events.create({
    id: 'ev1',
    config: {} as never,
    state: {
      currentStation: 0,
      timer: { durationSeconds: 0, runningSince: null, elapsedBeforeSeconds: 0 },
    },
    createdAt: new Date().toISOString(),
  })
  return { db, tokens: new TokenStore(db) }
}

describe('link tokens', () => {
  it('are 256-bit, stored only as a hash, and resolve to their grant', () => {
    const { db, tokens } = stores()
    const token = tokens.issue({ eventId: 'ev1', tableId: 't1', role: 'moderator' })
    expect(Buffer.from(token, 'base64url')).toHaveLength(32)
    const rows = db.prepare('SELECT * FROM tokens').all() as Array<Record<string, unknown>>
    expect(JSON.stringify(rows)).not.toContain(token)
    expect(rows[0]!.hash).toBe(hashToken(token))
    expect(tokens.resolve(token)).toEqual({
      eventId: 'ev1',
      tableId: 't1',
      role: 'moderator',
      groupId: null,
    })
    expect(tokens.resolve('x'.repeat(43))).toBeNull()
    expect(tokens.resolve('not a token')).toBeNull()
  })

  it('stop working when rotated', () => {
    const { tokens } = stores()
    const old = tokens.issue({ eventId: 'ev1', tableId: 't1', role: 'viewer' })
    const { token: fresh, revoked } = tokens.rotate({
      eventId: 'ev1',
      tableId: 't1',
      role: 'viewer',
    })
    expect(tokens.resolve(old)).toBeNull()
    expect(tokens.resolve(fresh)?.role).toBe('viewer')
    expect(revoked).toEqual([hashToken(old)])
  })

  it('rotating the organiser’s link seals every other link anew under the new organiser token', () => {
    const { tokens } = stores()
    const organiser = tokens.issue({ eventId: 'ev1', tableId: null, role: 'organiser' })
    const moderator = tokens.issue({ eventId: 'ev1', tableId: 't1', role: 'moderator' }, organiser)
    const { token: next, revoked } = tokens.rotate(
      { eventId: 'ev1', tableId: null, role: 'organiser' },
      organiser,
    )
    expect(revoked).toEqual([hashToken(organiser)])
    expect(tokens.resolve(organiser)).toBeNull()
    expect(tokens.resolve(next)?.role).toBe('organiser')
    expect(tokens.openAll('ev1', next)).toEqual([
      { eventId: 'ev1', tableId: 't1', role: 'moderator', groupId: null, token: moderator },
    ])
    expect(tokens.openAll('ev1', organiser)).toEqual([])
  })

  it('can be listed again only with the organiser token they were sealed under', () => {
    const { tokens } = stores()
    const organiser = tokens.issue({ eventId: 'ev1', tableId: null, role: 'organiser' })
    const participant = tokens.issue(
      { eventId: 'ev1', tableId: 't2', role: 'participant' },
      organiser,
    )
    expect(tokens.openAll('ev1', organiser)).toEqual([
      { eventId: 'ev1', tableId: 't2', role: 'participant', groupId: null, token: participant },
    ])
    const stranger = tokens.issue({ eventId: 'ev1', tableId: null, role: 'organiser' })
    expect(tokens.openAll('ev1', stranger)).toEqual([])
  })

  it("keeps a group's phone link apart from the table links: rotating one leaves the others", () => {
    const { tokens } = stores()
    const organiser = tokens.issue({ eventId: 'ev1', tableId: null, role: 'organiser' })
    const table = tokens.issue({ eventId: 'ev1', tableId: 't1', role: 'participant' }, organiser)
    const group = (groupId: string) =>
      tokens.issue({ eventId: 'ev1', tableId: null, role: 'participant', groupId }, organiser)
    const blue = group('g1')
    const green = group('g2')
    expect(tokens.resolve(blue)).toEqual({
      eventId: 'ev1',
      tableId: null,
      role: 'participant',
      groupId: 'g1',
    })
    const { token, revoked } = tokens.rotate(
      { eventId: 'ev1', tableId: null, role: 'participant', groupId: 'g1' },
      organiser,
    )
    expect(revoked).toEqual([hashToken(blue)])
    expect(tokens.resolve(blue)).toBeNull()
    expect(tokens.resolve(token)?.groupId).toBe('g1')
    expect(tokens.resolve(green)?.groupId).toBe('g2')
    expect(tokens.resolve(table)?.tableId).toBe('t1')
  })

  it('seals bind to the event: the same organiser token cannot open another event’s seal', () => {
    const sealed = sealToken('secret-token', 'organiser-token', 'ev1')
    expect(openToken(sealed, 'organiser-token', 'ev1')).toBe('secret-token')
    expect(openToken(sealed, 'organiser-token', 'ev2')).toBeNull()
  })
})
