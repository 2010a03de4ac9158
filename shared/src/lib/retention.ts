/**
 * When an event's data is deleted, if the organiser's server keeps events
 * only for a while (`RETENTION_DAYS`). The clock starts at the end of the
 * event's day, or at its creation if that was later (an event set up after
 * the day it names is kept as long as any other), so nothing is deleted
 * before the café day is over.
 */

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * The moment the event expires (ISO 8601), or null when events are kept
 * (`retentionDays` 0). `eventDate` is the event's `YYYY-MM-DD`; its day ends
 * at midnight UTC after it, which errs on the side of keeping.
 */
export function eventExpiresAt(
  eventDate: string,
  createdAt: string,
  retentionDays: number,
): string | null {
  if (retentionDays <= 0) return null
  const dayEnds = Date.parse(`${eventDate}T00:00:00Z`) + DAY_MS
  const created = Date.parse(createdAt)
  const start = Math.max(
    Number.isFinite(dayEnds) ? dayEnds : -Infinity,
    Number.isFinite(created) ? created : -Infinity,
  )
  if (!Number.isFinite(start)) return null
  return new Date(start + retentionDays * DAY_MS).toISOString()
}

/** Whether an event with this expiry is due for deletion at `now` (epoch ms). */
export function isExpired(expiresAt: string | null, now: number): boolean {
  return expiresAt !== null && Date.parse(expiresAt) <= now
}
