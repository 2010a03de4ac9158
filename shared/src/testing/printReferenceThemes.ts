/**
 * ONE-OFF SCRIPT for tuning the theme suggestions and judging them by
 * reading: prints the themes `suggestThemes` proposes for the reference day,
 * each with its notes, and the time the whole day took.
 *
 *     pnpm tsx shared/src/testing/printReferenceThemes.ts [threshold [partWeight otherWordWeight]]
 *     pnpm tsx shared/src/testing/printReferenceThemes.ts sweep [partWeight otherWordWeight]
 *
 * `sweep` prints, for thresholds from 0.10 to 0.45, how many themes there are,
 * how large, and how many of their notes hold the theme's first term
 * (coverage) or none of its terms (loose). Nothing imports this script; the
 * tests assert what it shows.
 */
import { analyseNotes } from '../lib/themes/analyseNotes'
import { stem } from '../lib/themes/stem'
import { suggestThemes, type SuggestThemesOptions, type Theme } from '../lib/themes/suggestThemes'
import { tokenize } from '../lib/themes/tokens'
import { REFERENCE_TABLES } from './referenceNotes'
import { referenceThemeNotes } from './referenceThemeNotes'

// Shared compiles without Node's types, so the little of Node used here is typed here.
const host = globalThis as unknown as {
  console: { log(...values: unknown[]): void }
  process: { argv: string[]; cpuUsage(): { user: number; system: number } }
  performance: { now(): number }
}
const print = host.console.log
const [first, partArgument, otherWordArgument] = host.process.argv.slice(2)
const weights =
  partArgument === undefined
    ? {}
    : { weights: { part: Number(partArgument), otherWord: Number(otherWordArgument ?? 1) } }
const notes = referenceThemeNotes()

if (first === 'sweep') sweep()
else show({ ...weights, ...(first !== undefined && { threshold: Number(first) }) })

function show(options: SuggestThemesOptions) {
  suggestThemes(notes, options) // warm-up: the times below are a steady run's
  const wall: number[] = []
  let cpu = 0
  let themes: Theme[] = []
  for (let run = 0; run < 10; run++) {
    const cpuBefore = host.process.cpuUsage()
    const started = host.performance.now()
    themes = suggestThemes(notes, options)
    wall.push(host.performance.now() - started)
    const cpuAfter = host.process.cpuUsage()
    cpu += (cpuAfter.user - cpuBefore.user + cpuAfter.system - cpuBefore.system) / 1000
  }
  const topics = new Map(REFERENCE_TABLES.map((table) => [table.id, table.topic]))
  for (const theme of themes) {
    const tables = new Set(theme.notes.map((note) => note.tableId)).size
    print(
      `\n■ ${theme.title}  (${theme.notes.length} notes, ${tables} tables; ` +
        `terms: ${theme.terms.join(', ')})`,
    )
    for (const note of theme.notes) {
      const topic = topics.get(note.tableId)!.slice(0, 28).padEnd(28)
      print(`   ${topic} ${note.stationId}  ${note.text.replaceAll('\n', ' / ')}`)
    }
  }
  wall.sort((a, b) => a - b)
  const inThemes = themes.reduce((sum, theme) => sum + theme.notes.length, 0)
  print(
    `\n${themes.length} cross-table themes, ${inThemes} of ${notes.length} notes; ` +
      `whole day in ${wall[0]!.toFixed(0)}–${wall[wall.length - 1]!.toFixed(0)} ms wall ` +
      `(median ${wall[5]!.toFixed(0)}), ${(cpu / 10).toFixed(0)} ms CPU per run`,
  )
}

function sweep() {
  const analysis = analyseNotes(notes, weights)
  const keysOf = new Map(
    analysis.notes.map((item) => [noteKey(item.note), new Set(item.terms.map((term) => term.key))]),
  )
  const keyOfWord = (word: string) =>
    stem(tokenize(word, 'de')[0]?.word ?? word.toLowerCase(), 'de')
  print('threshold  themes  notes  ≥3 notes  ≥3 tables  largest  coverage  loose')
  for (let threshold = 0.1; threshold <= 0.451; threshold += 0.05) {
    const themes = suggestThemes(notes, { ...weights, threshold })
    let held = 0
    let loose = 0
    let total = 0
    for (const theme of themes) {
      const titleKey = keyOfWord(theme.terms[0]!)
      const termKeys = theme.terms.map(keyOfWord)
      for (const note of theme.notes) {
        const keys = keysOf.get(noteKey(note))!
        total++
        if (keys.has(titleKey)) held++
        if (!termKeys.some((key) => keys.has(key))) loose++
      }
    }
    const count = (test: (theme: Theme) => boolean) => themes.filter(test).length
    print(
      [
        threshold.toFixed(2).padEnd(9),
        String(themes.length).padStart(6),
        String(total).padStart(6),
        String(count((theme) => theme.notes.length >= 3)).padStart(9),
        String(
          count((theme) => new Set(theme.notes.map((note) => note.tableId)).size >= 3),
        ).padStart(10),
        String(Math.max(...themes.map((theme) => theme.notes.length))).padStart(8),
        `${((100 * held) / total).toFixed(0)}%`.padStart(9),
        String(loose).padStart(6),
      ].join('  '),
    )
  }
}

function noteKey(note: { tableId: string; stationId: string; noteId: string }) {
  return `${note.tableId}/${note.stationId}/${note.noteId}`
}
