import { useMemo } from 'react'
import { useLanguage } from './languageStore'
import type { Language } from './translate'

/**
 * BCP 47 tags for Intl. English uses the British conventions (24-hour clock,
 * day before month), which read naturally at a European venue.
 */
export const LOCALE_TAGS: Record<Language, string> = { de: 'de-DE', en: 'en-GB' }

type DateInput = Date | number | string

function toDate(value: DateInput): Date {
  // A bare calendar date (YYYY-MM-DD) means that day where the event happens, not UTC midnight.
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [year, month, day] = value.split('-').map(Number)
    return new Date(year ?? 0, (month ?? 1) - 1, day ?? 1)
  }
  return value instanceof Date ? value : new Date(value)
}

/** "12. März 2026" / "12 March 2026" */
export function formatDate(value: DateInput, language: Language): string {
  return new Intl.DateTimeFormat(LOCALE_TAGS[language], { dateStyle: 'long' }).format(toDate(value))
}

/** "14:05" */
export function formatTime(value: DateInput, language: Language): string {
  const format = new Intl.DateTimeFormat(LOCALE_TAGS[language], { timeStyle: 'short' })
  return format.format(toDate(value))
}

/** "12.03.2026, 14:05" / "12/03/2026, 14:05" */
export function formatDateTime(value: DateInput, language: Language): string {
  return new Intl.DateTimeFormat(LOCALE_TAGS[language], {
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(toDate(value))
}

/** A countdown or duration as "m:ss", or "h:mm:ss" from one hour on; negative means overtime. */
export function formatDuration(totalSeconds: number): string {
  const sign = totalSeconds < 0 ? '−' : ''
  const seconds = Math.floor(Math.abs(totalSeconds))
  const hours = Math.floor(seconds / 3600)
  const minutes = Math.floor((seconds % 3600) / 60)
  const rest = String(seconds % 60).padStart(2, '0')
  return hours > 0
    ? `${sign}${hours}:${String(minutes).padStart(2, '0')}:${rest}`
    : `${sign}${minutes}:${rest}`
}

/** The date and time formatters bound to the current language. */
export function useDateTimeFormat() {
  const language = useLanguage((state) => state.language)
  return useMemo(
    () => ({
      date: (value: DateInput) => formatDate(value, language),
      time: (value: DateInput) => formatTime(value, language),
      dateTime: (value: DateInput) => formatDateTime(value, language),
    }),
    [language],
  )
}
