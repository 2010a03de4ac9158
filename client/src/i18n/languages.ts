/**
 * The languages the app speaks, with no messages attached, so pages that
 * carry only their own share of the catalogs (the phone page) can follow the
 * language choice without loading every catalog.
 */

/** The first is the default. */
export const LANGUAGES = ['de', 'en'] as const
export type Language = (typeof LANGUAGES)[number]
export const DEFAULT_LANGUAGE: Language = 'de'

export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value)
}
