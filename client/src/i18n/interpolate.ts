/**
 * Filling in a message's `{placeholders}`. Kept apart from the catalogs for
 * the same reason as languages.ts.
 */

export type MessageParams = Record<string, string | number>

/**
 * Replaces every `{name}` in a message with its parameter. A placeholder
 * without a value stays visible as `{name}`, so a missing argument shows up
 * on screen instead of silently vanishing.
 */
export function interpolate(message: string, params?: MessageParams): string {
  if (!params) return message
  return message.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name]
    return value === undefined ? placeholder : String(value)
  })
}

/** The names of the `{placeholders}` a message uses, sorted. */
export function placeholdersOf(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort()
}
