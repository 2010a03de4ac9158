/**
 * Turns the stores' `?` placeholders into PostgreSQL's `$1, $2, …`. Question
 * marks inside string literals, quoted names and comments stay as they are.
 */
export function toPostgresPlaceholders(sql: string): string {
  let out = ''
  let next = 1
  let index = 0
  while (index < sql.length) {
    const char = sql[index]!
    if (char === "'" || char === '"') {
      const end = closingQuote(sql, index, char)
      out += sql.slice(index, end)
      index = end
    } else if (char === '-' && sql[index + 1] === '-') {
      const end = sql.indexOf('\n', index)
      const stop = end === -1 ? sql.length : end
      out += sql.slice(index, stop)
      index = stop
    } else if (char === '?') {
      out += `$${next++}`
      index++
    } else {
      out += char
      index++
    }
  }
  return out
}

/** The index just past the quote that closes the one at `start` (a doubled quote is part of the text). */
function closingQuote(sql: string, start: number, quote: string): number {
  let index = start + 1
  while (index < sql.length) {
    if (sql[index] === quote) {
      if (sql[index + 1] === quote) index += 2
      else return index + 1
    } else index++
  }
  return sql.length
}
