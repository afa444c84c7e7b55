/**
 * The census of the documents' numbers: every number either seed prints (digits, and number
 * words such as "six", "two-thirds", "a decade"), each accounted for. A number is a statistic
 * when the ledger holds it (its quote covers it and its `printed` names it); otherwise a rule
 * or a reviewer's decision (raw/<document>/census.tsv) dismisses it with a reason. A number
 * that nothing accounts for stops the run: a new extraction of a document, or a statistic
 * taken out of the ledger, can never leave a number unseen.
 *
 * The rules are the cases where a rule is right (raw/README.md, "Census"): running heads'
 * page numbers, note markers and the notes' own numbers, section, chapter, table and figure
 * numbers, citations' years and pages, the years of a statistic's own period, and years that
 * date an event. Everything else is an individual decision.
 */
import { RawInputError } from "../errors.ts";
import { parseTsv } from "../parse/tsv.ts";
import { normalizeSource, quoteSpan, type NormalizedSource } from "./quote-match.ts";
import type { Seed } from "./sources.ts";
import type { DocumentId, Statistic } from "./statistic.ts";

/** Why a printed number is, or is not, in the ledger. */
export const CENSUS_STATUSES = [
  "statistic",
  "statistic_period",
  "page_number",
  "note_marker",
  "section_number",
  "table_figure_number",
  "citation_year",
  "citation_page",
  "event_date",
  "conceptual_count",
  "identifier",
  "omitted",
] as const;
export type CensusStatus = (typeof CENSUS_STATUSES)[number];

/** What a reviewer's decision may say (rules and the ledger give the rest). */
export const DECISION_STATUSES: readonly CensusStatus[] = ["event_date", "conceptual_count", "identifier", "omitted", "section_number", "table_figure_number", "note_marker", "citation_year", "citation_page"];

/** The header of raw/<document>/census.tsv. */
export const CENSUS_HEADER = ["line", "token", "status", "reason"] as const;

/** One number printed in one document. */
export interface CensusRow {
  document: DocumentId;
  /** The seed line it stands on. */
  line: number;
  /** Where on that line it starts: the 1-based position of its first character. */
  column: number;
  /** The number as printed (digits with their separators, or the number word). */
  token: string;
  status: CensusStatus;
  /** The statistic that holds it (status `statistic` or `statistic_period`); else null. */
  statistic_id: string | null;
  /** Why, in plain words. */
  reason: string;
  /** `ledger`, `rule:<name>`, or the raw file and line of the reviewer's decision. */
  decided_by: string;
}

/** A reviewer's decision read from raw/<document>/census.tsv. */
export interface CensusDecision {
  document: DocumentId;
  line: number;
  token: string;
  status: CensusStatus;
  reason: string;
  raw_file: string;
  raw_line: number;
}

const DIGITS = /\d+(?:[.,/-]\d+)*/g;
const TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
const UNITS = "one|two|three|four|five|six|seven|eight|nine";
/**
 * Number words. "one" is left out: as a pronoun ("one of the", "no one") it is no number, and
 * "a/one" counts of one are not what a ledger of statistics leaves out unseen.
 */
const WORDS = new RegExp(
  String.raw`(?<![\p{L}-])(?:(?:${TENS})(?:-(?:${UNITS}))?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundreds?|thousands?|millions?|billions?|dozens?|decades?|half|halves|thirds|quarters?|fifths?)(?:-(?:thirds?|quarters?|fifths?|fold))?(?![\p{L}])`,
  "giu",
);
/** Scale words that belong to the digits before them ("172.4 million"). */
const SCALE = /^(?:hundreds?|thousands?|millions?|billions?)$/i;
const YEAR = /^(?:1[89]|20)\d\d$/;
const YEARISH = /^(?:(?:1[89]|20)\d\d(?:[a-z]|s|[-/]\d{2}(?:\d{2})?)?|\d0s|\d{1,2}\/\d{1,2}\/\d{2}(?:\d{2})?)$/;

interface Token {
  index: number;
  end: number;
  text: string;
  line: number;
  status?: CensusStatus;
  statistic_id?: string | null;
  reason?: string;
  decided_by?: string;
}

/** The numbers printed in `text` (a normalized source, or a quote), in order. */
export function numberTokens(text: string): { index: number; end: number; text: string }[] {
  const found: { index: number; end: number; text: string }[] = [];
  for (const m of text.matchAll(DIGITS)) {
    // A year with a sentence's full stop and a note marker after it ("in 1995-96.5 Brazil"):
    // two numbers, since a year has no decimals.
    const split = /^((?:1[89]|20)\d\d(?:-\d{2,4})?)\.(\d{1,2})$/.exec(m[0]);
    if (split) {
      found.push({ index: m.index, end: m.index + split[1]!.length, text: split[1]! });
      found.push({ index: m.index + split[1]!.length + 1, end: m.index + m[0].length, text: split[2]! });
      continue;
    }
    // A trailing year suffix ("2005a", "1990s") is part of the printed token.
    const after = text.slice(m.index + m[0].length);
    const suffix = (YEAR.test(m[0]) && /^[as](?![\p{L}])/u.test(after)) || (/^\d0$/.test(m[0]) && /^s(?![\p{L}])/u.test(after)) ? 1 : 0;
    found.push({ index: m.index, end: m.index + m[0].length + suffix, text: text.slice(m.index, m.index + m[0].length + suffix) });
  }
  for (const m of text.matchAll(WORDS)) {
    // "172.4 million", "200 million": the scale word is part of the number before it.
    if (SCALE.test(m[0]) && /\d[ \n]$/.test(text.slice(Math.max(0, m.index - 2), m.index))) continue;
    found.push({ index: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return found.sort((a, b) => a.index - b.index);
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Marks the tokens each statistic's quote covers and its printed words name. */
function claimStatistics(tokens: Token[], statistics: readonly Statistic[], source: NormalizedSource): void {
  for (const s of statistics) {
    const span = quoteSpan(s.quote, source, s.line);
    if (!span) continue; // provenance.ts has already refused a quote the seed does not print
    const inside = tokens.filter((t) => t.index >= span.start && t.end <= span.end);
    for (const printed of numberTokens(s.printed)) {
      const token = inside.find((t) => t.status === undefined && same(t.text, printed.text)) ?? inside.find((t) => same(t.text, printed.text));
      if (token && token.status === undefined) Object.assign(token, { status: "statistic", statistic_id: s.id, reason: `held by the ledger as ${s.id}`, decided_by: "ledger" });
    }
    for (const year of s.period ? numberTokens(s.period) : []) {
      const token = inside.find((t) => t.status === undefined && same(t.text, year.text));
      if (token) Object.assign(token, { status: "statistic_period", statistic_id: s.id, reason: `the period of ${s.id}`, decided_by: "ledger" });
    }
  }
}

interface RuleContext {
  text: string;
  lines: readonly string[];
  title: string;
  /** The lines that open a note ("12 Nadvi (1999), p 1611."), found by noteLines. */
  noteLines: ReadonlyMap<number, string>;
}

/**
 * The lines that open a note: a line that starts with the next number of the document's run of
 * notes (1, 2, 3, … in the order printed), followed by its text. A number that breaks the run
 * (a heading "6 - Conclusions" among notes 51 and 52) opens none.
 */
function noteLines(lines: readonly string[]): Map<number, string> {
  const found = new Map<number, string>();
  let next = 1;
  lines.forEach((line, i) => {
    const m = /^\s*(\d{1,3})(?:\s+\S|(?=\p{Lu}))/u.exec(line);
    if (m && Number(m[1]) === next) {
      found.set(i + 1, m[1]!);
      next++;
    }
  });
  return found;
}

/** The rules, in order: the first that applies decides. Each returns a reason, or null. */
const RULES: readonly { name: string; status: CensusStatus; applies(t: Token, c: RuleContext): string | null }[] = [
  {
    name: "running-head",
    status: "page_number",
    applies(t, c) {
      const line = c.lines[t.line - 1]!.trim();
      if (line === `${c.title} ${t.text}`) return "the page number in a running head beside the document's title";
      if (line !== t.text) return null;
      for (let l = t.line - 2; l >= Math.max(0, t.line - 4); l--) {
        const before = c.lines[l]!.trim();
        if (before === "") continue;
        return before === c.title ? "the page number under a running head (the document's title)" : null;
      }
      return null;
    },
  },
  {
    name: "note-line",
    status: "note_marker",
    applies: (t, c) => (c.noteLines.get(t.line) === t.text && new RegExp(`^\\s*${t.text}(?!\\d)`).test(c.lines[t.line - 1]!) ? "the number of a note, at the start of the note" : null),
  },
  {
    name: "identifier",
    status: "identifier",
    applies: (t, c) => (/(?:\bISO|\bSITC\)?|Route)\s*$/.test(c.text.slice(Math.max(0, t.index - 8), t.index)) || /^\d{5}$/.test(t.text) && /SITC/.test(c.text.slice(Math.max(0, t.index - 60), t.index)) ? "part of a name or code (ISO 9000, an SITC code, Route 128)" : null),
  },
  {
    name: "label",
    status: "table_figure_number",
    applies: (t, c) => (/(?:Table|Figure|Fig\.|Chart)\s*(?:#\s*|-|No\.\s*)?$/i.test(c.text.slice(Math.max(0, t.index - 12), t.index)) ? "the number of a table or figure" : null),
  },
  {
    name: "section",
    status: "section_number",
    applies(t, c) {
      if (/(?:Chapters?|Sections?|Parts?|Appendix|§)\s*$/i.test(c.text.slice(Math.max(0, t.index - 12), t.index))) return "the number of a chapter or section";
      const line = c.lines[t.line - 1]!;
      // A heading: the line starts with the number ("2.1  Institutional Theory", " 9. Notes").
      if (new RegExp(`^\\s*${t.text.replace(/\./g, "\\.")}\\.?\\s+(?:-\\s+)?[A-Z]`).test(line) && /^\d+(?:\.\d+)*$/.test(t.text) && line.trim().length < 100 && !/[.:;,]\s*$/.test(line.trim()) && Number(t.text.split(".")[0]) < 20)
        return "the number of a heading";
      return null;
    },
  },
  {
    name: "note-reference",
    status: "note_marker",
    applies: (t, c) => (/(?:foot)?notes?\s*$/i.test(c.text.slice(Math.max(0, t.index - 10), t.index)) ? "a reference to a note" : null),
  },
  {
    name: "citation-page",
    status: "citation_page",
    applies(t, c) {
      if (/\bpp?\.?\s*$/.test(c.text.slice(Math.max(0, t.index - 4), t.index))) return "the page of a cited work";
      // "(Friedman, 1999, 87)", "Nadvi (1999, 1615)", "(Dicken, 1992: 1)": a page after a cited year.
      if (/\p{Lu}[\p{L}’'.-]*,?\s*\(?(?:1[89]|20)\d\d[a-z]?[,:]\s*$/u.test(c.text.slice(Math.max(0, t.index - 40), t.index)) && /^\d+$/.test(t.text) && /^[);]/.test(c.text.slice(t.end, t.end + 1))) return "the page of a cited work";
      return null;
    },
  },
  {
    name: "note-marker",
    status: "note_marker",
    applies(t, c) {
      if (!/^\d{1,3}$/.test(t.text)) return null;
      // Glued to the word or the punctuation before it: a superscript note marker, flattened.
      if (/[\p{L}.,;:)’”"']$/u.test(c.text.slice(Math.max(0, t.index - 1), t.index)) && /^(?:$|[\s.,;:)])/.test(c.text.slice(t.end, t.end + 1))) return "a note marker (a superscript, flattened into the text)";
      return null;
    },
  },
  {
    name: "citation-year",
    status: "citation_year",
    applies(t, c) {
      if (!/^(?:1[89]|20)\d\d[a-z]?$/.test(t.text)) return null;
      const before = c.text.slice(Math.max(0, t.index - 80), t.index);
      const after = c.text.slice(t.end, t.end + 1);
      // "Nadvi (1999)", "(Schmitz, 1998, p.38)", "Knorringa 1999;", "Schmitz and Nadvi (1999a"
      if (/\p{Lu}[\p{L}’'.-]*(?:\s+(?:and|&)\s+\p{Lu}[\p{L}’'.-]*|\s+et\.?\s+al\.?)?,?\s*\(?$/u.test(before) && /^[),;:\s]?$/.test(after)) return "the year of a cited work";
      // "Schmitz (1995) and (1999)": a second year of the same author.
      if (/\(\d{4}[a-z]?\)\s*(?:and|,)\s*\($/.test(before) && after === ")") return "the year of a cited work";
      const open = before.lastIndexOf("(");
      if (open >= 0 && before.lastIndexOf(")") < open && /\p{Lu}\p{L}+/u.test(before.slice(open)) && /^[),;]/.test(after)) return "the year of a cited work";
      return null;
    },
  },
  {
    name: "date",
    status: "event_date",
    applies: (t) => (YEARISH.test(t.text) ? "a year or decade that dates an event or a period (the ledger records years as a number's period, and as a number only when the year is itself the finding)" : null),
  },
];

/** Parses raw/<document>/census.tsv: the reviewer's decisions, one per printed token and line. */
export function parseCensusDecisions(text: string, file: string, document: DocumentId, seedLines: number): CensusDecision[] {
  const decisions: CensusDecision[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields } of parseTsv(text, file, CENSUS_HEADER).rows) {
    const fail = (field: string, value: string, reason: string): never => {
      throw new RawInputError(file, line, field, value, reason);
    };
    const at = fields.line!;
    if (!/^[1-9]\d*$/.test(at) || Number(at) > seedLines) fail("line", at, `expected a line of the seed, 1..${seedLines}`);
    const token = fields.token!;
    if (numberTokens(token).map((t) => t.text).join(" ") !== token) fail("token", token, "expected one number as the census reads it (digits with their separators, or a number word)");
    const status = fields.status as CensusStatus;
    if (!DECISION_STATUSES.includes(status)) fail("status", fields.status!, `expected one of ${DECISION_STATUSES.join(", ")}`);
    if (fields.reason!.trim() === "") fail("reason", "", "every decision says why");
    const key = `${at}\t${token.toLowerCase()}`;
    if (seen.has(key)) fail("token", token, `decided twice for line ${at} (line ${seen.get(key)})`);
    seen.set(key, line);
    decisions.push({ document, line: Number(at), token, status, reason: fields.reason!, raw_file: file, raw_line: line });
  }
  return decisions;
}

/**
 * Every number `seed` prints, with what accounts for it so far: the ledger, a rule, a decision,
 * or nothing yet (`status` undefined). censusOf checks the result; a reviewer can list what is
 * left to decide with it.
 */
/**
 * For each index of a normalized source's text (quote-match.ts), the offset in the raw text it
 * comes from (a collapsed white-space run: the run's first character); one more at the end.
 */
export function rawOffsets(text: string): number[] {
  const offsets: number[] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i]!)) {
      offsets.push(i);
      while (i < text.length && /\s/.test(text[i]!)) i++;
    } else {
      offsets.push(i++);
    }
  }
  offsets.push(text.length);
  return offsets;
}

/** The 1-based column, on its line, of each raw offset. */
function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf("\n", offset - 1) + 1) + 1;
}

export function classifyNumbers(seed: Seed, statistics: readonly Statistic[], decisions: readonly CensusDecision[]): (Omit<CensusRow, "status" | "reason" | "decided_by"> & Partial<CensusRow>)[] {
  const document = seed.source.id as DocumentId;
  const source = normalizeSource(seed.text);
  const tokens: Token[] = numberTokens(source.text).map((t) => ({ ...t, line: source.lines[t.index]! }));
  claimStatistics(tokens, statistics.filter((s) => s.document === document), source);
  const lines = seed.text.split("\n");
  const context: RuleContext = { text: source.text, lines, title: seed.source.title, noteLines: noteLines(lines) };
  for (const t of tokens) {
    if (t.status !== undefined) continue;
    for (const rule of RULES) {
      const reason = rule.applies(t, context);
      if (reason === null) continue;
      Object.assign(t, { status: rule.status, statistic_id: null, reason, decided_by: `rule:${rule.name}` });
      break;
    }
  }
  for (const d of decisions) {
    const matching = tokens.filter((t) => t.line === d.line && same(t.text, d.token));
    if (matching.length === 0) throw new RawInputError(d.raw_file, d.raw_line, "token", d.token, `line ${d.line} of the seed prints no such number`);
    const open = matching.filter((t) => t.status === undefined);
    if (open.length === 0) throw new RawInputError(d.raw_file, d.raw_line, "token", d.token, `already accounted for on line ${d.line} (${matching[0]!.decided_by}: ${matching[0]!.status}); remove the decision`);
    for (const t of open) Object.assign(t, { status: d.status, statistic_id: null, reason: d.reason, decided_by: `${d.raw_file}:${d.raw_line}` });
  }
  const offsets = rawOffsets(seed.text);
  return tokens.map((t) => ({ document, line: t.line, column: columnOf(seed.text, offsets[t.index]!), token: t.text, statistic_id: t.statistic_id ?? null, status: t.status, reason: t.reason, decided_by: t.decided_by }));
}

/**
 * The census of one document: every number its seed prints, with its status. Throws on a
 * number nothing accounts for, on a decision that names no undecided number, and on a
 * statistic whose printed number the census cannot find under its quote.
 * @param decisionsFile the raw file named in errors about missing decisions
 */
export function censusOf(seed: Seed, statistics: readonly Statistic[], decisions: readonly CensusDecision[], decisionsFile: string): CensusRow[] {
  const rows = classifyNumbers(seed, statistics, decisions);
  const missing = rows.find((t) => t.status === undefined);
  if (missing) {
    throw new RawInputError(
      decisionsFile,
      1,
      "census",
      `${missing.line}\t${missing.token}`,
      `${seed.source.seed} prints "${missing.token}" on line ${missing.line}, which no statistic holds and no rule or decision dismisses: add it to the ledger, or a decision (line, token, status, reason) to this file`,
    );
  }
  const held = new Set(rows.filter((t) => t.status === "statistic").map((t) => t.statistic_id));
  const unheld = statistics.find((s) => s.document === seed.source.id && !held.has(s.id) && numberTokens(s.printed).length > 0);
  if (unheld) throw new RawInputError(unheld.raw_file, unheld.raw_line, "printed", unheld.printed, `the census finds no printed number of it under its quote on line ${unheld.line} (another statistic holds the same number there)`);
  // Ratings ("High", "Medium to low") and number words the scanner does not read ("third
  // largest", "a doubling", "one month"): the ledger holds them, so they count, on their line.
  // They stand where their printed words do under their quote.
  const source = normalizeSource(seed.text);
  const offsets = rawOffsets(seed.text);
  const taken = new Set<number>();
  const words: CensusRow[] = statistics
    .filter((s) => s.document === seed.source.id && numberTokens(s.printed).length === 0)
    .map((s) => {
      const span = quoteSpan(s.quote, source, s.line);
      const printed = new RegExp(s.printed.split(/\s+/).map((w) => w.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&")).join("[ \\n]"), "i");
      // Two cells that print the same rating on one line ("High Medium Low High", each quoted as
      // "High") take its occurrences in the ledger's order: the next one not taken, on the quote's line.
      const lineEnd = span ? source.text.indexOf("\n", span.end - 1) : -1;
      const found = span ? [...source.text.slice(span.start, lineEnd < 0 ? source.text.length : Math.max(lineEnd, span.end)).matchAll(new RegExp(printed.source, "gi"))].map((m) => span.start + m.index).find((i) => !taken.has(i)) : undefined;
      if (found !== undefined) taken.add(found);
      const index = found ?? span?.start;
      const line = index === undefined ? s.line : source.lines[index]!;
      const column = index === undefined ? 1 : columnOf(seed.text, offsets[index]!);
      return { document: s.document, line, column, token: s.printed, status: "statistic" as const, statistic_id: s.id, reason: `held by the ledger as ${s.id} (a rating or number word)`, decided_by: "ledger" };
    });
  return [...(rows as CensusRow[]), ...words].sort((a, b) => a.line - b.line || a.column - b.column);
}
