import { useMemo } from 'react'
import { useLanguage } from './languageStore'
import { createTranslator, type Translate } from './translate'

/** The translate function for the current language; components re-render when it changes. */
export function useT(): Translate {
  const language = useLanguage((state) => state.language)
  return useMemo(() => createTranslator(language), [language])
}
