import { describe, expect, it } from 'vitest'
import { eventExpiresAt, isExpired } from './retention'

describe('eventExpiresAt', () => {
  it('keeps events when no retention is set', () => {
    expect(eventExpiresAt('2019-07-02', '2019-06-01T08:00:00Z', 0)).toBeNull()
  })

  it('counts the days from the end of the event’s day', () => {
    expect(eventExpiresAt('2019-07-02', '2019-06-01T08:00:00Z', 30)).toBe(
      '2019-08-02T00:00:00.000Z',
    )
  })

  it('counts from creation when the event was set up after its day', () => {
    expect(eventExpiresAt('2019-07-02', '2020-01-10T12:00:00.000Z', 1)).toBe(
      '2020-01-11T12:00:00.000Z',
    )
  })

  it('never expires an event before its day is over', () => {
    const expires = eventExpiresAt('2030-05-20', '2026-11-25T10:00:00Z', 1)!
    expect(Date.parse(expires)).toBeGreaterThan(Date.parse('2030-05-21T00:00:00Z'))
  })
})

describe('isExpired', () => {
  it('is due at and after the expiry, never without one', () => {
    const at = Date.parse('2019-08-02T00:00:00Z')
    expect(isExpired('2019-08-02T00:00:00.000Z', at - 1)).toBe(false)
    expect(isExpired('2019-08-02T00:00:00.000Z', at)).toBe(true)
    expect(isExpired(null, at)).toBe(false)
  })
})
