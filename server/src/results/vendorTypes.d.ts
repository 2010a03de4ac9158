/**
 * The few parts of two untyped libraries the results renderers use.
 * Neither ships its own typings.
 */

declare module 'fontkit' {
  /** An OpenType/WOFF font as fontkit reads it. */
  export interface Font {
    familyName: string
    hasGlyphForCodePoint(codePoint: number): boolean
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font
}

declare module 'bidi-js' {
  export interface EmbeddingLevels {
    /** One level per UTF-16 code unit; odd levels read right to left. */
    levels: Uint8Array
    paragraphs: Array<{ start: number; end: number; level: number }>
  }
  export interface Bidi {
    getEmbeddingLevels(text: string, explicitDirection?: 'ltr' | 'rtl'): EmbeddingLevels
    getReorderSegments(
      text: string,
      levels: EmbeddingLevels,
      start?: number,
      end?: number,
    ): Array<[number, number]>
    /**
     * Code unit index → the mirrored character, for characters at odd levels.
     * Takes the `levels` array itself (its README says the result object).
     */
    getMirroredCharactersMap(
      text: string,
      levels: Uint8Array,
      start?: number,
      end?: number,
    ): Map<number, string>
    getBidiCharTypeName(char: string): string
    /** The character's mirrored form ("(" for ")"), null where it has none. */
    getMirroredCharacter(char: string): string | null
  }
  export default function bidiFactory(): Bidi
}
