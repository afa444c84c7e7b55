import { RawInputError } from "../errors.ts";
import { findQuote, nearestInSources, normalizeSource, type NormalizedSource } from "./quote-match.ts";
import { collapseWhitespace } from "../parse/text.ts";
import type { Seed } from "./sources.ts";
import type { Footnote } from "./footnotes.ts";
import type { TextCitation } from "./citations.ts";
import type { DocumentId, Statistic } from "./statistic.ts";
import type { PrintedTable } from "./table.ts";

/**
 * Provenance, checked by every run (raw/README.md, "What every run checks"): each statistic's
 * line is a line of its document's seed, and its quote stands in the seed starting on that
 * line, forgiving only what the text extraction does (quote-match.ts). A quote the document
 * does not print, or one recorded on the wrong line, stops the run, naming the raw row, the
 * field, the value and the nearest passage or line found.
 */

/** How many lines a quote may start from its recorded line. Every quote of raw/ starts on its line exactly. */
export const LINE_TOLERANCE = 0;

/** For each line L (1-based), the index in `source.text` of its first character, or of the next line's. */
function lineStarts(source: NormalizedSource, lines: number): number[] {
  const starts = new Array<number>(lines + 2).fill(source.text.length);
  for (let i = source.lines.length - 1; i >= 0; i--) starts[source.lines[i]!] = i;
  for (let l = lines; l >= 1; l--) starts[l] = Math.min(starts[l]!, starts[l + 1]!);
  return starts;
}

/**
 * The part of `source` where a quote starting within LINE_TOLERANCE lines of `line` can stand:
 * from the first character of its first allowed line to the end of its last, plus room for the
 * quote itself (twice its length: a line-end hyphen adds two characters).
 */
function window(source: NormalizedSource, starts: readonly number[], line: number, quoteLength: number): NormalizedSource {
  const from = starts[Math.max(1, line - LINE_TOLERANCE)]!;
  const to = Math.min(source.text.length, starts[Math.min(starts.length - 1, line + LINE_TOLERANCE + 1)]! + 2 * quoteLength + 2);
  return { text: source.text.slice(from, to), lines: source.lines.slice(from, to) };
}

/** A passage of raw/ that claims to stand in a seed at a line: a statistic's quote, a footnote's citation, a reviewer's quoted passage, a glossary term's quote. */
export interface Claim {
  document: DocumentId;
  line: number;
  passage: string;
  raw_file: string;
  raw_line: number;
  /** The raw field that holds the passage. */
  field: string;
}

/** Checks every statistic's quote, and every footnote's citation, against its document's seed at its line. */
export function checkProvenance(statistics: readonly Statistic[], seeds: readonly Seed[], footnotes: readonly Footnote[] = [], citations: readonly TextCitation[] = []): void {
  checkClaims(
    [
      ...statistics.map((s): Claim => ({ document: s.document, line: s.line, passage: s.quote, raw_file: s.raw_file, raw_line: s.raw_line, field: "quote" })),
      ...footnotes.map((f): Claim => ({ document: f.document, line: f.line, passage: f.citation, raw_file: f.raw_file, raw_line: f.raw_line, field: "citation" })),
      ...citations.map((c): Claim => ({ document: c.document, line: c.line, passage: c.citation, raw_file: c.raw_file, raw_line: c.raw_line, field: "citation" })),
    ],
    seeds,
  );
}

/** Checks that each passage stands in its document's seed, starting on its line (the audit's quoted passages and the glossary use it too). */
export function checkClaims(claims: readonly Claim[], seeds: readonly Seed[]): void {
  const sources = new Map(
    seeds.map((seed) => {
      const source = normalizeSource(seed.text);
      return [seed.source.id, { name: seed.source.seed, source, seed, starts: lineStarts(source, seed.lines) }] as const;
    }),
  );
  for (const s of claims) {
    const { name, source, seed, starts } = sources.get(s.document)!;
    const fail = (field: string, value: string, reason: string): never => {
      throw new RawInputError(s.raw_file, s.raw_line, field, value, reason);
    };
    if (s.line > seed.lines) fail("line", String(s.line), `past the end of ${name}, which has ${seed.lines} lines`);
    const near = window(source, starts, s.line, s.passage.length);
    const here = findQuote(s.passage, [{ name, source: near }], s.line);
    // A match in the window's tail starts after the last line allowed: it is found again below.
    if (here && Math.abs(here.line - s.line) <= LINE_TOLERANCE) continue;
    const anywhere = findQuote(s.passage, [{ name, source }], s.line);
    if (anywhere) {
      const off = LINE_TOLERANCE === 0 ? "not on" : `more than ${LINE_TOLERANCE} lines from`;
      fail("line", String(s.line), `the ${s.field} starts on line ${anywhere.line} of ${name}, ${off} line ${s.line}`);
    }
    const nearest = nearestInSources(s.passage, [{ name, source }], s.line);
    const where = nearest ? `; nearest passage, ${nearest.distance} edit${nearest.distance === 1 ? "" : "s"} away, on line ${nearest.line}: ${JSON.stringify(nearest.passage)}` : "";
    fail(s.field, s.passage, `not in ${name}${where}`);
  }
}

/**
 * A table's `# lines: first-last` (raw/README.md, "Table files"): a forward range of lines the
 * seed has. `text` is the table file's text, to name the line of the comment.
 */
export function checkTableLines(table: PrintedTable, text: string, seed: Seed): void {
  const line = text.split("\n").findIndex((l) => /^#\s*lines:/i.test(l)) + 1;
  const fail = (reason: string): never => {
    throw new RawInputError(table.raw_file, line, "# lines", table.lines, reason);
  };
  const range = /^([1-9]\d*)-([1-9]\d*)$/.exec(table.lines) ?? fail("expected first-last, two whole line numbers from 1");
  const [first, last] = [Number(range[1]), Number(range[2])];
  if (first > last) fail("the range runs backwards");
  if (last > seed.lines) fail(`past the end of ${seed.source.seed}, which has ${seed.lines} lines`);
}

/**
 * The stub header's levels and the row groups a table file declares (`# stub`, `# row-group`)
 * must each stand, as printed, within the table's lines of the seed (line wraps as spaces), so
 * a label the table does not print is never published as if it did.
 */
export function checkTableLabels(table: PrintedTable, text: string, seed: Seed): void {
  const [first, last] = table.lines.split("-").map(Number) as [number, number];
  const printed = collapseWhitespace(seed.text.split("\n").slice(first - 1, last).join(" "));
  const lineOf = (key: string) => text.split("\n").findIndex((l) => new RegExp(`^#\\s*${key}:`, "i").test(l)) + 1;
  const labels: [string, string][] = [
    ...(table.stub === "" ? [] : table.stub.split(" / ").map((level) => ["stub", level] as [string, string])),
    ...table.row_groups.map((group) => ["row-group", group] as [string, string]),
  ];
  for (const [key, label] of labels) {
    if (!printed.includes(label)) throw new RawInputError(table.raw_file, lineOf(key), `# ${key}`, label, `not printed on lines ${table.lines} of ${seed.source.seed}`);
  }
}
