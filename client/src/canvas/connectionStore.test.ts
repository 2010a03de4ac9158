import { describe, expect, it } from 'vitest'
import {
  CloseCode,
  CloseReason,
  CONTENT_REJECTED_REASON,
  RECORD_REJECTED_REASON,
} from '@tablecloth/shared'
import {
  badgeState,
  initialConnectionFacts,
  isRefusal,
  REFUSAL_CLOSE_CODES,
  type ConnectionFacts,
} from './connectionStore'

const facts = (patch: Partial<ConnectionFacts>): ConnectionFacts => ({
  ...initialConnectionFacts(true),
  ...patch,
})

describe('badgeState', () => {
  it('is online only once connected and synced', () => {
    expect(badgeState(facts({ socket: 'connected', synced: true }))).toBe('online')
    expect(badgeState(facts({ socket: 'connected', synced: false }))).toBe('syncing')
  })

  it('shows a first connection attempt as syncing', () => {
    expect(badgeState(facts({ socket: 'connecting' }))).toBe('syncing')
  })

  it('does not flicker to syncing while retrying an unreachable server', () => {
    const retrying = facts({ socket: 'connecting', lastAttemptFailed: true })
    expect(badgeState(retrying)).toBe('offline')
    expect(badgeState({ ...retrying, savedLocally: true })).toBe('saved-locally')
  })

  it('says when edits are safe on this device while offline', () => {
    expect(badgeState(facts({ browserOnline: false }))).toBe('offline')
    expect(badgeState(facts({ browserOnline: false, savedLocally: true }))).toBe('saved-locally')
    const retrying = facts({ browserOnline: false, socket: 'connecting', savedLocally: true })
    expect(badgeState(retrying)).toBe('saved-locally')
  })

  it('stops after a refusal', () => {
    const refused = facts({
      refusedWith: { code: CloseCode.Unauthorized, reason: CloseReason.Unauthorized },
      savedLocally: true,
    })
    expect(badgeState(refused)).toBe('stopped')
  })
})

describe('refusals', () => {
  it('are the codes reconnecting cannot fix', () => {
    expect([...REFUSAL_CLOSE_CODES].sort()).toEqual([4400, 4401, 4403, 4404, 4414])
    expect(REFUSAL_CLOSE_CODES.has(CloseCode.ShuttingDown)).toBe(false)
    expect(REFUSAL_CLOSE_CODES.has(CloseCode.StorageFailure)).toBe(false)
  })

  it('include 4422 when the board refused this device’s content, not a garbled frame', () => {
    const invalid = CloseCode.InvalidMessage
    expect(isRefusal({ code: invalid, reason: CONTENT_REJECTED_REASON })).toBe(true)
    expect(isRefusal({ code: invalid, reason: RECORD_REJECTED_REASON })).toBe(true)
    expect(isRefusal({ code: invalid, reason: CloseReason.InvalidMessage })).toBe(false)
    expect(isRefusal({ code: CloseCode.BoardFull, reason: '' })).toBe(true)
    expect(isRefusal({ code: CloseCode.RateLimited, reason: CloseReason.RateLimited })).toBe(false)
  })
})
