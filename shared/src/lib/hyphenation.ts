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

/**
 * Inserts soft hyphens into a text; words shorter than five letters stay
 * whole, and no break leaves fewer than {@link MIN_LETTERS_AT_BREAK} letters
 * on either side.
 */
export type Hyphenate = (text: string) => string

/**
 * Fewest letters a hyphen may leave at either end of a word: "Famili-en" and
 * "Integrationskur-se" are syllable breaks, but a line that ends or starts
 * with two letters reads badly from the back of a room. One rule for every
 * screen and the server's note sizing, so all of them break a note alike.
 */
export const MIN_LETTERS_AT_BREAK = 3

const loaded = new Map<HyphenationLanguage, Promise<Hyphenate>>()

/**
 * The hyphenator for a language. Its patterns are loaded on first use, since
 * German's are about 140 KB compressed: a page shows its text unhyphenated
 * for that moment rather than waiting for them.
 */
export function loadHyphenator(language: HyphenationLanguage): Promise<Hyphenate> {
  let hyphenator = loaded.get(language)
  if (hyphenator === undefined) {
    hyphenator = importPatterns(language).then(hyphenatorOf)
    loaded.set(language, hyphenator)
    // A failed load may be retried by the next caller.
    hyphenator.catch(() => loaded.delete(language))
  }
  return hyphenator
}

/**
 * The hyphenator over one language's patterns module (`hyphen/de`,
 * `hyphen/en-us`), for a caller that loads the module itself (the server
 * reads it synchronously); {@link loadHyphenator} uses the same rules.
 */
export function hyphenatorOf(patterns: {
  hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string
}): Hyphenate {
  return (text: string) =>
    keepReadableBreaks(patterns.hyphenateSync(text, { hyphenChar: SOFT_HYPHEN, minWordLength: 5 }))
}

/**
 * Drops the soft hyphens that would leave fewer than `min` letters of a word
 * before or after the break. The other breaks stay, and a word without any
 * still wraps whole, never in the middle of a syllable.
 */
export function keepReadableBreaks(text: string, min = MIN_LETTERS_AT_BREAK): string {
  if (!text.includes(SOFT_HYPHEN)) return text
  const letters = (part: string) => [...part.replace(/\p{M}/gu, '')].length
  return text.replace(/[\p{L}\p{M}\u00AD]+/gu, (word) => {
    const parts = word.split(SOFT_HYPHEN)
    if (parts.length === 1) return word
    const total = parts.reduce((sum, part) => sum + letters(part), 0)
    let before = letters(parts[0]!)
    let out = parts[0]!
    for (const part of parts.slice(1)) {
      out += before >= min && total - before >= min ? SOFT_HYPHEN + part : part
      before += letters(part)
    }
    return out
  })
}

async function importPatterns(language: HyphenationLanguage) {
  const module = language === 'de' ? await import('hyphen/de') : await import('hyphen/en-us')
  // The package is CommonJS: bundlers hand it over as `default` or as the module itself.
  return 'default' in module && module.default ? module.default : module
}

const GERMAN_LETTERS = /[äöüßÄÖÜẞ]/
// Words only one of the two languages writes: "in" and "an" are German as well, so neither counts.
const GERMAN_WORDS = new Set([
  'und',
  'der',
  'die',
  'das',
  'den',
  'dem',
  'des',
  'nicht',
  'mit',
  'für',
  'ist',
  'sind',
  'zu',
  'zum',
  'zur',
  'im',
  'auf',
  'von',
  'wir',
  'ein',
  'eine',
  'auch',
  'bei',
  'mehr',
  'sich',
  'fehlt',
  'fehlen',
  'gibt',
  'keine',
])
const ENGLISH_WORDS = new Set([
  'the',
  'and',
  'of',
  'to',
  'for',
  'is',
  'are',
  'with',
  'we',
  'not',
  'more',
  'on',
  'lack',
  'need',
  'our',
  'their',
])

/**
 * The language a note is written in, as far as its words tell: umlauts and
 * ß, or German function words, make it German; English function words make
 * it English; otherwise the event's language decides. A note is short, so
 * this looks at every word.
 */
export function noteLanguage(
  text: string,
  eventLanguage: HyphenationLanguage,
): HyphenationLanguage {
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
