import { useMemo } from 'react'
import { useLanguage } from '../i18n/languageStore'
import { phoneDe } from '../i18n/phoneMessages.de'
import { phoneEn } from '../i18n/phoneMessages.en'
import { interpolate, type MessageParams } from '../i18n/interpolate'
import type { Language } from '../i18n/languages'

export type PhoneMessageKey = keyof typeof phoneDe
export type PhoneTranslate = (key: PhoneMessageKey, params?: MessageParams) => string

/**
 * The phone page's share of the catalogs. The full catalogs (setup, control
 * room, board) are about 10 KB gzipped, more than this page's own code, and
 * every participant's phone would load them over the venue Wi-Fi. The same
 * messages are spread into `de.ts` and `en.ts`, so they are checked with the
 * rest.
 */
const PHONE_CATALOGS: Record<Language, Record<PhoneMessageKey, string>> = {
  de: phoneDe,
  en: phoneEn,
}

/** Like `useT`, for `phone.*` keys; follows the same language choice, remembered on the device. */
export function usePhoneT(): PhoneTranslate {
  const language = useLanguage((state) => state.language)
  return useMemo(() => {
    const messages = PHONE_CATALOGS[language]
    return (key, params) => interpolate(messages[key], params)
  }, [language])
}
