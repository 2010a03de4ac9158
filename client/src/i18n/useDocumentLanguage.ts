import { useEffect } from 'react'
import { useLanguage } from './languageStore'

/** Keeps `<html lang>` on the chosen language, for screen readers, hyphenation and spelling. */
export function useDocumentLanguage(): void {
  const language = useLanguage((state) => state.language)
  useEffect(() => {
    document.documentElement.lang = language
  }, [language])
}
