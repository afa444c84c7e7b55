import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { RawInputError } from "../../../data-loaders/errors.ts";
import { readLedger } from "../../../data-loaders/normalize/ledger.ts";
import { parseSources, readSeeds, SOURCES_HEADER } from "../../../data-loaders/normalize/sources.ts";
import { RAW_DIR } from "../../../data-loaders/paths.ts";
import { FIXTURE_RAW, rawCopy } from "../fixture.ts";

const FILE = "raw/sources.tsv";
const HASH = "a".repeat(64);
type Fields = Partial<Record<(typeof SOURCES_HEADER)[number], string>>;
const DEFAULTS: Fields = { id: "survey", title: "A Title", title_line: "1", seed: "seeds/survey.txt", sha256: HASH, latest_year: "2001", latest_year_line: "1" };
const row = (fields: Fields) => SOURCES_HEADER.map((name) => ({ ...DEFAULTS, ...fields })[name] ?? "").join("\t");
const thesis = row({ id: "thesis", seed: "seeds/thesis.txt" });
const text = (...rows: string[]) => [SOURCES_HEADER.join("\t"), ...rows].join("\n");

/** The RawInputError that parsing `rows` raises. */
function errorOf(...rows: string[]): RawInputError {
  try {
    parseSources(text(...rows), FILE);
  } catch (error) {
    assert.ok(error instanceof RawInputError, `expected a RawInputError, got ${error}`);
    return error;
  }
  assert.fail("no error");
}

describe("parseSources", () => {
  it("reads one row per document, in the documents' order, an empty field as null", () => {
    const sources = parseSources(text(thesis, row({ authors: "A. Author", year: "2001", institution: "A University" })), FILE);
    assert.deepEqual(
      sources.map((s) => [s.id, s.title, s.title_line, s.seed, s.sha256, s.authors, s.year, s.institution, s.note, s.raw_line]),
      [
        ["survey", "A Title", 1, "seeds/survey.txt", HASH, "A. Author", 2001, "A University", null, 3],
        ["thesis", "A Title", 1, "seeds/thesis.txt", HASH, null, null, null, null, 2],
      ],
    );
  });

  const cases: [string, string[], number, string, string, RegExp][] = [
    ["an unknown document", [row({ id: "report" }), thesis], 2, "id", "report", /expected one of survey, thesis/],
    ["a document twice", [row({}), thesis, row({ seed: "seeds/other.txt" })], 4, "id", "survey", /duplicate of line 2/],
    ["a document missing", [row({})], 2, "id", "thesis", /no row for this document/],
    ["an empty title", [row({ title: "" }), thesis], 2, "title", "", /is empty/],
    ["a title with a double space", [row({ title: "A  Title" }), thesis], 2, "title", "A  Title", /single spaces/],
    ["a title line that is no line number", [row({ title_line: "0" }), thesis], 2, "title_line", "0", /whole line number/],
    ["an absolute seed path", [row({ seed: "/tmp/survey.txt" }), thesis], 2, "seed", "/tmp/survey.txt", /relative to the project folder/],
    ["two documents with one seed", [row({}), row({ id: "thesis" })], 3, "seed", "seeds/survey.txt", /same seed as line 2/],
    ["a short sha256", [row({ sha256: "abc123" }), thesis], 2, "sha256", "abc123", /64 lower-case hex digits/],
    ["an upper-case sha256", [row({ sha256: "A".repeat(64) }), thesis], 2, "sha256", "A".repeat(64), /64 lower-case hex digits/],
    ["a year that is no year", [row({ year: "c. 2001" }), thesis], 2, "year", "c. 2001", /four-digit year/],
    ["a latest year that is no year", [row({ latest_year: "2l08" }), thesis], 2, "latest_year", "2l08", /latest four-digit year/],
    ["no latest year", [row({ latest_year: "" }), thesis], 2, "latest_year", "", /latest four-digit year/],
    ["a latest year's line 0", [row({ latest_year_line: "0" }), thesis], 2, "latest_year_line", "0", /whole line number/],
  ];
  for (const [what, rows, line, field, value, reason] of cases) {
    it(`refuses ${what}, naming the line, field and value`, () => {
      const e = errorOf(...rows);
      assert.deepEqual([e.file, e.line, e.field, e.value], [FILE, line, field, value]);
      assert.match(e.message, reason);
    });
  }

  it("refuses a header other than the contract's", () => {
    assert.throws(() => parseSources("id\ttitle\tseed\n", FILE), (e: unknown) => e instanceof RawInputError && e.field === "header");
  });
});

describe("readSeeds", () => {
  it("reads the fixture's seeds, each matching its recorded hash", async () => {
    const seeds = await readSeeds(FIXTURE_RAW);
    assert.deepEqual(
      seeds.map((s) => [s.source.id, s.source.title, s.lines]),
      [
        ["survey", "A Fixture Survey of Clusters", 14],
        ["thesis", "A Fixture Thesis on Clusters", 3],
      ],
    );
    for (const seed of seeds) assert.equal(createHash("sha256").update(seed.text).digest("hex"), seed.source.sha256);
  });

  it("reads the real seeds, which print the titles raw/sources.tsv records on the lines it gives", async () => {
    const seeds = await readSeeds(RAW_DIR);
    assert.deepEqual(
      seeds.map((s) => s.source.id),
      ["survey", "thesis"],
    );
    for (const seed of seeds) assert.ok(seed.text.split("\n")[seed.source.title_line - 1]!.includes(seed.source.title));
  });

  it("stops on a seed that differs from its recorded hash, with both hashes, in one line", async () => {
    const raw = await rawCopy();
    const seed = join(raw, "..", "seeds", "survey.txt");
    const changed = (await readFile(seed, "utf8")).replace("exported", "exports");
    await writeFile(seed, changed);
    const actual = createHash("sha256").update(changed).digest("hex");
    const recorded = (await readSeeds(FIXTURE_RAW))[0]!.source.sha256;
    await assert.rejects(readSeeds(raw), (e: unknown) => {
      assert.ok(e instanceof RawInputError);
      assert.equal(e.message, `raw/sources.tsv:3: invalid sha256: "${recorded}" (seeds/survey.txt has ${actual}; a changed source must be recorded here deliberately)`);
      return true;
    });
  });

  it("stops on a seed that is missing", async () => {
    const raw = await rawCopy();
    await rm(join(raw, "..", "seeds", "thesis.txt"));
    await assert.rejects(readSeeds(raw), (e: unknown) => e instanceof RawInputError && e.line === 4 && e.field === "seed" && /"seeds\/thesis\.txt" \(cannot read it \(ENOENT\)\)/.test(e.message));
  });

  it("stops on a title the seed does not print on the line given, or a line past its end", async () => {
    const retitled = await rawCopy({ file: "sources.tsv", change: (t) => t.replace("A Fixture Survey of Clusters", "A Fixture Survey").replace("Survey\t1\t", "Survey\t3\t") });
    await assert.rejects(readSeeds(retitled), (e: unknown) => e instanceof RawInputError && e.line === 3 && e.field === "title" && /not printed on line 3 of seeds\/survey\.txt/.test(e.message));
    const past = await rawCopy({ file: "sources.tsv", change: (t) => t.replace("Thesis on Clusters\t1\t", "Thesis on Clusters\t4\t") });
    await assert.rejects(readSeeds(past), (e: unknown) => e instanceof RawInputError && e.line === 4 && e.field === "title_line" && /seeds\/thesis\.txt has 3 lines/.test(e.message));
  });

  it("stops on a latest year the seed does not print on its line, or a later year the seed prints", async () => {
    const moved = await rawCopy({ file: "sources.tsv", change: (t) => t.replace("\t2001\t14\t", "\t2001\t13\t") });
    await assert.rejects(readSeeds(moved), (e: unknown) => e instanceof RawInputError && e.line === 3 && e.field === "latest_year" && /not printed on line 13 of seeds\/survey\.txt/.test(e.message));
    const early = await rawCopy({ file: "sources.tsv", change: (t) => t.replace("\t2001\t14\t", "\t1993\t13\t") });
    await assert.rejects(readSeeds(early), (e: unknown) => e instanceof RawInputError && e.line === 3 && e.field === "latest_year" && /prints 2001 on line 14/.test(e.message));
  });

  it("records the latest year each real document prints, on the line given", async () => {
    const seeds = await readSeeds(RAW_DIR);
    assert.deepEqual(seeds.map((s) => [s.source.id, s.source.latest_year, s.source.latest_year_line]), [["survey", 2005, 713], ["thesis", 2008, 3528]]);
  });

  it("runs before anything else the ledger reads: a changed seed stops readLedger", async () => {
    const raw = await rawCopy({ file: "units.tsv", change: () => "not a units file" });
    await writeFile(join(raw, "..", "seeds", "thesis.txt"), "changed\n");
    await assert.rejects(readLedger(raw), (e: unknown) => e instanceof RawInputError && e.file === "raw/sources.tsv" && e.field === "sha256");
  });
});
