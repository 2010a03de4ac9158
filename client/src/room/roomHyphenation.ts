import { useEffect, useMemo, useRef, useState } from 'react'
import {
  loadHyphenator,
  noteLanguage,
  type Hyphenate,
  type HyphenationLanguage,
} from '@tablecloth/shared'

/** A text as the room draws it: with soft hyphens where it may break, and the language it is in. */
export interface HyphenatedText {
  text: string
  lang: HyphenationLanguage
}

export interface RoomHyphenation {
  hyphenate(text: string): HyphenatedText
  /** Changes whenever patterns for another language have arrived: texts hyphenate differently then. */
  version: number
}

/**
 * Hyphenates the room's texts by their own language (`noteLanguage`, the
 * event's language when a text's words do not tell). Patterns load on
 * first need; until they are there a text is returned unhyphenated, and
 * `version` changes once they arrive so the room re-fits. Each text is
 * hyphenated once per language and remembered.
 */
export function useRoomHyphenation(
  texts: readonly string[],
  eventLanguage: HyphenationLanguage,
): RoomHyphenation {
  const [hyphenators, setHyphenators] = useState<Partial<Record<HyphenationLanguage, Hyphenate>>>(
    {},
  )
  const done = useRef(new Map<string, string>())
  const needed = useMemo(() => {
    const languages = new Set<HyphenationLanguage>()
    for (const text of texts) languages.add(noteLanguage(text, eventLanguage))
    return [...languages].sort()
  }, [texts, eventLanguage])

  useEffect(() => {
    let current = true
    for (const language of needed) {
      if (hyphenators[language]) continue
      loadHyphenator(language).then(
        (hyphenate) => {
          if (current) setHyphenators((loaded) => ({ ...loaded, [language]: hyphenate }))
        },
        (error: unknown) => {
          // The text stays unhyphenated: whole words wrap, none is broken.
          console.warn(`Hyphenation patterns for ${language} did not load`, error)
        },
      )
    }
    return () => {
      current = false
    }
  }, [needed, hyphenators])

  return useMemo(() => {
    const hyphenate = (text: string): HyphenatedText => {
      const lang = noteLanguage(text, eventLanguage)
      const hyphenator = hyphenators[lang]
      if (!hyphenator) return { text, lang }
      const key = `${lang}\u0000${text}`
      let hyphenated = done.current.get(key)
      if (hyphenated === undefined) {
        hyphenated = hyphenator(text)
        done.current.set(key, hyphenated)
      }
      return { text: hyphenated, lang }
    }
    return { hyphenate, version: Object.keys(hyphenators).length }
  }, [hyphenators, eventLanguage])
}
