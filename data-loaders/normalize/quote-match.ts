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
  readonly text: string;
  /** lines[i] is the 1-based line of the original text on which text[i] stands. */
  readonly lines: readonly number[];
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
  const kept = normalized.get(text);
  if (kept !== undefined) return kept;
  const made = normalizeText(text);
  if (normalized.size >= NORMALIZED_KEPT) normalized.delete(normalized.keys().next().value!);
  normalized.set(text, made);
  return made;
}

/**
 * The sources last normalized, by their text, shared (they are read-only): a run reads the
 * same two seeds in each of its checks (provenance, footnotes, the glossary, the conclusions,
 * the census), and a shared source also shares its skeleton (`sourceSkeleton`). A few only.
 */
const normalized = new Map<string, NormalizedSource>();
const NORMALIZED_KEPT = 4;

function normalizeText(text: string): NormalizedSource {
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

/** Whether a code point (one of `[...string]`) is a letter; ASCII without a regular expression, most characters are. */
function isLetter(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return LETTER.test(char);
}

/**
 * The regular expression that finds `quote` in a normalized source: a space of the quote
 * matches a space or a line break; a hyphen of the quote matches a hyphen, also one that
 * ends a line (`Medium-\nsized`); and between two letters the source may break the word
 * with a hyphen at a line end (`infor-\nmation`). It defines what a match is; `compileQuote`
 * reads the same steps into a matcher that runs without compiling a regular expression.
 */
function quotePattern(quote: string): RegExp {
  const chars = [...collapseWhitespace(quote)];
  let pattern = "";
  chars.forEach((char, i) => {
    const previous = chars[i - 1];
    if (previous !== undefined && isLetter(previous) && isLetter(char)) pattern += LINE_END_HYPHEN;
    if (char === " ") pattern += "[ \\n]";
    else if (char === "-") pattern += "-\\n?";
    else pattern += char.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
  });
  return new RegExp(pattern);
}

/*
 * Why not just the regular expression: the ledger checks thousands of quotes, each against its
 * document, and compiling one expression per quote, then scanning with it, was most of the
 * time a run spent reading the ledger. The matcher below gives the same matches, faster:
 *
 * - A match, with its spaces, line breaks and hyphens removed, is the quote with its spaces and
 *   hyphens removed (every other character of the quote matches itself). So the quote's
 *   "skeleton" must stand in the text's skeleton, which `indexOf` finds quickly; only there is
 *   the quote tried, character by character.
 * - The pattern's steps are read once per quote (and kept), then tried at a position the way
 *   the regular expression's engine would: an optional part is first taken, and skipped only
 *   if the rest of the quote then fails, so each match ends where the expression's would.
 */

/** The steps of a quote's pattern (the codes of `CompiledQuote.steps`); plain numbers, not an enum, which Node's type stripping refuses. */
const Step = {
  /** The code unit itself. */
  Char: 0,
  /** A space or a line break (`[ \n]`). */
  Space: 1,
  /** A hyphen, then maybe a line break (`-\n?`). */
  Hyphen: 2,
  /** Maybe a hyphen and a line break (`(?:-\n)?`), between two letters. */
  LineEndHyphen: 3,
} as const;
type Step = (typeof Step)[keyof typeof Step];

/** A quote read into the steps of its pattern, and its skeleton. */
interface CompiledQuote {
  /** The quote without spaces and hyphens: what a match's skeleton must be. */
  skeleton: string;
  /** The steps, each a `Step`. */
  steps: Uint8Array;
  /** For a `Step.Char`, its UTF-16 code unit. */
  units: Uint16Array;
}

/** The same steps as `quotePattern`, for `matchAt`; null for a quote with no skeleton (only spaces and hyphens, or nothing), left to the regular expression. */
function compileQuote(quote: string): CompiledQuote | null {
  const chars = [...collapseWhitespace(quote)];
  const steps: Step[] = [];
  const units: number[] = [];
  const add = (step: Step, unit = 0) => {
    steps.push(step);
    units.push(unit);
  };
  chars.forEach((char, i) => {
    const previous = chars[i - 1];
    if (previous !== undefined && isLetter(previous) && isLetter(char)) add(Step.LineEndHyphen);
    if (char === " ") add(Step.Space);
    else if (char === "-") add(Step.Hyphen);
    // A character beyond the BMP is two code units, as the expression (without the u flag) reads it.
    else for (let k = 0; k < char.length; k++) add(Step.Char, char.charCodeAt(k));
  });
  const skeleton = chars.filter((char) => char !== " " && char !== "-").join("");
  return skeleton === "" ? null : { skeleton, steps: Uint8Array.from(steps), units: Uint16Array.from(units) };
}

const SPACE = 32;
const LINE_BREAK = 10;
const HYPHEN = 45;

/**
 * Where the match of `quote` that starts at `at` in `text` ends, or -1 if none starts there:
 * the end the regular expression's match would have. Its engine backtracks: an optional part
 * is taken first, and skipped only if the rest then fails; so does this, from step `step`.
 */
function matchAt(quote: CompiledQuote, text: string, at: number, step = 0): number {
  const { steps, units } = quote;
  let i = at;
  for (let s = step; s < steps.length; s++) {
    const code = text.charCodeAt(i); // NaN past the end: no step matches it
    switch (steps[s]) {
      case Step.Char:
        if (code !== units[s]) return -1;
        i++;
        break;
      case Step.Space:
        if (code !== SPACE && code !== LINE_BREAK) return -1;
        i++;
        break;
      case Step.Hyphen:
        if (code !== HYPHEN) return -1;
        i++;
        if (text.charCodeAt(i) === LINE_BREAK) {
          const end = matchAt(quote, text, i + 1, s + 1);
          if (end >= 0) return end;
        }
        break;
      case Step.LineEndHyphen:
        if (code === HYPHEN && text.charCodeAt(i + 1) === LINE_BREAK) {
          const end = matchAt(quote, text, i + 2, s + 1);
          if (end >= 0) return end;
        }
        break;
    }
  }
  return i;
}

/** A text without its spaces, line breaks and hyphens, and where each of its characters stands in the text. */
interface Skeleton {
  text: string;
  skeleton: string;
  positions: Int32Array;
}

const IN_SKELETON = /[ \n-]+/g;

function skeletonOf(text: string): Skeleton {
  const skeleton = text.replace(IN_SKELETON, "");
  const positions = new Int32Array(skeleton.length);
  let k = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== SPACE && code !== LINE_BREAK && code !== HYPHEN) positions[k++] = i;
  }
  return { text, skeleton, positions };
}

/** Kept per source (a document's is searched for every quote), and redone if its text changes. */
const skeletons = new WeakMap<NormalizedSource, Skeleton>();

function sourceSkeleton(source: NormalizedSource): Skeleton {
  const kept = skeletons.get(source);
  if (kept !== undefined && kept.text === source.text) return kept;
  const made = skeletonOf(source.text);
  skeletons.set(source, made);
  return made;
}

/** Compiled quotes, kept: the ledger, the census and the number pages look up the same quotes. Emptied when large, so a long process does not grow. */
const compiled = new Map<string, CompiledQuote | null>();

function compiledQuote(quote: string): CompiledQuote | null {
  let kept = compiled.get(quote);
  if (kept === undefined) {
    if (compiled.size >= 20_000) compiled.clear();
    kept = compileQuote(quote);
    compiled.set(quote, kept);
  }
  return kept;
}

/** A match: `text.slice(start, end)`. */
interface Span {
  start: number;
  end: number;
}

/**
 * The matches of `quote` in `source`, left to right, none overlapping the one before: those of
 * `source.text.matchAll` with the quote's pattern. A match that starts at position p has, as
 * the first character of its skeleton, the first skeleton character at or after p; so each
 * place k where the quote's skeleton stands in the text's skeleton gives the starts to try,
 * those after the skeleton character k - 1 up to the one k. The first of them that matches is
 * the match (none is earlier), and the search goes on from its end.
 */
function* matches(quote: string, source: NormalizedSource): Generator<Span> {
  const steps = compiledQuote(quote);
  if (steps === null) {
    for (const match of source.text.matchAll(new RegExp(quotePattern(quote), "g"))) yield { start: match.index, end: match.index + match[0].length };
    return;
  }
  const { skeleton, positions } = sourceSkeleton(source);
  let from = 0;
  for (let k = skeleton.indexOf(steps.skeleton); k >= 0; k = skeleton.indexOf(steps.skeleton, k + 1)) {
    const last = positions[k]!;
    for (let at = Math.max(from, k === 0 ? 0 : positions[k - 1]! + 1); at <= last; at++) {
      const end = matchAt(steps, source.text, at);
      if (end >= 0) {
        yield { start: at, end };
        from = end;
        break;
      }
    }
  }
}

/**
 * Where `quote` occurs in `sources`, or null if nowhere. A short quote (a table cell such as
 * `63`) may occur many times: the occurrence nearest to line `near` (the line the ledger
 * gives) wins, then the earliest, in the order the sources are given.
 */
export function findQuote(quote: string, sources: readonly NamedSource[], near = 1): Location | null {
  let best: Location | null = null;
  for (const { name, source } of sources) {
    for (const { start } of matches(quote, source)) {
      const line = source.lines[start]!;
      if (best === null || Math.abs(line - near) < Math.abs(best.line - near)) best = { name, line };
      // On line `near` itself: no later occurrence can be nearer.
      if (best.line === near) return best;
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
  let best: { start: number; end: number; line: number } | null = null;
  for (const { start, end } of matches(quote, source)) {
    const line = source.lines[start]!;
    if (best === null || Math.abs(line - near) < Math.abs(best.line - near)) best = { start, end, line };
    if (best.line === near) return best;
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
