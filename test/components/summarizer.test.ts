import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { readLedger, type Ledger } from "../../data-loaders/normalize/ledger.ts";
import { RAW_DIR } from "../../data-loaders/paths.ts";
import { queryLedger } from "../../site/loader/ledger-database.ts";
import { summarySql } from "../../src/components/summarizer.ts";

// The summarizer's SQL runs in DuckDB-WASM over the published statistics; here it runs in
// DuckDB over the same Parquet path, and its counts are checked against the ledger.
describe("summarySql, run by DuckDB", () => {
  let ledger: Ledger;
  before(async () => {
    ledger = await readLedger(RAW_DIR);
  });
  const countBy = (ids: ReadonlySet<string> | null, column: "document" | "unit") => {
    const counts = new Map<string, number>();
    for (const s of ledger.statistics) if (ids === null || ids.has(s.id)) counts.set(s[column], (counts.get(s[column]) ?? 0) + 1);
    return counts;
  };

  it("counts every statistic by a column, the largest count first", async () => {
    const rows = await queryLedger(ledger, summarySql("unit", null));
    assert.deepEqual(new Map(rows.map((r) => [r.unit as string, r.numbers as number])), countBy(null, "unit"));
    const numbers = rows.map((r) => r.numbers as number);
    assert.deepEqual(numbers, [...numbers].sort((a, b) => b - a));
  });

  it("counts only the given statistics, whatever their ids hold", async () => {
    const ids = new Set([...ledger.statistics.filter((_, i) => i % 7 === 0).map((s) => s.id), "no.such.id", "x'); DROP TABLE statistics; --"]);
    const rows = await queryLedger(ledger, summarySql("document", ids));
    assert.deepEqual(new Map(rows.map((r) => [r.document as string, r.numbers as number])), countBy(ids, "document"));
  });

  it("counts nothing for no statistics", async () => {
    assert.deepEqual(await queryLedger(ledger, summarySql("document", new Set())), []);
  });

  it("quotes the column as a name, so a quote in it cannot end the name", () => {
    assert.match(summarySql('a"b', null), /^SELECT "a""b", /);
  });
});
