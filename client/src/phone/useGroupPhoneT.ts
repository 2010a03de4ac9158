import { useMemo } from 'react'
import { groupPhoneDe } from '../i18n/groupPhoneMessages.de'
import { groupPhoneEn } from '../i18n/groupPhoneMessages.en'
import { interpolate, type MessageParams } from '../i18n/interpolate'
import { useLanguage } from '../i18n/languageStore'
import type { Language } from '../i18n/languages'

export type GroupPhoneMessageKey = keyof typeof groupPhoneDe
export type GroupPhoneTranslate = (key: GroupPhoneMessageKey, params?: MessageParams) => string

/** Imported only by the group phone's own chunk (groupPhoneParts.ts), so table phones skip them. */
const CATALOGS: Record<Language, Record<GroupPhoneMessageKey, string>> = {
  de: groupPhoneDe,
  en: groupPhoneEn,
}

/** Like `usePhoneT`, for the `groupPhone.*` keys. */
export function useGroupPhoneT(): GroupPhoneTranslate {
  const language = useLanguage((state) => state.language)
  return useMemo(() => {
    const messages = CATALOGS[language]
    return (key, params) => interpolate(messages[key], params)
  }, [language])
}
