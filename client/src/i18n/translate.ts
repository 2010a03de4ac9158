import { de, type MessageKey, type Messages } from './de'
import { en } from './en'

/** The languages the app speaks; the first is the default. */
export const LANGUAGES = ['de', 'en'] as const
export type Language = (typeof LANGUAGES)[number]
export const DEFAULT_LANGUAGE: Language = 'de'

export const CATALOGS: Record<Language, Messages> = { de, en }

export type MessageParams = Record<string, string | number>
export type Translate = (key: MessageKey, params?: MessageParams) => string

export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value)
}

/**
 * Replaces every `{name}` in a message with its parameter. A placeholder
 * without a value stays visible as `{name}`, so a missing argument shows up
 * on screen instead of silently vanishing.
 */
export function interpolate(message: string, params?: MessageParams): string {
  if (!params) return message
  return message.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name]
    return value === undefined ? placeholder : String(value)
  })
}

/** The names of the `{placeholders}` a message uses, sorted. */
export function placeholdersOf(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort()
}

export function createTranslator(language: Language): Translate {
  const messages = CATALOGS[language]
  return (key, params) => interpolate(messages[key], params)
}
