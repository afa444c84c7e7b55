/**
 * Finding a quote in a document's text, shared by the ledger (normalize/provenance.ts, which
 * every run goes through) and the quote audit (audit/verify-quotes.ts). It forgives only what
 * the PDF-to-text extraction does to a passage: line wraps, words hyphenated at a line end,
 * and runs of white space. Everything else (a typo, a straight for a curly apostrophe, a
 * dropped word) is a miss, for which the nearest passage of the sources is found.
 */
import { collapseWhitespace } from "../parse/text.ts";

/** A source text with each run of white space reduced to one character. */
export interface NormalizedSource {
  /** The text, each white-space run one character: "\n" if the run breaks a line, else " ". */
  text: string;
  /** lines[i] is the 1-based line of the original text on which text[i] stands. */
  lines: readonly number[];
}

/** A source text under the name (the file path) that reports give it. */
export interface NamedSource {
  name: string;
  source: NormalizedSource;
}

/** Where a quote, or the passage nearest to it, stands in a source. */
export interface Location {
  /** The name of the source. */
  name: string;
  /** The 1-based line of the original text on which the passage starts. */
  line: number;
}

/** The passage of a source closest to a quote, with its edit distance to the quote. */
export interface Passage extends Location {
  /** The passage, its white space collapsed to single spaces. */
  passage: string;
  /** Characters inserted, deleted or substituted to turn the passage into the quote. */
  distance: number;
}

/**
 * Collapses each run of white space of `text` (spaces, tabs, line breaks, blank lines) to one
 * character: a line break if the run contains one, so that hyphenation at a line end stays
 * recognizable, else a space. Keeps, for each character, its line in `text`.
 */
export function normalizeSource(text: string): NormalizedSource {
  // One pass over the characters, not a regular expression per run: every run reads the seeds.
  const parts: string[] = [];
  const lines: number[] = new Array<number>(text.length);
  let length = 0;
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const runStart = i;
    if (isSpace(text.charCodeAt(i))) {
      let breaks = 0;
      for (; i < text.length && isSpace(text.charCodeAt(i)); i++) if (text.charCodeAt(i) === 10) breaks++;
      parts.push(breaks > 0 ? "\n" : " ");
      lines[length++] = line;
      line += breaks;
    } else {
      while (i < text.length && !isSpace(text.charCodeAt(i))) i++;
      parts.push(text.slice(runStart, i));
      for (let k = runStart; k < i; k++) lines[length++] = line;
    }
  }
  lines.length = length;
  return { text: parts.join(""), lines };
}

/** Whether a UTF-16 code unit is white space as JavaScript's `\s` defines it. */
function isSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

const LETTER = /^\p{L}$/u;
/** A hyphen that ends a line, with the line break after it (in a normalized source). */
const LINE_END_HYPHEN = "(?:-\\n)?";

/**
 * The regular expression that finds `quote` in a normalized source: a space of the quote
 * matches a space or a line break; a hyphen of the quote matches a hyphen, also one that
 * ends a line (`Medium-\nsized`); and between two letters the source may break the word
 * with a hyphen at a line end (`infor-\nmation`).
 */
function quotePattern(quote: string): RegExp {
  const chars = [...collapseWhitespace(quote)];
  let pattern = "";
  chars.forEach((char, i) => {
    const previous = chars[i - 1];
    if (previous !== undefined && LETTER.test(previous) && LETTER.test(char)) pattern += LINE_END_HYPHEN;
    if (char === " ") pattern += "[ \\n]";
    else if (char === "-") pattern += "-\\n?";
    else pattern += char.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
  });
  return new RegExp(pattern);
}

/**
 * Where `quote` occurs in `sources`, or null if nowhere. A short quote (a table cell such as
 * `63`) may occur many times: the occurrence nearest to line `near` (the line the ledger
 * gives) wins, then the earliest, in the order the sources are given.
 */
export function findQuote(quote: string, sources: readonly NamedSource[], near = 1): Location | null {
  const pattern = new RegExp(quotePattern(quote), "g");
  let best: Location | null = null;
  for (const { name, source } of sources) {
    for (const match of source.text.matchAll(pattern)) {
      const line = source.lines[match.index]!;
      if (best === null || Math.abs(line - near) < Math.abs(best.line - near)) best = { name, line };
    }
  }
  return best;
}

/**
 * Where `quote` stands in `source`, as a span of its normalized text: the occurrence that
 * starts nearest to line `near` (then the earliest), or null. The census (census.ts) and the
 * number pages use it to find which printed tokens a quote covers.
 */
export function quoteSpan(quote: string, source: NormalizedSource, near = 1): { start: number; end: number; line: number } | null {
  const pattern = new RegExp(quotePattern(quote), "g");
  let best: { start: number; end: number; line: number } | null = null;
  for (const match of source.text.matchAll(pattern)) {
    const line = source.lines[match.index]!;
    if (best === null || Math.abs(line - near) < Math.abs(best.line - near)) best = { start: match.index, end: match.index + match[0].length, line };
  }
  return best;
}

/**
 * The passage of `source` with the smallest edit distance to `quote`, line breaks counting as
 * spaces. It is approximate substring matching (Sellers): a dynamic program over quote × source
 * in which a passage may start and end anywhere, computed one source character (column) at a
 * time, with Ukkonen's cut-off: rows whose cost already exceeds the best distance found are
 * skipped, since costs never fall along a path. Only passages within `maxDistance` edits
 * count; null if there is none (or the source is empty).
 */
export function nearestPassage(quote: string, source: NormalizedSource, maxDistance = Infinity): Omit<Passage, "name"> | null {
  const needle = collapseWhitespace(quote);
  const haystack = source.text.replaceAll("\n", " ");
  const m = needle.length;
  // cost[i]: the edit distance of needle[0, i) to the best passage that ends at the current
  // column; start[i]: where that passage starts. Rows below `last` cost more than `limit`.
  const cost = Int32Array.from({ length: m + 1 }, (_, i) => i);
  const start = new Int32Array(m + 1);
  let limit = Math.min(maxDistance, m);
  if (limit < 0) return null;
  let last = limit;
  let best: { distance: number; from: number; to: number } | null = null;
  for (let j = 0; j < haystack.length; j++) {
    const char = haystack.charCodeAt(j);
    let diagonalCost = 0;
    let diagonalStart = start[0]!;
    start[0] = j + 1;
    const bottom = Math.min(m, last + 1);
    for (let i = 1; i <= bottom; i++) {
      const leftCost = i <= last ? cost[i]! : limit + 1;
      const leftStart = start[i]!;
      // The three moves: the characters match (or one is substituted), the passage lacks the
      // quote's character, or the passage has one more character.
      let c = diagonalCost + (needle.charCodeAt(i - 1) === char ? 0 : 1);
      let s = diagonalStart;
      if (cost[i - 1]! + 1 < c) {
        c = cost[i - 1]! + 1;
        s = start[i - 1]!;
      }
      if (leftCost + 1 < c) {
        c = leftCost + 1;
        s = leftStart;
      }
      cost[i] = c;
      start[i] = s;
      diagonalCost = leftCost;
      diagonalStart = leftStart;
    }
    last = bottom;
    if (last === m && cost[m]! <= limit) {
      best = { distance: cost[m]!, from: start[m]!, to: j + 1 };
      limit = best.distance - 1;
    }
    while (last > 0 && cost[last]! > limit) last--;
  }
  if (best === null) return null;
  let from = best.from;
  while (from < best.to - 1 && haystack[from] === " ") from++;
  return { line: source.lines[Math.min(from, haystack.length - 1)]!, passage: haystack.slice(from, best.to).trim(), distance: best.distance };
}

/** The part of `source` on lines `first` to `last`. */
function linesOf(source: NormalizedSource, first: number, last: number): NormalizedSource {
  const from = source.lines.findIndex((line) => line >= first);
  const to = source.lines.findIndex((line) => line > last);
  if (from < 0) return { text: "", lines: [] };
  const end = to < 0 ? source.lines.length : to;
  return { text: source.text.slice(from, end), lines: source.lines.slice(from, end) };
}

/**
 * The passage of all `sources` nearest to `quote`: the first of the smallest distance. The
 * passage on the lines from `near` (the line the ledger gives) is a first guess whose distance
 * bounds the full search, which then skips most of its work.
 */
export function nearestInSources(quote: string, sources: readonly NamedSource[], near?: number): Passage | null {
  let bound = Infinity;
  if (near !== undefined) {
    for (const { source } of sources) {
      const guess = nearestPassage(quote, linesOf(source, near - 1, near + 5));
      if (guess) bound = Math.min(bound, guess.distance);
    }
  }
  let best: Passage | null = null;
  for (const { name, source } of sources) {
    const passage = nearestPassage(quote, source, best === null ? bound : best.distance - 1);
    if (passage) best = { name, ...passage };
  }
  return best;
}
