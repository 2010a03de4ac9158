/** The parts of the `hyphen` package (ISC) Tablecloth uses; it ships no types. */
interface HyphenOptions {
  /** Inserted at each break point; U+00AD (soft hyphen) by default. */
  hyphenChar?: string
  /** Words shorter than this stay whole (5 by default). */
  minWordLength?: number
}
interface HyphenLanguage {
  hyphenateSync(text: string, options?: HyphenOptions): string
}
declare module 'hyphen/de' {
  const language: HyphenLanguage
  export = language
}
declare module 'hyphen/en-us' {
  const language: HyphenLanguage
  export = language
}
