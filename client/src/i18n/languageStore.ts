import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { DEFAULT_LANGUAGE, isLanguage, type Language } from './languages'

interface LanguageState {
  /** The language of our own screens. */
  language: Language
  /**
   * The language of tldraw's own menus. It follows `language`, except after
   * someone picks one of tldraw's other languages in tldraw's own menu; our
   * switch brings both together again.
   */
  tldrawLocale: string
  setLanguage(language: Language): void
  /** Called when tldraw's language menu picks a locale. */
  setTldrawLocale(locale: string): void
}

/** The chosen language, remembered on this device. German until someone switches. */
export const useLanguage = create<LanguageState>()(
  persist(
    (set) => ({
      language: DEFAULT_LANGUAGE,
      tldrawLocale: DEFAULT_LANGUAGE,
      setLanguage: (language) => set({ language, tldrawLocale: language }),
      setTldrawLocale: (locale) => {
        if (isLanguage(locale)) set({ language: locale, tldrawLocale: locale })
        else set({ tldrawLocale: locale })
      },
    }),
    {
      name: 'tablecloth.language',
      version: 1,
      partialize: ({ language, tldrawLocale }) => ({ language, tldrawLocale }),
      // Storage is input like any other: an unknown value falls back to the default.
      merge: (persisted, current) => {
        const stored = (persisted ?? {}) as Partial<
          Pick<LanguageState, 'language' | 'tldrawLocale'>
        >
        const language = isLanguage(stored.language) ? stored.language : current.language
        const tldrawLocale =
          typeof stored.tldrawLocale === 'string' && stored.tldrawLocale
            ? stored.tldrawLocale
            : language
        return { ...current, language, tldrawLocale }
      },
    },
  ),
)
