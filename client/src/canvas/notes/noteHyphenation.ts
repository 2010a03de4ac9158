import { atom, type Atom, type Editor } from 'tldraw'
import {
  HYPHENATION_LANGUAGES,
  loadHyphenator,
  noteLanguage,
  type Hyphenate,
  type HyphenationLanguage,
} from '@tablecloth/shared'

/**
 * Which hyphenation patterns a board's notes use, and when they are there.
 * Patterns load lazily, and only once a note needs them (German's are some 140 KB): a board never waits for
 * them. Until they arrive a note shows its words unhyphenated; once they do,
 * every note that reads them draws again (they are kept in a tldraw atom)
 * and the notes measured without them are measured again (see
 * `WrappingNoteShapeUtil`).
 */

/** The hyphenators this page has loaded, by language: the patterns shared loads once. */
const loaded = atom<Partial<Record<HyphenationLanguage, Hyphenate>>>('note hyphenators', {})

/** Each editor's event language: notes whose words do not say theirs are hyphenated by it. */
const eventLanguages = new WeakMap<Editor, Atom<HyphenationLanguage>>()

function eventLanguageOf(editor: Editor): Atom<HyphenationLanguage> {
  let language = eventLanguages.get(editor)
  if (!language) {
    language = atom<HyphenationLanguage>('event language', 'de')
    eventLanguages.set(editor, language)
  }
  return language
}

/** Tells an editor the language the day is held in (`EventConfig.language`; German until told). */
export function setNoteLanguage(editor: Editor, language: HyphenationLanguage): void {
  eventLanguageOf(editor).set(language)
}

/**
 * The hyphenator for a note's text, or null until its language's patterns
 * are loaded; with `request` they are asked for then. Only a note whose
 * words do not fit at the text floor needs them, so a board with short notes
 * never loads them. Reactive: read inside a tldraw `useValue` or computed,
 * it changes once the patterns are in.
 */
export function noteHyphenator(
  editor: Editor,
  text: string,
  { request }: { request: boolean },
): Hyphenate | null {
  const language = noteLanguage(text, eventLanguageOf(editor).get())
  const hyphenate = loaded.get()[language]
  if (!hyphenate && request) void requestHyphenator(language)
  return hyphenate ?? null
}

/** Resolves once the patterns of every language are loaded: before drawing a board as an image. */
export async function loadNoteHyphenation(): Promise<void> {
  await Promise.all(HYPHENATION_LANGUAGES.map(requestHyphenator))
}

/** Subscribes to the moment a language's patterns arrive, for measuring again. */
export function onHyphenatorLoaded(language: HyphenationLanguage, listener: () => void): void {
  void requestHyphenator(language).then(listener)
}

/** The language a note is hyphenated in on this editor. */
export function noteLanguageOn(editor: Editor, text: string): HyphenationLanguage {
  return noteLanguage(text, eventLanguageOf(editor).get())
}

function requestHyphenator(language: HyphenationLanguage): Promise<void> {
  return loadHyphenator(language).then(
    (hyphenate) => {
      if (loaded.__unsafe__getWithoutCapture()[language] !== hyphenate) {
        loaded.update((current) => ({ ...current, [language]: hyphenate }))
      }
    },
    (error: unknown) => {
      // The patterns are a file of our own build; without them notes keep their words whole.
      console.warn(`hyphenation patterns for ${language} did not load`, error)
    },
  )
}
