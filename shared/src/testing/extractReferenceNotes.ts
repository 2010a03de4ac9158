/**
 * ONE-OFF SCRIPT, kept as the record of how `referenceNotes.ts` was made.
 * Nothing imports it and CI never runs it: the fresh clone has no
 * `../shared/reference/` beside it, so the tests read the generated module.
 *
 *     pnpm tsx shared/src/testing/extractReferenceNotes.ts
 *
 * reads the hand-typed results of the Winnenden café day
 * (`../shared/reference/world-cafe-results-winnenden-2019.txt`, relative to
 * the repository) and writes `shared/src/testing/referenceNotes.ts`.
 *
 * The document is a transcription of photographed flipcharts and its layout
 * changes from table to table. What the script reads, and how:
 * - `Thementisch: …` (once typed `Thematisch:`) opens or continues a table;
 *   `Station N:` a station, sometimes with the questions after it, sometimes
 *   as the first cell of a tab-separated row whose next line holds the lists.
 * - A line of known questions heads the list below it; a tab-separated line of
 *   questions heads the `<ul>` cells of the next line, one cell per question.
 *   Two questions typed one under the other with no list between (the way
 *   the flipchart showed both columns) head the list with the first one.
 * - `<ul>` cells hold `•` items; an item followed by a nested `<ul>` is a
 *   cluster heading over the items after it, up to the cell's end or the next
 *   heading (the document never closes its lists). One item, "Jobkraftwerk
 *   – … – …", typed its sub-items inline with dashes: also a cluster.
 * - `- ` items; an indented `- ` under an item makes that item the heading of
 *   a cluster. Numbered items (`1. `) are notes; the unmarked lines that follow
 *   one in the same paragraph, and `→`/`⇒`/`↳` lines after any item, belong
 *   to that note and stay in it on a new line, as typed.
 * - Struck-out words (`~~Int~~`) were crossed out on the flipchart and are
 *   left out; `*social media*` loses its emphasis stars; the gender star in
 *   `Akteur*innen` stays. List markers (`•`, `-`, `1.`) are not note text.
 * - The few lines the rules above cannot place are decided by hand in
 *   {@link HAND_DECISIONS}: photo captions to skip, labels that restate the
 *   question, headings over a list, the comma list of helpers.
 * - Where the document types a station twice (table 1, station 1: a short
 *   `<ul>` version, then a longer one), a note of the second typing that
 *   repeats one of the first is dropped: equal after lower-casing, expanding
 *   "Tw." and dropping all but letters and digits, or one such key starting
 *   the other. The kept note takes the longer text and a cluster from either.
 *   Repeats inside one typing ("Kinderrechte" twice in one column) are notes
 *   two groups wrote, and stay.
 * Anything else the script does not recognise stops it with the line number.
 */
import type { ReferenceNote, ReferenceTable } from './referenceNotes'

const SOURCE = '../shared/reference/world-cafe-results-winnenden-2019.txt'
const TARGET = 'shared/src/testing/referenceNotes.ts'

/** The questions as the tables head their lists, by station, and the variants typed. */
const STATION_QUESTIONS: Record<1 | 2 | 3, readonly [string, string]> = {
  1: ['Was läuft gut?', 'Wo hakt es?'],
  2: ['Was sind unsere Ziele?', 'Was soll ein gutes IntMan leisten?'],
  3: ['Was können wir vor Ort ändern?', 'Wer kann helfen?'],
}
const QUESTION_VARIANTS: Record<string, string> = {
  'Was können wir vor Ort verändern?': 'Was können wir vor Ort ändern?',
  'Was können wir Verändern?': 'Was können wir vor Ort ändern?',
}

/** Table ids for the topics, in the document's order. */
const TABLE_IDS: Record<string, string> = {
  'Frauen, Kinderbetreuung, Sprache': 'frauen',
  'Digitalisierung, Umsetzung des Integrationsplans': 'digitalisierung',
  'Verstetigung IntMan, Nachhaltigkeit': 'verstetigung',
  'Einzelkämpfer im ländlichen Raum': 'einzelkaempfer',
  Arbeitsmarktintegration: 'arbeitsmarkt',
  'Zivilgesellschaft, Hilfe zur Selbsthilfe': 'zivilgesellschaft',
  'Statusfragen, Zusammenarbeit mit Ausländerbehörde': 'statusfragen',
  'Rolle der Frau, häusliche Gewalt': 'rolle-der-frau',
  'Selbstverständnis, Rolle IntMan': 'selbstverstaendnis',
  'Gesundheit, psychosoziale Beratung': 'gesundheit',
  Rahmenbedingungen: 'rahmenbedingungen',
}

type HandDecision =
  | { kind: 'skip' }
  | { kind: 'question'; question: string }
  | { kind: 'heading'; cluster: string }
  | { kind: 'note' }
  | { kind: 'strip'; prefix: string }
  | { kind: 'helpers' }

/** Paragraphs (lines joined by "\n") the rules cannot place, decided by reading them. */
const HAND_DECISIONS: Record<string, HandDecision> = {
  // Captions of the flipchart photos, and the restated question over a list.
  Einzelkämpfer: { kind: 'skip' },
  'Station 2: ... ist.': { kind: 'skip' },
  'Einzelkämpfer\nim\nländlichen Raum': { kind: 'skip' },
  'Gutes IntMan soll leisten:': { kind: 'skip' },
  // The helpers of table 1, station 3: a comma list under their own label.
  'Behilfliche Akteur*innen:': { kind: 'helpers' },
  // Extra questions some tables wrote on their flipchart.
  'Perspektive des IntMan / „wie geht es weiter?“': {
    kind: 'question',
    question: 'Perspektive des IntMan / „wie geht es weiter?“',
  },
  'Wo ist das Konzept des Landes / des Bundes?': {
    kind: 'question',
    question: 'Wo ist das Konzept des Landes / des Bundes?',
  },
  'Wer hat Interesse am Landesverband?': {
    kind: 'question',
    question: 'Wer hat Interesse am Landesverband?',
  },
  // Headings over the list below them.
  'Mindeststandard von Orten mit Flüchtlingsunterkünften:': {
    kind: 'heading',
    cluster: 'Mindeststandard von Orten mit Flüchtlingsunterkünften',
  },
  'Gründung des „LIM-Baden-Württemberg“ – Landesverband Integrationsmanagement': {
    kind: 'heading',
    cluster: 'Gründung des „LIM-Baden-Württemberg“ – Landesverband Integrationsmanagement',
  },
  // A question the table wrote as a note under "Wo hakt es?".
  'Müssen Analphabeten wirklich Sprachförderung für die Sprache bekommen?': { kind: 'note' },
  // "Ziel:" labels the numbered goals below "Was sind unsere Ziele?".
  'Ziel: ': { kind: 'strip', prefix: 'Ziel: ' },
}

interface DraftNote {
  tableId: string
  station: 1 | 2 | 3
  question: string
  text: string
  cluster?: string
  /** Which typing of the station the note came from: 0 for the first. */
  typing: number
}

export interface Extraction {
  tables: ReferenceTable[]
  notes: ReferenceNote[]
}

/** Reads the document into tables and notes in the document's order, ids given per station. */
export function extractReferenceNotes(document: string): Extraction {
  const lines = document.replace(/\r\n?/g, '\n').split('\n')
  const start = lines.findIndex((line) => /^Them(en|a)tisch: /.test(line))
  const end = lines.findIndex((line) => line.startsWith('Vielen Dank'))
  const paragraphs = paragraphsOf(lines.slice(start, end), start + 1)

  const tables: ReferenceTable[] = []
  const drafts: DraftNote[] = []
  const typings = new Map<string, number>()
  let tableId = ''
  let station: 1 | 2 | 3 = 1
  let typing = 0
  /** Questions headed without a list below them yet. */
  let pendingQuestions: string[] = []
  /** Questions of the cells of the next `<ul>` line. */
  let cellQuestions: string[] = []
  let question = ''
  let headingCluster: string | undefined
  let helpersNext = false

  const add = (text: string, cluster?: string, into = question) => {
    const cleaned = cleanText(text)
    if (cleaned === '') return
    drafts.push({
      tableId,
      station,
      question: into,
      text: cleaned,
      ...(cluster !== undefined && { cluster }),
      typing,
    })
  }
  const appendToLast = (line: string) => {
    const last = drafts[drafts.length - 1]
    if (!last) throw new Error(`continuation without a note: ${line}`)
    last.text = `${last.text}\n${cleanText(line)}`
  }
  /** The question a list below the pending headings answers. */
  const takeQuestion = () => {
    if (pendingQuestions.length > 0) {
      const [first, second] = STATION_QUESTIONS[station]
      const pairInOrder =
        pendingQuestions.length === 2 &&
        pendingQuestions[0] === first &&
        pendingQuestions[1] === second
      question = pairInOrder ? first : pendingQuestions[pendingQuestions.length - 1]!
      pendingQuestions = pairInOrder ? [second] : []
      if (pairInOrder) nextQuestion = second
    }
    return question
  }
  let nextQuestion: string | undefined

  for (const paragraph of paragraphs) {
    const text = paragraph.lines.join('\n')
    const where = `line ${paragraph.lineNumber}`
    const decision = HAND_DECISIONS[text] ?? prefixDecision(text)
    if (decision?.kind === 'skip') continue

    const table = /^Them(?:en|a)tisch: (.+?)(?: Ergebnisse)?$/.exec(text)
    if (table) {
      const topic = table[1]!
      const id = TABLE_IDS[topic]
      if (!id) throw new Error(`${where}: unknown table ${topic}`)
      if (!tables.some((known) => known.id === id)) tables.push({ id, topic })
      tableId = id
      continue
    }
    if (text === 'Ergebnisse') continue

    const stationLine = /^Station ([123]):(.*)$/s.exec(text)
    if (stationLine) {
      station = Number(stationLine[1]) as 1 | 2 | 3
      const key = `${tableId}/${station}`
      typing = typings.get(key) ?? 0
      typings.set(key, typing + 1)
      pendingQuestions = []
      cellQuestions = []
      nextQuestion = undefined
      headingCluster = undefined
      const rest = stationLine[2]!
      if (rest.includes('\t')) {
        // A row of a table: the station in the first cell, the questions after it.
        const [header, ...lists] = rest.split('\n')
        cellQuestions = header!
          .split('\t')
          .map((cell) => cell.trim())
          .filter(Boolean)
          .map(canonicalQuestion)
        for (const list of lists) readListLine(list, where)
      } else {
        const typed = rest.split('\n').flatMap((line) => questionsIn(line))
        pendingQuestions = typed.length === 1 && typed[0] === '' ? [] : typed.filter(Boolean)
      }
      continue
    }

    if (decision?.kind === 'question') {
      // A heading typed above the question still heads the list below it.
      pendingQuestions = [decision.question]
      continue
    }
    if (decision?.kind === 'heading') {
      headingCluster = decision.cluster
      continue
    }
    if (decision?.kind === 'helpers') {
      helpersNext = true
      continue
    }
    if (helpersNext) {
      helpersNext = false
      const helpers = STATION_QUESTIONS[station][1]
      for (const name of text.split(/[,;]\s*/)) add(name, undefined, helpers)
      continue
    }
    if (decision?.kind === 'note') {
      add(text, undefined, takeQuestion())
      continue
    }

    const [first, ...listLines] = paragraph.lines
    if (
      first!.includes('\t') &&
      listLines.length > 0 &&
      listLines.every((line) => line.trimStart().startsWith('<ul'))
    ) {
      // Questions over the cells of the lists right below them.
      cellQuestions = questionsIn(first!)
      if (cellQuestions.length === 0) throw new Error(`${where}: unknown questions ${first}`)
      for (const line of listLines) readListLine(line, where)
      continue
    }

    const questionLines = paragraph.lines.map((line) => questionsIn(line.replace(/^\s+/, '')))
    if (questionLines.every((found) => found.length > 0 && found.every(Boolean))) {
      const found = questionLines.flat()
      const tabbed = paragraph.lines.some((line) => line.includes('\t'))
      if (tabbed) cellQuestions = found
      else if (isSplitQuestion(paragraph.lines))
        pendingQuestions.push(canonicalQuestion(paragraph.lines.join(' ')))
      else pendingQuestions.push(...found)
      headingCluster = undefined
      continue
    }
    if (paragraph.lines.length === 2 && isSplitQuestion(paragraph.lines)) {
      pendingQuestions.push(canonicalQuestion(paragraph.lines.join(' ')))
      continue
    }

    // A list paragraph.
    let body = paragraph.lines
    if (decision?.kind === 'strip')
      body = [body[0]!.slice(decision.prefix.length), ...body.slice(1)]
    if (body[0]!.startsWith('<ul') || body[0]!.startsWith('\t<ul')) {
      for (const line of body) readListLine(line, where)
      continue
    }
    readDashedOrNumbered(body, where)
    headingCluster = undefined
  }

  function readListLine(line: string, where: string) {
    if (cellQuestions.length === 0) throw new Error(`${where}: list cells without questions`)
    const cells = line.split('\t').filter((cell) => cell.trim() !== '')
    if (cells.length > cellQuestions.length) throw new Error(`${where}: more cells than questions`)
    cells.forEach((cell, index) => {
      question = cellQuestions[index]!
      readCell(cell)
    })
  }

  function readCell(cell: string) {
    let cluster: string | undefined
    const parts = cell.split(/(<ul[^>]*>|•)/).map((part) => part.trim())
    const items: Array<{ text: string; cluster?: string }> = []
    for (const part of parts) {
      if (part === '' || part === '•') continue
      if (part.startsWith('<ul')) {
        // The item before a nested list is the heading of the items in it.
        const heading = items.pop()
        if (heading) cluster = headingText(heading.text)
        continue
      }
      items.push({ text: part, ...(cluster !== undefined && { cluster }) })
    }
    for (const item of items) {
      const inline = inlineSubItems(item.text)
      if (inline) for (const sub of inline.items) add(sub, inline.heading)
      else add(item.text, item.cluster)
    }
  }

  function readDashedOrNumbered(body: readonly string[], where: string) {
    const into = takeQuestion()
    let clusterNote: { draftIndex: number; heading: string } | undefined
    let inNumbered = false
    let cluster = headingCluster
    for (const raw of body) {
      const line = raw.replace(/\s+$/, '')
      const sub = /^\s+- (.*)$/.exec(line)
      const top = /^- (.*)$/.exec(line)
      const numbered = /^(\d+)\.\s+(.*)$/.exec(line)
      if (/^\s*[→⇒↳]/.test(line) || (inNumbered && !numbered)) {
        appendToLast(line.trim())
      } else if (sub) {
        if (!clusterNote) {
          // The item above the first sub-item becomes the heading of them all.
          const heading = drafts.pop()
          if (!heading) throw new Error(`${where}: sub-item without heading`)
          clusterNote = { draftIndex: drafts.length, heading: headingText(heading.text) }
        }
        add(sub[1]!, clusterNote.heading, into)
      } else if (top) {
        clusterNote = undefined
        cluster = headingCluster
        add(top[1]!, cluster, into)
      } else if (numbered) {
        inNumbered = true
        clusterNote = undefined
        add(numbered[2]!, cluster, into)
      } else {
        throw new Error(`${where}: cannot place "${line}"`)
      }
    }
    if (nextQuestion !== undefined) {
      question = nextQuestion
      nextQuestion = undefined
    }
  }

  return { tables, notes: withIds(mergeRepeatedTypings(drafts)) }
}

function prefixDecision(text: string): HandDecision | undefined {
  for (const [prefix, decision] of Object.entries(HAND_DECISIONS)) {
    if (decision.kind === 'strip' && text.startsWith(prefix)) return decision
  }
  return undefined
}

function paragraphsOf(lines: readonly string[], firstLineNumber: number) {
  const paragraphs: Array<{ lines: string[]; lineNumber: number }> = []
  let current: { lines: string[]; lineNumber: number } | undefined
  lines.forEach((line, index) => {
    if (line.trim() === '') {
      current = undefined
      return
    }
    // A station or a table starts a paragraph even where no blank line precedes it.
    if (!current || /^(Station [123]:|Them(en|a)tisch: )/.test(line)) {
      current = { lines: [], lineNumber: firstLineNumber + index }
      paragraphs.push(current)
    }
    current.lines.push(line)
  })
  return paragraphs
}

/** The known questions a heading line holds, or `['']` for none on a `Station N:` line. */
function questionsIn(line: string): string[] {
  const trimmed = line.trim()
  if (trimmed === '') return ['']
  const cells = trimmed.split('\t').map((cell) => cell.trim())
  const found: string[] = []
  for (const cell of cells) {
    if (isKnownQuestion(cell)) {
      found.push(canonicalQuestion(cell))
      continue
    }
    // "Was läuft gut? Wo hakt es?" typed on one line after the station.
    const split = cell.match(/[^?]+\?/g)?.map((part) => part.trim()) ?? []
    if (split.length > 0 && split.join(' ') === cell && split.every(isKnownQuestion)) {
      found.push(...split.map(canonicalQuestion))
      continue
    }
    return []
  }
  return found
}

function isKnownQuestion(text: string): boolean {
  const canonical = canonicalQuestion(text)
  if (Object.values(STATION_QUESTIONS).some((pair) => pair.includes(canonical))) return true
  // Both questions of station 2 under one heading, answered in one list.
  const halves = text.split(' / ')
  return (
    halves.length === 2 &&
    halves.every((half) => isKnownQuestion(half.endsWith('?') ? half : `${half}?`))
  )
}

function canonicalQuestion(text: string): string {
  const single = text.replace(/\s+/g, ' ').trim()
  return QUESTION_VARIANTS[single] ?? single
}

/** "Was können wir" / "Verändern?": a question broken over two lines. */
function isSplitQuestion(lines: readonly string[]): boolean {
  return lines.length === 2 && QUESTION_VARIANTS[lines.join(' ').trim()] !== undefined
}

function headingText(text: string): string {
  return cleanText(text).replace(/\s*:$/, '')
}

/** "Jobkraftwerk – A – B": sub-items typed inline with dashes, outside any brackets. */
function inlineSubItems(text: string): { heading: string; items: string[] } | undefined {
  let depth = 0
  const cuts: number[] = []
  for (let index = 0; index < text.length; index++) {
    const char = text[index]
    if (char === '(') depth++
    else if (char === ')') depth--
    else if (depth === 0 && text.startsWith(' – ', index - 1)) cuts.push(index)
  }
  if (cuts.length < 2) return undefined
  const pieces = [0, ...cuts].map((from, index) =>
    text.slice(from === 0 ? 0 : from + 1, cuts[index] ?? text.length).trim(),
  )
  const [heading, ...items] = pieces
  return { heading: heading!, items }
}

function cleanText(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(/~~[^~]*~~\s*/g, '')
        .replace(/(^|\s)\*([^*\s][^*]*?)\*(?=\s|$|[.,;:!?])/g, '$1$2')
        .replace(/^\d+\.\s+/, '')
        .replace(/[ \t]+/g, ' ')
        .trim(),
    )
    .filter((line) => line !== '')
    .join('\n')
}

function duplicateKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/\btw\./g, 'teilweise')
    .replace(/[^\p{L}\p{N}]+/gu, '')
}

function isRepeat(a: string, b: string): boolean {
  const [x, y] = [duplicateKey(a), duplicateKey(b)]
  if (x === y) return true
  const [shorter, longer] = x.length < y.length ? [x, y] : [y, x]
  return shorter.length >= 15 && longer.startsWith(shorter)
}

/** Drops notes that a later typing of a station repeats from an earlier one. */
function mergeRepeatedTypings(drafts: readonly DraftNote[]): DraftNote[] {
  const kept: DraftNote[] = []
  for (const draft of drafts) {
    const earlier = kept.find(
      (note) =>
        note.tableId === draft.tableId &&
        note.station === draft.station &&
        note.typing < draft.typing &&
        isRepeat(note.text, draft.text),
    )
    if (!earlier) {
      kept.push({ ...draft })
      continue
    }
    if (draft.text.length > earlier.text.length) earlier.text = draft.text
    if (earlier.cluster === undefined && draft.cluster !== undefined)
      earlier.cluster = draft.cluster
  }
  return kept
}

function withIds(drafts: readonly DraftNote[]): ReferenceNote[] {
  const counters = new Map<string, number>()
  return drafts.map((draft) => {
    const key = `${draft.tableId}-s${draft.station}`
    const count = (counters.get(key) ?? 0) + 1
    counters.set(key, count)
    return {
      id: `${key}-${String(count).padStart(2, '0')}`,
      tableId: draft.tableId,
      station: draft.station,
      question: draft.question,
      text: draft.text,
      ...(draft.cluster !== undefined && { cluster: draft.cluster }),
    }
  })
}

/** The generated module's source. */
export function referenceNotesModule({ tables, notes }: Extraction): string {
  const json = (value: string | number) =>
    typeof value === 'number'
      ? String(value)
      : `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll('\n', '\\n')}'`
  const noteLines = notes.map((note) => {
    const cluster = note.cluster === undefined ? '' : `, cluster: ${json(note.cluster)}`
    const fields = [
      `id: ${json(note.id)}`,
      `tableId: ${json(note.tableId)}`,
      `station: ${note.station}`,
      `question: ${json(note.question)}`,
      `text: ${json(note.text)}`,
    ]
    return `  { ${fields.join(', ')}${cluster} },`
  })
  return `${MODULE_HEADER}
export const REFERENCE_TABLES: readonly ReferenceTable[] = [
${tables.map((table) => `  { id: ${json(table.id)}, topic: ${json(table.topic)} },`).join('\n')}
]

export const REFERENCE_NOTES: readonly ReferenceNote[] = [
${noteLines.join('\n')}
]
`
}

const MODULE_HEADER = `/**
 * The notes of a real café day: the Regionalkonferenz "Pakt für Integration"
 * in Winnenden, 2 July 2019, 11 topic tables, 3 stations with two questions
 * each, as its hand-typed results document gives them
 * (\`../shared/reference/world-cafe-results-winnenden-2019.txt\`).
 *
 * GENERATED by \`extractReferenceNotes.ts\` (a one-off script; read its header
 * for how the irregular layout was read). Do not edit by hand: run it again.
 * Kept in the repository because CI's clone has no \`../shared/\`.
 *
 * Texts are as typed: umlauts, „quotes“, arrows, gender stars and
 * underscores, typos. A note the document continued on further lines keeps
 * them after a line break.
 */

export interface ReferenceTable {
  /** A short slug of the topic. */
  id: string
  /** The table's topic, as the document heads it. */
  topic: string
}

export interface ReferenceNote {
  /** \`<tableId>-s<station>-<nn>\`, numbered in the document's order. */
  id: string
  tableId: string
  station: 1 | 2 | 3
  /**
   * The question (column) the note answers, as the table headed it: one of
   * the station's two, both of station 2 where a table answered them in one
   * list, or an extra question a table wrote on its flipchart.
   */
  question: string
  text: string
  /** Heading of the cluster the table grouped the note under. */
  cluster?: string
}
`

async function main() {
  // Shared compiles without Node's types (it runs in the browser too), so the
  // little of Node this script needs is typed here.
  const fsName = 'node:fs'
  const fs = (await import(/* @vite-ignore */ fsName)) as {
    readFileSync(path: string, encoding: 'utf8'): string
    writeFileSync(path: string, text: string): void
  }
  const print = (globalThis as unknown as { console: { log(...values: unknown[]): void } }).console
    .log
  const extraction = extractReferenceNotes(fs.readFileSync(SOURCE, 'utf8'))
  fs.writeFileSync(TARGET, referenceNotesModule(extraction))
  print(`${extraction.notes.length} notes from ${extraction.tables.length} tables → ${TARGET}`)
  for (const table of extraction.tables) {
    const counts = [1, 2, 3].map((station) => {
      const notes = extraction.notes.filter(
        (note) => note.tableId === table.id && note.station === station,
      )
      const byQuestion = new Map<string, number>()
      for (const note of notes)
        byQuestion.set(note.question, (byQuestion.get(note.question) ?? 0) + 1)
      return `S${station} ${notes.length} (${[...byQuestion.values()].join('+')})`
    })
    print(`${table.id.padEnd(20)} ${counts.join('  ')}`)
  }
}

await main()
