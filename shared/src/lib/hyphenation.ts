/// <reference path="../vendor/hyphen.d.ts" />
/**
 * Hyphenation at syllable boundaries, offline: TeX's patterns for German
 * (reformed spelling) and US English through the `hyphen` package, instead
 * of the browser's own dictionaries, which Chromium downloads on demand and
 * a venue without internet never has. The result carries soft hyphens
 * (U+00AD): invisible while a word fits its line, a visible "-" where the
 * line breaks, so "Kinderbetreuungsangebote" may break as
 * "Kinderbetreuungs-" / "angebote", never in the middle of a syllable and
 * never without a hyphen. Note text is never stored hyphenated: screens
 * hyphenate what they draw.
 */

/** The character a hyphenated text carries at every place it may break. */
export const SOFT_HYPHEN = '\u00AD'

export const HYPHENATION_LANGUAGES = ['de', 'en'] as const
export type HyphenationLanguage = (typeof HYPHENATION_LANGUAGES)[number]

/** Inserts soft hyphens into a text; words shorter than five letters stay whole. */
export type Hyphenate = (text: string) => string

const loaded = new Map<HyphenationLanguage, Promise<Hyphenate>>()

/**
 * The hyphenator for a language. Its patterns are loaded on first use, since
 * German's are about 140 KB compressed: a page shows its text unhyphenated
 * for that moment rather than waiting for them.
 */
export function loadHyphenator(language: HyphenationLanguage): Promise<Hyphenate> {
  let hyphenator = loaded.get(language)
  if (hyphenator === undefined) {
    hyphenator = importPatterns(language).then(
      (patterns) => (text: string) => patterns.hyphenateSync(text, { hyphenChar: SOFT_HYPHEN, minWordLength: 5 }),
    )
    loaded.set(language, hyphenator)
    // A failed load may be retried by the next caller.
    hyphenator.catch(() => loaded.delete(language))
  }
  return hyphenator
}

async function importPatterns(language: HyphenationLanguage) {
  const module = language === 'de' ? await import('hyphen/de') : await import('hyphen/en-us')
  // The package is CommonJS: bundlers hand it over as `default` or as the module itself.
  return 'default' in module && module.default ? module.default : module
}

const GERMAN_LETTERS = /[äöüßÄÖÜẞ]/
const GERMAN_WORDS = new Set(['und', 'der', 'die', 'das', 'nicht', 'mit', 'für', 'ist', 'sind', 'zu', 'von', 'wir', 'ein', 'eine', 'auch', 'bei', 'mehr', 'fehlt', 'fehlen', 'gibt', 'keine'])
const ENGLISH_WORDS = new Set(['the', 'and', 'of', 'to', 'for', 'is', 'are', 'with', 'we', 'not', 'more', 'no', 'a', 'an', 'in', 'on', 'lack', 'need'])

/**
 * The language a note is written in, as far as its words tell: umlauts and
 * ß, or German function words, make it German; English function words make
 * it English; otherwise the event's language decides. A note is short, so
 * this looks at every word.
 */
export function noteLanguage(text: string, eventLanguage: HyphenationLanguage): HyphenationLanguage {
  if (GERMAN_LETTERS.test(text)) return 'de'
  let german = 0
  let english = 0
  for (const word of text.toLowerCase().split(/[^\p{L}]+/u)) {
    if (GERMAN_WORDS.has(word)) german++
    if (ENGLISH_WORDS.has(word)) english++
  }
  if (german === english) return eventLanguage
  return german > english ? 'de' : 'en'
}

/** Removes soft hyphens, e.g. from text copied off a hyphenated screen. */
export function withoutSoftHyphens(text: string): string {
  return text.replaceAll(SOFT_HYPHEN, '')
}
