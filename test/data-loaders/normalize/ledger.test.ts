import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { RawInputError } from "../../../data-loaders/errors.ts";
import { readLedger } from "../../../data-loaders/normalize/ledger.ts";
import { rawCopy, setField, STATS_FILE } from "../fixture.ts";

/** Runs the ledger over a fixture with one field changed and returns the error it raises. */
async function errorFor(id: string, field: string, value: string): Promise<RawInputError> {
  const raw = await rawCopy({ file: STATS_FILE, change: (t) => setField(t, id, field, value) });
  try {
    await readLedger(raw);
  } catch (error) {
    assert.ok(error instanceof RawInputError, `expected a RawInputError, got ${error}`);
    return error;
  }
  assert.fail(`no error for ${field}=${value}`);
}

describe("readLedger on the fixture", () => {
  it("normalizes every row with its provenance", async () => {
    const ledger = await readLedger(await rawCopy());
    const byId = new Map(ledger.statistics.map((s) => [s.id, s]));
    const exports = byId.get("fx.sialkot.exports")!;
    assert.equal(exports.value, 125e6);
    assert.equal(exports.unit, "USD");
    assert.deepEqual([exports.year_start, exports.year_end], [1995, 1996]);
    assert.equal(exports.cited_source, "Nadvi (1999), p 1611");
    assert.equal(exports.raw_file, "raw/survey/statistics/text.tsv");
    assert.equal(exports.raw_line, 2);
    assert.deepEqual([byId.get("fx.palar.tanneries")!.value_low, byId.get("fx.palar.tanneries")!.value_high], [600, null]);
    assert.equal(byId.get("fx.t1.ludhiana.share")!.value, 80);
    const gamarra = byId.get("fx.t1.gamarra.firms")!;
    assert.deepEqual([gamarra.value, gamarra.value_low, gamarra.value_high, gamarra.qualifier], [null, 6800, 8000, "range"]);
  });

  it("lays each table out long, printed labels beside normalized ones, n.a. cells kept", async () => {
    const ledger = await readLedger(await rawCopy());
    const tidy = ledger.tidyTables.get("survey-table-1")!;
    assert.equal(tidy.length, 2);
    const na = tidy.find((c) => c.column_label === "Exports")!;
    assert.deepEqual([na.cell, na.statistic_id, na.value], ["n.a.", null, null]);
    const firms = tidy.find((c) => c.column_label === "Employment")!;
    assert.equal(firms.statistic_id, "fx.t1.gamarra.firms");
    assert.equal(firms.row_label, "Gamarra (Lima), Peru (Clothing)");
  });
});

describe("readLedger on bad input names the file, line, field and value", () => {
  const where = (e: RawInputError) => [e.file, e.line, e.field];
  const file = "raw/survey/statistics/text.tsv";

  it("an unknown unit", async () => {
    const e = await errorFor("fx.palar.tanneries", "unit", "tanneries");
    assert.deepEqual(where(e), [file, 3, "unit"]);
    assert.equal(e.value, "tanneries");
    assert.match(e.message, /raw\/survey\/statistics\/text\.tsv:3: invalid unit: "tanneries"/);
  });

  it("an unparseable number", async () => {
    const raw = await rawCopy({
      file: STATS_FILE,
      change: (t) => setField(t, "fx.palar.tanneries", "printed", "several hundred").replace("at least 600 tanneries", "several hundred tanneries"),
    });
    await assert.rejects(readLedger(raw), (e: unknown) => e instanceof RawInputError && e.line === 3 && e.field === "printed" && /"several hundred"/.test(e.message));
  });

  it("a duplicate id", async () => {
    const e = await errorFor("fx.palar.tanneries", "id", "fx.sialkot.exports");
    assert.deepEqual(where(e), [file, 3, "id"]);
    assert.match(e.message, /duplicate of raw\/survey\/statistics\/text\.tsv:2/);
  });

  it("a missing quote", async () => {
    const e = await errorFor("fx.sialkot.exports", "quote", "");
    assert.deepEqual(where(e), [file, 2, "quote"]);
  });

  it("a quote that does not contain its number", async () => {
    const e = await errorFor("fx.sialkot.exports", "quote", "Sialkot cluster exported surgical instruments");
    assert.deepEqual(where(e), [file, 2, "quote"]);
    assert.match(e.message, /does not contain the printed number "\$125 million"/);
  });

  it("a value outside its unit's range", async () => {
    const raw = await rawCopy({
      file: STATS_FILE,
      change: (t) => setField(setField(t, "fx.palar.tanneries", "printed", "600 percent"), "fx.palar.tanneries", "unit", "percent").replace("at least 600 tanneries", "600 percent tanneries"),
    });
    await assert.rejects(readLedger(raw), (e: unknown) => e instanceof RawInputError && e.line === 3 && e.field === "printed" && /0\.\.100/.test(e.message));
  });

  it("a cell of a table that no statistic cites", async () => {
    const raw = await rawCopy({ file: "survey/tables/table-1.tsv", change: (t) => t.replace("Exports\tn.a.", "Exports\t$5 million") });
    await assert.rejects(readLedger(raw), (e: unknown) => e instanceof RawInputError && e.file === "raw/survey/tables/table-1.tsv" && e.line === 6 && e.field === "cell");
  });

  it("a statistic naming a cell the table does not print", async () => {
    const e = await errorFor("fx.t1.gamarra.firms", "row", "Gamarra, Peru");
    assert.deepEqual(where(e), [file, 4, "row"]);
  });

  it("a row with a missing field", async () => {
    const raw = await rawCopy({ file: STATS_FILE, change: (t) => t.replace("\tNadvi (1999), p 1611", "") });
    await assert.rejects(readLedger(raw), (e: unknown) => e instanceof RawInputError && e.line === 2 && e.field === "row" && /15 fields, header has 16/.test(e.message));
  });
});
