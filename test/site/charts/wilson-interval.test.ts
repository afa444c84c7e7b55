// The Wilson score intervals of src/sql/thesis-table-6-intervals.sql and thesis-table-7-intervals.sql:
// the SQL files themselves, run over small Parquet files whose answers are known, then over the
// real ledger against an independent implementation of the formula.
import { DuckDBInstance } from "@duckdb/node-api";
import assert from "node:assert/strict";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { readLedger, type Ledger } from "../../../data-loaders/normalize/ledger.ts";
import { RAW_DIR } from "../../../data-loaders/paths.ts";
import { SQL_DIR } from "../../../site/paths.ts";
import { queryLedger, queryOutputs, type Row } from "../../../site/loader/ledger-database.ts";

const Z = 1.959963984540054;

/** The Wilson score interval for a proportion p of n, written out independently of the SQL. */
function wilson(p: number, n: number): [number, number] {
  const denominator = 1 + (Z * Z) / n;
  const centre = (p + (Z * Z) / (2 * n)) / denominator;
  const half = (Z / denominator) * Math.sqrt((p * (1 - p)) / n + (Z * Z) / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

const sql = (name: string) => readFile(join(SQL_DIR, name), "utf8");
const literal = (v: string | number | null) => (v === null ? "NULL" : typeof v === "number" ? String(v) : `'${v.replaceAll("'", "''")}'`);

/** Writes `rows` as a Parquet file with DuckDB, so that the SQL under test reads a view of it. */
async function writeParquet(path: string, columns: string[], rows: (string | number | null)[][]): Promise<void> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    const values = rows.map((r) => `(${r.map(literal).join(", ")})`).join(", ");
    await connection.run(`COPY (SELECT * FROM (VALUES ${values}) AS t(${columns.map((c) => `"${c}"`).join(", ")})) TO '${path}' (FORMAT parquet)`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const STAT_COLUMNS = ["id", "document", "table", "row_label", "column_label", "unit", "printed", "reading", "value", "value_low", "value_high", "qualifier"];
const TIDY_COLUMNS = ["row_order", "column_order", "row", "column", "row_label", "column_label", "statistic_id"];

const close = (actual: number, expected: number, what: string) => assert.ok(Math.abs(actual - expected) < 5e-3, `${what}: ${actual} is not ${expected}`);

describe("the Wilson interval SQL, on known values", () => {
  let folder: string;
  before(async () => {
    folder = await mkdtemp(join(tmpdir(), "wilson-"));
    await mkdir(join(folder, "tables"));
    const pct = (id: string, table: string, row: string, column: string, value: number) => [id, "thesis", table, row, column, "percent", String(value), null, value, value, value, "exact"];
    const n = (id: string, table: string, row: string | null, column: string, value: number, reading: string | null = null) => [id, "thesis", table, row, column, "respondents", `N=${value}`, reading, value, value, value, "exact"];
    await writeParquet(join(folder, "statistics.parquet"), STAT_COLUMNS, [
      pct("half", "Table #6", "r", "A N=100 (%)", 50),
      pct("none", "Table #6", "r", "B N=22 (%)", 0),
      pct("all", "Table #6", "r", "C N=17%", 100),
      n("n.a", "Table #6", null, "A N=100 (%)", 100),
      n("n.b", "Table #6", null, "B N=22 (%)", 22),
      n("n.c", "Table #6", null, "C N=17%", 17),
      pct("t7.half", "Table #7", "r", "Domestic (%)", 50),
      n("t7.half.n", "Table #7", "r", "Domestic (%)", 100, "N=100 (a reading)"),
    ]);
    await writeParquet(join(folder, "tables", "thesis-table-6.parquet"), TIDY_COLUMNS, [
      [0, 0, "r", "A", "r", "A N=100 (%)", "half"],
      [0, 1, "r", "B", "r", "B N=22 (%)", "none"],
      [0, 2, "r", "C", "r", "C N=17%", "all"],
    ]);
    await writeParquet(join(folder, "tables", "thesis-table-7.parquet"), TIDY_COLUMNS, [
      [0, 0, "r", "Domestic", "r", "Domestic (%)", "t7.half"],
      [0, 0, "r", "Domestic", "r", "Domestic (%)", "t7.half.n"],
    ]);
  });
  after(() => rm(folder, { recursive: true, force: true }));

  it("gives [40.38, 59.62] for 50% of 100, [0, 14.87] for 0% of 22, [81.57, 100] for 100% of 17", async () => {
    const rows = await queryOutputs(folder, await sql("thesis-table-6-intervals.sql"));
    const byId = new Map(rows.map((r) => [r.id, r]));
    assert.equal(rows.length, 3);
    close(byId.get("half")!.wilson_low as number, 40.38, "p=0.5, n=100, low");
    close(byId.get("half")!.wilson_high as number, 59.62, "p=0.5, n=100, high");
    assert.equal(byId.get("none")!.wilson_low, 0, "p=0: the lower bound is 0");
    close(byId.get("none")!.wilson_high as number, 100 * (Z * Z / 22) / (1 + (Z * Z) / 22), "p=0, n=22, high");
    close(byId.get("all")!.wilson_low as number, 100 * 17 / (17 + Z * Z), "p=1, n=17, low");
    assert.equal(byId.get("all")!.wilson_high, 100, "p=1: the upper bound is 100");
    assert.equal(byId.get("half")!.n_id, "n.a", "the N comes from the column's header statistic");
  });

  it("takes Table #7's N from the same cell, with its reading", async () => {
    const [row, ...rest] = await queryOutputs(folder, await sql("thesis-table-7-intervals.sql"));
    assert.equal(rest.length, 0);
    assert.equal(row!.n, 100);
    assert.equal(row!.n_reading, "N=100 (a reading)");
    close(row!.wilson_low as number, 40.38, "low");
    close(row!.wilson_high as number, 59.62, "high");
  });

  it("agrees with an independent implementation at p=0.5, n=100", () => {
    const [low, high] = wilson(0.5, 100);
    close(100 * low, 40.38, "low");
    close(100 * high, 59.62, "high");
  });
});

describe("the Wilson interval SQL, on the ledger", () => {
  let ledger: Ledger;
  let table6: Row[];
  let table7: Row[];
  before(async () => {
    ledger = await readLedger(RAW_DIR);
    table6 = await queryLedger(ledger, await sql("thesis-table-6-intervals.sql"));
    table7 = await queryLedger(ledger, await sql("thesis-table-7-intervals.sql"));
  });

  const check = (rows: Row[]) => {
    for (const r of rows) {
      const [low, high] = wilson((r.value as number) / 100, r.n as number);
      close(r.wilson_low as number, 100 * low, `${r.id} low`);
      close(r.wilson_high as number, 100 * high, `${r.id} high`);
      assert.ok((r.wilson_low as number) <= (r.value as number) && (r.value as number) <= (r.wilson_high as number), `${r.id}: the interval holds the printed value`);
      assert.ok((r.wilson_high as number) > (r.wilson_low as number), `${r.id}: the interval is a range, not a point`);
    }
  };

  it("gives Table #6's 12 percentages their column's N (60, 21, 22, 17)", () => {
    assert.equal(table6.length, 12);
    assert.deepEqual([...new Set(table6.map((r) => `${r.group_label}:${r.n}`))], ["All Firms:60", "Small firms:21", "Medium firms:22", "Large firms:17"]);
    check(table6);
  });

  it("gives Table #7's 12 percentages their cell's N, N025 read as 25 and one N of 59", () => {
    assert.equal(table7.length, 12);
    const typo = table7.find((r) => r.n_printed === "N025")!;
    assert.equal(typo.n, 25);
    assert.match(String(typo.n_reading), /^N=25/);
    assert.deepEqual(table7.filter((r) => r.n === 59).map((r) => r.row_label), ["Production organization"]);
    check(table7);
  });
});
