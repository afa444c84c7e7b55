import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { appendFile, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { RawInputError } from "../../../data-loaders/errors.ts";
import { readLedger } from "../../../data-loaders/normalize/ledger.ts";
import { RAW_DIR } from "../../../data-loaders/paths.ts";
import { queryOutputs } from "../../../site/loader/ledger-database.ts";
import { writeOutputs } from "../../../data-loaders/publish/write-outputs.ts";
import { RECONCILIATION_FILE } from "../../../data-loaders/publish/dictionary.ts";
import {
  CLASSIFICATIONS,
  parseReconciliation,
  REASONS,
  RECONCILIATION_HEADER,
} from "../../../data-loaders/normalize/reconciliation.ts";
import { reconciliationRows } from "../../../data-loaders/publish/reconciliation-rows.ts";
import { normalizeStatistic, type DocumentId, type Statistic } from "../../../data-loaders/normalize/statistic.ts";
import { parseUnits } from "../../../data-loaders/parse/units.ts";
import { rawCopy } from "../fixture.ts";

const UNITS = parseUnits(readFileSync(join(RAW_DIR, "units.tsv"), "utf8"), "raw/units.tsv");

function stat(document: DocumentId, id: string, printed: string, unit: string, period = "", cited_source = ""): Statistic {
  const fields = {
    id, locator: "test", page: "", line: "1", subject: "Sialkot", measure: "m", printed, unit, qualifier: "", period,
    cited_source, quote: printed, table: "", row: "", column: "", note: "",
  };
  return normalizeStatistic({ line: 2, fields }, { file: "test.tsv", document, units: UNITS });
}

const STATS = [
  stat("survey", "s.exports", "$125 million", "USD", "1995-96", "Nadvi (1999), p 1611"),
  stat("survey", "s.t1.exports", "$125 million", "USD", "1995-1996"),
  stat("survey", "s.firms", "2,500", "firms"),
  stat("survey", "s.later", "$124 million", "USD", "2000-2001"),
  stat("thesis", "t.exports", "US$ 100 million", "USD", "Up until 1992"),
  stat("thesis", "t.firms", "roughly 3000", "firms", "", "SMEDA, 2008"),
  stat("thesis", "t.share", "30%", "percent"),
  stat("thesis", "t.t6", "30,0", "percent", "1995"),
  stat("thesis", "t.t6.later", "30,0", "percent", "1996"),
];

const HEADER = RECONCILIATION_HEADER.join("\t");
const FILE = "raw/reconciliation.tsv";

/** A file with a comment, the header and the given rows (each a list of the eleven fields). */
function file(...rows: string[][]): string {
  return ["# a comment", HEADER, ...rows.map((r) => r.join("\t"))].join("\n");
}

const GOOD = [
  ["sialkot.exports", "survey", "Sialkot", "exports", "s.exports", "s.t1.exports", "agree", "same_value", "restatement", "both", "The text's figure is Table-1's."],
  ["sialkot.exports-cross", "cross", "Sialkot", "exports", "s.exports,s.later", "t.exports", "partly_agree", "different_year", "scope", "both", "Later years."],
  ["sialkot.firms", "cross", "Sialkot", "firms", "s.firms", "t.firms", "disagree", "different_source", "scope", "both", "Two sources."],
];

/** Parses a file of GOOD with one row replaced by `row`, and returns the error it raises. */
function errorFor(row: string[]): RawInputError {
  try {
    parseReconciliation(file(GOOD[0]!, row), FILE, STATS);
  } catch (error) {
    assert.ok(error instanceof RawInputError, `expected a RawInputError, got ${error}`);
    return error;
  }
  assert.fail(`no error for ${row.join(" | ")}`);
}

const withField = (field: (typeof RECONCILIATION_HEADER)[number], value: string, base = GOOD[2]!) => {
  const row = [...base];
  row[RECONCILIATION_HEADER.indexOf(field)] = value;
  return row;
};

describe("parseReconciliation on a good file", () => {
  it("reads every row with its ids split, its vocabulary and its line", () => {
    const entries = parseReconciliation(file(...GOOD), FILE, STATS);
    assert.equal(entries.length, 3);
    assert.deepEqual(entries[1], {
      id: "sialkot.exports-cross",
      scope: "cross",
      subject: "Sialkot",
      measure: "exports",
      left_ids: ["s.exports", "s.later"],
      right_ids: ["t.exports"],
      classification: "partly_agree",
      reason: "different_year",
      class: "scope",
      in_question: "both",
      explanation: "Later years.",
      raw_file: FILE,
      raw_line: 4,
    });
  });

  it("denormalizes both sides for display", () => {
    const [, cross] = reconciliationRows(parseReconciliation(file(...GOOD), FILE, STATS), STATS);
    assert.equal(cross!.left_printed, "$125 million | $124 million");
    assert.equal(cross!.left_period, "1995-96 | 2000-2001");
    assert.equal(cross!.left_cited_source, "Nadvi (1999), p 1611 | ");
    assert.equal(cross!.right_value, 100e6);
    assert.equal(cross!.check_id, "reconciliation:sialkot.exports-cross");
    assert.equal(cross!.check_status, "explained");
  });

  it("has fixed vocabularies", () => {
    assert.deepEqual(CLASSIFICATIONS, ["agree", "partly_agree", "disagree"]);
    assert.deepEqual(REASONS, ["same_value", "different_year", "different_scope", "different_source", "different_unit", "rounding"]);
  });
});

describe("parseReconciliation on bad rows names the file, line, field and value", () => {
  const where = (e: RawInputError) => [e.file, e.line, e.field, e.value];

  it("a malformed or duplicate id", () => {
    assert.deepEqual(where(errorFor(withField("id", "Sialkot Firms"))), [FILE, 4, "id", "Sialkot Firms"]);
    assert.match(errorFor(withField("id", "sialkot.exports")).message, /duplicate of line 3/);
  });

  it("a scope, classification or reason outside the vocabulary", () => {
    assert.deepEqual(where(errorFor(withField("scope", "both"))), [FILE, 4, "scope", "both"]);
    assert.deepEqual(where(errorFor(withField("classification", "conflict"))), [FILE, 4, "classification", "conflict"]);
    assert.deepEqual(where(errorFor(withField("reason", "typo"))), [FILE, 4, "reason", "typo"]);
  });

  it("a classification its reason contradicts", () => {
    assert.match(errorFor(withField("reason", "same_value")).message, /invalid reason: "same_value" \(same_value contradicts the classification disagree\)/);
    const agree = withField("classification", "agree", withField("reason", "different_source"));
    assert.deepEqual(where(errorFor(agree)), [FILE, 4, "reason", "different_source"]);
  });

  it("an empty subject or explanation, a measure not in snake_case", () => {
    assert.deepEqual(where(errorFor(withField("subject", ""))), [FILE, 4, "subject", ""]);
    assert.deepEqual(where(errorFor(withField("explanation", ""))), [FILE, 4, "explanation", ""]);
    assert.deepEqual(where(errorFor(withField("measure", "Firm Count"))), [FILE, 4, "measure", "Firm Count"]);
  });

  it("an id that is not in the ledger, or an empty one", () => {
    const e = errorFor(withField("right_ids", "t.firms,t.nothing"));
    assert.deepEqual(where(e), [FILE, 4, "right_ids", "t.nothing"]);
    assert.match(e.message, /no such statistic in the ledger/);
    assert.deepEqual(where(errorFor(withField("left_ids", "s.firms,"))), [FILE, 4, "left_ids", "s.firms,"]);
  });

  it("a statistic on the wrong side for its scope", () => {
    const e = errorFor(withField("left_ids", "t.firms", withField("right_ids", "s.firms")));
    assert.deepEqual(where(e), [FILE, 4, "left_ids", "t.firms"]);
    assert.match(e.message, /is a thesis statistic, but a cross row takes survey statistics here/);
    const inSurvey = withField("scope", "survey", withField("right_ids", "t.firms"));
    assert.deepEqual(where(errorFor(inSurvey)), [FILE, 4, "right_ids", "t.firms"]);
  });

  it("a statistic named twice, on one side or on both", () => {
    assert.deepEqual(where(errorFor(withField("left_ids", "s.firms,s.firms"))), [FILE, 4, "left_ids", "s.firms"]);
    const both = withField("scope", "survey", withField("right_ids", "s.firms"));
    assert.deepEqual(where(errorFor(both)), [FILE, 4, "right_ids", "s.firms"]);
  });

  it("REFUSES an agree row whose values differ", () => {
    const agree = withField("class", "restatement", withField("classification", "agree", withField("reason", "same_value")));
    const e = errorFor(agree);
    assert.deepEqual(where(e), [FILE, 4, "classification", "agree"]);
    assert.match(e.message, /refused: "2,500" .* and "roughly 3000" .* differ/);
  });

  it("REFUSES an agree row whose units differ, or whose restatement changes the year", () => {
    const units = ["x", "cross", "Sialkot", "m", "s.firms", "t.share", "agree", "same_value", "restatement", "both", "x"];
    assert.match(errorFor(units).message, /refused: .* are in different units/);
    const years = ["x", "thesis", "Sialkot", "m", "t.t6", "t.t6.later", "agree", "same_value", "restatement", "both", "x"];
    assert.match(errorFor(years).message, /refused: .* are printed for different periods/);
    const ok = ["x", "thesis", "Sialkot", "m", "t.share", "t.t6.later", "partly_agree", "different_unit", "scope", "both", "x"];
    assert.equal(parseReconciliation(file(ok), FILE, STATS).length, 1);
  });

  it("a class outside the vocabulary, or one its row contradicts", () => {
    assert.deepEqual(where(errorFor(withField("class", "arithmetic"))), [FILE, 4, "class", "arithmetic"]);
    assert.match(errorFor(withField("class", "restatement")).message, /a restatement is exactly an agree row/);
    assert.match(errorFor(withField("class", "internal")).message, /a cross row is across_documents/);
    const survey = withField("scope", "survey", withField("left_ids", "s.firms", withField("right_ids", "s.later")));
    assert.match(errorFor(withField("class", "across_documents", survey)).message, /across_documents needs scope cross/);
    assert.match(errorFor(withField("class", "scope", withField("reason", "rounding"))).message, /scope needs a reason that differs/);
    assert.deepEqual(where(errorFor(withField("in_question", "neither"))), [FILE, 4, "in_question", "neither"]);
    assert.equal(parseReconciliation(file(withField("class", "across_documents")), FILE, STATS)[0]!.class, "across_documents");
  });

  it("a wrong header or a row with a stray tab", () => {
    assert.throws(() => parseReconciliation(["id\tscope", "a\tb"].join("\n"), FILE, STATS), (e: unknown) => e instanceof RawInputError && e.field === "header");
    assert.throws(() => parseReconciliation(file([...GOOD[0]!, "extra"]), FILE, STATS), (e: unknown) => e instanceof RawInputError && e.line === 3 && e.field === "row");
  });
});

describe("reading the reconciliation with the ledger", () => {
  it("a raw folder whose list of files names no raw/reconciliation.tsv has no entries", async () => {
    const ledger = await readLedger(await rawCopy());
    assert.deepEqual(ledger.reconciliation, []);
  });

  it("readLedger stops on a bad entry, naming raw/reconciliation.tsv and its line", async () => {
    const raw = await rawCopy();
    const row = ["fx.exports", "survey", "Sialkot", "exports", "fx.sialkot.exports", "fx.missing", "agree", "same_value", "restatement", "both", "x"];
    await writeFile(join(raw, "reconciliation.tsv"), file(row));
    await appendFile(join(raw, "files.tsv"), "reconciliation.tsv\n");
    await assert.rejects(readLedger(raw), (e: unknown) => e instanceof RawInputError && e.file === "raw/reconciliation.tsv" && e.line === 3 && e.field === "right_ids" && e.value === "fx.missing");
  });

  it("the real file parses, pairs the documents as its scopes say, and is written to reconciliation.parquet", async () => {
    const ledger = await readLedger(RAW_DIR);
    const entries = ledger.reconciliation!;
    assert.ok(entries.filter((e) => e.scope === "cross").length >= 10);
    assert.ok(entries.some((e) => e.scope === "survey") && entries.some((e) => e.scope === "thesis"));
    const out = await mkdtemp(join(tmpdir(), "reconciliation-"));
    await writeOutputs(ledger, out);
    const described = await queryOutputs(out, "SELECT column_name, column_type FROM (DESCRIBE reconciliation)");
    assert.deepEqual(described.map((d) => [d.column_name, d.column_type]), RECONCILIATION_FILE.columns.map((c) => [c.name, c.type]));
    const rows = await queryOutputs(out, "SELECT id, left_document, right_document, left_printed, right_printed, classification FROM reconciliation ORDER BY id");
    assert.equal(rows.length, entries.length);
    const footwear = rows.find((r) => r.id === "sinos-valley.footwear-firms")!;
    assert.deepEqual([footwear.left_document, footwear.left_printed, footwear.right_document, footwear.right_printed, footwear.classification], ["survey", "391", "thesis", "269", "disagree"]);
    const bad = await queryOutputs(out, "SELECT r.id FROM reconciliation r ANTI JOIN audit a ON a.check_id = r.check_id");
    assert.deepEqual(bad, []);
  });
});
