/**
 * A text as the themes view draws it: hyphenated (soft hyphens) and with
 * the language it is in, or no language for a script hyphenation does not
 * cover (Arabic), which then also says nothing wrong to a screen reader.
 */
export interface ShownText {
  text: string
  lang: string | undefined
}

const LATIN_LETTER = /\p{Script=Latin}/u

/** Whether a text is written in Latin letters at all, so its hyphenation language applies. */
export function isLatinText(text: string): boolean {
  return LATIN_LETTER.test(text)
}
