import { de, type MessageKey, type Messages } from './de'
import { en } from './en'
import { interpolate, type MessageParams } from './interpolate'
import type { Language } from './languages'

export { DEFAULT_LANGUAGE, LANGUAGES, isLanguage, type Language } from './languages'
export { interpolate, placeholdersOf, type MessageParams } from './interpolate'

export const CATALOGS: Record<Language, Messages> = { de, en }

export type Translate = (key: MessageKey, params?: MessageParams) => string

export function createTranslator(language: Language): Translate {
  const messages = CATALOGS[language]
  return (key, params) => interpolate(messages[key], params)
}
