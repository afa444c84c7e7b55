import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { describe, it } from "node:test";
import { PROJECT_ROOT, RAW_DIR } from "../../../data-loaders/paths.ts";
import { readSeeds } from "../../../data-loaders/normalize/sources.ts";
import {
  findQuote,
  formatMiss,
  nearestPassage,
  normalizeSource,
  verifyQuotes,
  type NamedSource,
  type QuotedStatistic,
} from "../../../data-loaders/audit/verify-quotes.ts";

const CLI = "data-loaders/cli.ts";

/** A source as the CLI makes it from a file's text. */
const named = (name: string, text: string): NamedSource => ({ name, source: normalizeSource(text) });

const statistic = (id: string, quote: string, line = 1): QuotedStatistic => ({ id, quote, line, raw_file: "raw/x.tsv", raw_line: 7 });

/** Runs the CLI from the project root, on the real ledger. */
function runCli(...files: string[]) {
  const tsx = join(PROJECT_ROOT, "node_modules", ".bin", "tsx");
  return spawnSync(tsx, [CLI, "verify-quotes", ...files], { cwd: PROJECT_ROOT, encoding: "utf8" });
}

const SURVEY_LIKE = [
  "Abstract ",
  "",
  "In Agra, 5000 clustered firms exchanged infor-",
  "mation and produced 300,000 pairs  of shoes per day;\t Medium-",
  "sized firms  ",
  "",
  "   dominated exports.",
  "The Medium-sized firms of Sialkot are elsewhere.",
].join("\n");

describe("normalizeSource", () => {
  it("makes each white-space run one character, a line break if it has one, and keeps lines", () => {
    const { text, lines } = normalizeSource("a  b \n\n c-\nd");
    assert.equal(text, "a b\nc-\nd");
    assert.deepEqual(lines, [1, 1, 1, 1, 3, 3, 3, 4]);
  });
});

describe("findQuote", () => {
  const sources = [named("survey.txt", SURVEY_LIKE)];

  it("finds a quote wrapped over lines, hyphenated at a line end, with runs of white space", () => {
    const quote = "5000 clustered firms exchanged information and produced 300,000 pairs of shoes per day; Medium-sized firms dominated exports";
    assert.deepEqual(findQuote(quote, sources), { name: "survey.txt", line: 3 });
  });

  it("keeps a real hyphen that ends a line, and also reads it as a break (the two cannot be told apart)", () => {
    assert.ok(findQuote("per day; Medium-sized firms", sources));
    assert.ok(findQuote("per day; Medium- sized firms", sources));
  });

  it("does not drop a hyphen in the middle of a line, nor join words or add hyphens", () => {
    assert.equal(findQuote("The Mediumsized firms", sources), null);
    assert.equal(findQuote("informa tion", sources), null);
    assert.equal(findQuote("clustered-firms", sources), null);
    assert.equal(findQuote("300,000 pairs of shoes per day: Medium", sources), null);
  });

  it("names the file that matched, and of several occurrences takes the one nearest to the given line", () => {
    const two = [named("a.txt", "one\ntwo\n"), named("b.txt", "x\ny\nz\n63 firms\n")];
    assert.deepEqual(findQuote("63 firms", two), { name: "b.txt", line: 4 });
    const repeated = [named("a.txt", "63\nx\nx\nx\nx\n63\n")];
    assert.deepEqual(findQuote("63", repeated, 5), { name: "a.txt", line: 6 });
    assert.deepEqual(findQuote("63", repeated), { name: "a.txt", line: 1 });
  });

  it("takes regular-expression characters literally", () => {
    const sources = [named("a.txt", "growth of 25% (N=59) in 1992-\n93 [sic] $10.5 a+b\n")];
    assert.ok(findQuote("25% (N=59) in 1992-93 [sic] $10.5 a+b", sources));
    assert.equal(findQuote("(N=5.)", sources), null);
  });
});

describe("nearestPassage", () => {
  it("is the exact passage at distance 0 when the quote is there, across line breaks", () => {
    const passage = nearestPassage("pairs of shoes", normalizeSource(SURVEY_LIKE));
    assert.deepEqual(passage, { line: 4, passage: "pairs of shoes", distance: 0 });
  });

  it("is the passage with the fewest edits otherwise, with its line", () => {
    const passage = nearestPassage("produced 300.000 pairs of shoe per day", normalizeSource(SURVEY_LIKE));
    assert.deepEqual(passage, { line: 4, passage: "produced 300,000 pairs of shoes per day", distance: 2 });
  });

  it("is null for an empty source, or when nothing is within the limit", () => {
    assert.equal(nearestPassage("anything", normalizeSource("")), null);
    assert.equal(nearestPassage("zzzz", normalizeSource("abcd"), 2), null);
  });
});

describe("verifyQuotes", () => {
  const sources = [named("thesis.txt", "x\nSialkot exported\nsurgical instruments worth $125 million in 1996.\n")];

  it("finds a quote, and reports a miss with its id, raw file:line, quote and nearest passage", () => {
    const { found, misses } = verifyQuotes(
      [statistic("ok", "exported surgical instruments worth $125 million"), statistic("typo", "surgical instruments worth $152 million", 3)],
      sources,
    );
    assert.deepEqual(found.map((f) => [f.statistic.id, f.at]), [["ok", { name: "thesis.txt", line: 2 }]]);
    assert.equal(misses.length, 1);
    assert.equal(misses[0]!.nearest!.passage, "surgical instruments worth $125 million");
    const report = formatMiss(misses[0]!);
    assert.match(report, /^MISS typo \(raw\/x\.tsv:7\)$/m);
    assert.match(report, /quote: +"surgical instruments worth \$152 million"/);
    assert.match(report, /nearest: thesis\.txt:3 \(2 edits\): "surgical instruments worth \$125 million"/);
  });
});

describe("the verify-quotes CLI", () => {
  it("verifies every quote of the real ledger against the seeds raw/sources.tsv names when given no file, and exits 0", async () => {
    const seeds = (await readSeeds(RAW_DIR)).map((s) => basename(s.path));
    const run = runCli();
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`^\\d+ quotes verified against 2 files \\(${seeds[0]}: \\d+, ${seeds[1]}: \\d+\\)\\n$`));
  });

  it("verifies against the files given instead", async () => {
    const seeds = (await readSeeds(RAW_DIR)).map((s) => s.path);
    const run = runCli(...seeds);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^\d+ quotes verified against 2 files \(.+\)\n$/);
  });

  it("exits non-zero on a miss, and reports it", async () => {
    const file = join(await mkdtemp(join(tmpdir(), "verify-quotes-")), "empty-of-quotes.txt");
    await writeFile(file, "This text quotes\nnothing of the ledger.\n");
    const run = runCli(file);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /^MISS \S+ \(raw\/\S+\.tsv:\d+\)$/m);
    assert.match(run.stderr, /nearest: .*empty-of-quotes\.txt:\d+/);
    assert.match(run.stderr, /\d+ of \d+ quotes not found in empty-of-quotes\.txt\n$/);
  });

  it("exits 2 with a usage message on an unknown option, or naming a file it cannot read", () => {
    const none = runCli("--all");
    assert.equal(none.status, 2);
    assert.match(none.stderr, /'--all'.*\nusage: npm run verify-quotes \[-- FILE\.\.\.\]/);
    const missing = runCli("no/such/file.txt");
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read source file no\/such\/file\.txt \(ENOENT\)/);
  });
});
