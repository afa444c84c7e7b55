import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import fc from "fast-check";
import { readLedger, type Ledger } from "../../../data-loaders/normalize/ledger.ts";
import { findQuote, normalizeSource, quoteSpan, type Location, type NamedSource, type NormalizedSource } from "../../../data-loaders/normalize/quote-match.ts";
import { readSeeds } from "../../../data-loaders/normalize/sources.ts";
import { collapseWhitespace } from "../../../data-loaders/parse/text.ts";
import { RAW_DIR } from "../../../data-loaders/paths.ts";

/*
 * The oracle: findQuote and quoteSpan as they were before the skeleton prefilter and the
 * hand-written matcher, one regular expression per quote scanned with matchAll. The fast
 * ones must give exactly its answers, occurrence for occurrence.
 */
const ORACLE_LETTER = /^\p{L}$/u;

function oraclePattern(quote: string): RegExp {
  const chars = [...collapseWhitespace(quote)];
  let pattern = "";
  chars.forEach((char, i) => {
    const previous = chars[i - 1];
    if (previous !== undefined && ORACLE_LETTER.test(previous) && ORACLE_LETTER.test(char)) pattern += "(?:-\\n)?";
    if (char === " ") pattern += "[ \\n]";
    else if (char === "-") pattern += "-\\n?";
    else pattern += char.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
  });
  return new RegExp(pattern);
}

function oracleFindQuote(quote: string, sources: readonly NamedSource[], near = 1): Location | null {
  const pattern = new RegExp(oraclePattern(quote), "g");
  let best: Location | null = null;
  for (const { name, source } of sources) {
    for (const match of source.text.matchAll(pattern)) {
      const line = source.lines[match.index]!;
      if (best === null || Math.abs(line - near) < Math.abs(best.line - near)) best = { name, line };
    }
  }
  return best;
}

function oracleQuoteSpan(quote: string, source: NormalizedSource, near = 1): { start: number; end: number; line: number } | null {
  const pattern = new RegExp(oraclePattern(quote), "g");
  let best: { start: number; end: number; line: number } | null = null;
  for (const match of source.text.matchAll(pattern)) {
    const line = source.lines[match.index]!;
    if (best === null || Math.abs(line - near) < Math.abs(best.line - near)) best = { start: match.index, end: match.index + match[0].length, line };
  }
  return best;
}

/** A source over `text` as it stands (not normalized: doubled spaces and blank lines stay), each character on its line. */
function asSource(text: string): NormalizedSource {
  const lines: number[] = [];
  let line = 1;
  for (const char of text.split("")) {
    lines.push(line);
    if (char === "\n") line++;
  }
  return { text, lines };
}

/**
 * Texts from a small alphabet in which quotes keep matching: letters (ASCII, accented, and one
 * beyond the BMP, two code units), digits, spaces, line breaks, hyphens, line-end hyphens.
 */
const PIECES = ["a", "b", "ab", "A", "A-\nb", "é", "𝑎", "1", "2", ".", " ", "  ", "\n", "-", "-\n", "a-\nb", "é-\n𝑎", "b-\né", "1-\na", "a-b"];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((pieces) => pieces.join(""));
/** A quote as a reviewer might type it: random pieces, tabs and doubled spaces included (collapsed by the match). */
const typedQuote = fc.array(fc.constantFrom(...PIECES, "\t", " - "), { minLength: 0, maxLength: 6 }).map((pieces) => pieces.join(""));

/** How a quote is drawn from a text: as it stands, with line-end hyphens joined (or dropped), or with line breaks as spaces. */
const EDITS = [
  (q: string) => q,
  (q: string) => q.replaceAll("-\n", ""),
  (q: string) => q.replaceAll("-", ""),
  (q: string) => q.replaceAll("-\n", "").replaceAll("\n", " "),
  (q: string) => q.replaceAll("\n", " "),
];

/** A quote drawn from `texts`, so that it occurs (often more than once, overlapping itself), or typed. */
const quoteFrom = (texts: readonly string[]) =>
  fc.oneof(
    typedQuote,
    fc.record({ which: fc.nat(), from: fc.nat(), length: fc.integer({ min: 1, max: 12 }), edit: fc.nat({ max: EDITS.length - 1 }) }).map(({ which, from, length, edit }) => {
      const source = texts[which % texts.length]!;
      const start = source.length === 0 ? 0 : from % source.length;
      return EDITS[edit]!(source.slice(start, start + length));
    }),
  );

describe("findQuote and quoteSpan give the regular expression's answers", () => {
  it("on generated texts and quotes, for any line `near`", () => {
    const cases = fc.array(text, { minLength: 1, maxLength: 3 }).chain((texts) => fc.tuple(fc.constant(texts), quoteFrom(texts), fc.integer({ min: 0, max: 12 })));
    let found = 0;
    fc.assert(
      fc.property(cases, ([texts, quote, near]) => {
        const sources = texts.map((t, i): NamedSource => ({ name: `s${i}`, source: asSource(t) }));
        const expected = oracleFindQuote(quote, sources, near);
        if (expected !== null) found++;
        assert.deepEqual(findQuote(quote, sources, near), expected);
        for (const { source } of sources) assert.deepEqual(quoteSpan(quote, source, near), oracleQuoteSpan(quote, source, near));
        // The same texts normalized, as the ledger reads a seed.
        const normalized = texts.map((t, i): NamedSource => ({ name: `s${i}`, source: normalizeSource(t) }));
        assert.deepEqual(findQuote(quote, normalized, near), oracleFindQuote(quote, normalized, near));
      }),
      { numRuns: 2000 },
    );
    // Most generated quotes must actually occur, or the property says little.
    assert.ok(found > 1000, `only ${found} of 2000 quotes occur`);
  });

  it("on words broken at a line end between letters beyond ASCII, and hyphens without a line break", () => {
    const source = asSource("xé-\n𝑎 1-\na b-\né a-b ab a- b a--b");
    for (const quote of ["é𝑎", "x é𝑎", "1a", "1-a", "bé", "b-é", "ab", "a-b", "a b", "a- b", "a--b"]) {
      for (const near of [1, 2, 3, 4]) {
        assert.deepEqual(quoteSpan(quote, source, near), oracleQuoteSpan(quote, source, near), `${JSON.stringify(quote)} near ${near}`);
      }
    }
  });

  it("on overlapping and repeated occurrences, the first left to right wins a tie, as matchAll reads them", () => {
    const source = asSource("aaa\naa-\na\naaaa");
    for (const quote of ["aa", "a a", "aa-", "a-a", "-", " ", "a ", " a", "a- a"]) {
      for (const near of [0, 1, 2, 3, 4, 9]) {
        assert.deepEqual(quoteSpan(quote, source, near), oracleQuoteSpan(quote, source, near), `${JSON.stringify(quote)} near ${near}`);
      }
    }
    // "a\na" on lines 1-2 is the match; the one on lines 2-3 overlaps it, and matchAll never sees it.
    const chain = asSource("a\na\na\na");
    assert.deepEqual(quoteSpan("a a", chain, 2), { start: 0, end: 3, line: 1 });
    assert.deepEqual(quoteSpan("a a", chain, 2), oracleQuoteSpan("a a", chain, 2));
  });

  describe("on the real documents", () => {
    let ledger: Ledger;
    let sources: Map<string, NamedSource>;
    before(async () => {
      ledger = await readLedger(RAW_DIR);
      const seeds = await readSeeds(RAW_DIR);
      sources = new Map(seeds.map((seed) => [seed.source.id, { name: seed.source.seed, source: normalizeSource(seed.text) }]));
    });

    it("for every statistic's quote and every footnote's citation, at its line and from line 1", () => {
      const claims = [...ledger.statistics.map((s) => ({ document: s.document, line: s.line, quote: s.quote })), ...ledger.footnotes.map((f) => ({ document: f.document, line: f.line, quote: f.citation }))];
      assert.ok(claims.length > 100);
      for (const { document, line, quote } of claims) {
        const named = sources.get(document)!;
        for (const near of [line, 1]) {
          const expected = oracleFindQuote(quote, [named], near);
          assert.ok(expected !== null, quote);
          assert.deepEqual(findQuote(quote, [named], near), expected, quote);
          assert.deepEqual(quoteSpan(quote, named.source, near), oracleQuoteSpan(quote, named.source, near), quote);
        }
      }
    });
  });
});
