import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import fc from "fast-check";
import { readLedger, type Ledger } from "../../../data-loaders/normalize/ledger.ts";
import { PROJECT_ROOT, RAW_DIR } from "../../../data-loaders/paths.ts";
import { toCsv } from "../../../data-loaders/publish/csv.ts";
import type { ColumnSpec, ColumnType } from "../../../data-loaders/publish/dictionary.ts";
import { outputTables } from "../../../data-loaders/publish/output-tables.ts";
import { writeParquet } from "../../../data-loaders/publish/parquet.ts";

const column = (name: string, type: ColumnType = "VARCHAR"): ColumnSpec => ({ name, type, nullable: true, description: "" });

/**
 * The options the browser reads the published CSVs with, taken from src/lib/database.ts itself
 * (DuckDB-WASM cannot run here), so that this test reads them as the reader's browser does.
 */
function browserCsvOptions(): string {
  const source = readFileSync(join(PROJECT_ROOT, "src", "lib", "database.ts"), "utf8");
  const found = /read_csv\(\$\{[^}]*\},\s*([^`]*?),\s*columns\s*=/.exec(source);
  assert.ok(found, "src/lib/database.ts: no read_csv(<file>, <options>, columns = …) call to take the options from");
  assert.match(found[1]!, /allow_quoted_nulls\s*=\s*false/, "the browser must keep quoted empty fields as empty strings");
  return found[1]!;
}

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
const plain = (value: unknown) => (typeof value === "bigint" ? Number(value) : value);

describe("toCsv", () => {
  it("writes a header and one line per row in the dictionary's column order, each line ending in \\n", () => {
    assert.equal(toCsv([column("b"), column("a", "INTEGER")], [{ a: 1, b: "x" }, { b: "y", a: 2 }]), "b,a\nx,1\ny,2\n");
    assert.equal(toCsv([column("a")], []), "a\n");
  });

  it("writes NULL as an empty field and the empty string as a quoted one", () => {
    assert.equal(toCsv([column("a"), column("b"), column("c")], [{ a: null, b: "", c: undefined }]), 'a,b,c\n,"",\n');
    assert.equal(toCsv([column("a"), column("b")], [{}]), "a,b\n,\n");
  });

  it("quotes a field holding a comma, a quote or a line break, doubling its quotes, and no other", () => {
    const csv = toCsv([column("v")], [{ v: "a,b" }, { v: 'say "x"' }, { v: "one\ntwo" }, { v: "one\r\ntwo" }, { v: "cr\r" }, { v: " spaced " }, { v: "it's" }]);
    assert.equal(csv, 'v\n"a,b"\n"say ""x"""\n"one\ntwo"\n"one\r\ntwo"\n"cr\r"\n spaced \nit\'s\n');
  });

  it("writes numbers as JavaScript prints them", () => {
    assert.equal(toCsv([column("x", "DOUBLE")], [{ x: 0.1 }, { x: 125000000 }, { x: -2.5 }, { x: 0 }]), "x\n0.1\n125000000\n-2.5\n0\n");
  });
});

describe("CSV read back by DuckDB with the browser's read_csv options", () => {
  let instance: DuckDBInstance;
  let db: DuckDBConnection;
  let folder: string;
  let options: string;
  let ledger: Ledger;
  before(async () => {
    options = browserCsvOptions();
    instance = await DuckDBInstance.create(":memory:");
    db = await instance.connect();
    folder = await mkdtemp(join(tmpdir(), "csv-roundtrip-"));
    ledger = await readLedger(RAW_DIR);
  });
  after(async () => {
    db.closeSync();
    instance.closeSync();
    await rm(folder, { recursive: true, force: true });
  });

  let files = 0;
  async function readCsv(columns: readonly ColumnSpec[], csv: string): Promise<Record<string, unknown>[]> {
    const path = join(folder, `${files++}.csv`);
    await writeFile(path, csv);
    const types = columns.map((c) => `${literal(c.name)}: ${literal(c.type)}`).join(", ");
    const reader = await db.runAndReadAll(`SELECT * FROM read_csv(${literal(path)}, ${options}, columns = {${types}})`);
    return reader.getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])));
  }

  async function readParquet(columns: readonly ColumnSpec[], rows: readonly object[]): Promise<Record<string, unknown>[]> {
    const path = join(folder, `${files++}.parquet`);
    await writeParquet(path, columns, rows);
    const reader = await db.runAndReadAll(`SELECT * FROM read_parquet(${literal(path)})`);
    return reader.getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])));
  }

  it("gives back any text exactly, an empty string as an empty string and NULL as NULL", async () => {
    const text = fc.oneof(
      fc.string({ unit: fc.constantFrom(",", '"', "\n", "\r", " ", "\t", "'", "\\", "a", "é", "N", "U", "L") }),
      fc.string({ unit: "grapheme" }),
      fc.constantFrom("", "NULL", "null", '""', " "),
    );
    const columns = [column("a"), column("b"), column("c")];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ a: fc.option(text), b: fc.option(text), c: fc.option(text) }), { minLength: 1, maxLength: 8 }), async (rows) => {
        assert.deepEqual(await readCsv(columns, toCsv(columns, rows)), rows.map((r) => ({ ...r })));
      }),
      { numRuns: 300 },
    );
  });

  it("gives back every published table of the real ledger field for field as its Parquet, empty strings and NULLs included", async () => {
    let empty = 0;
    let nulls = 0;
    for (const table of outputTables(ledger)) {
      const rows = table.rows();
      const fromCsv = await readCsv(table.columns, toCsv(table.columns, rows));
      const fromParquet = await readParquet(table.columns, rows);
      assert.equal(fromCsv.length, rows.length, table.name);
      rows.forEach((row, i) => {
        for (const c of table.columns) {
          const value = (row as Record<string, unknown>)[c.name] ?? null;
          const where = `${table.name}, row ${i + 1}, ${c.name}`;
          assert.equal(fromCsv[i]![c.name], fromParquet[i]![c.name], `${where}: CSV and Parquet differ`);
          assert.equal(fromCsv[i]![c.name] === null, value === null, `${where}: ${JSON.stringify(value)} read back as ${JSON.stringify(fromCsv[i]![c.name])}`);
          if (value === "") empty++;
          if (value === null) nulls++;
        }
      });
    }
    // The published tables hold both, so both ways of confusing them are tested.
    assert.ok(empty > 0, "no empty string in the published tables");
    assert.ok(nulls > 0, "no NULL in the published tables");
  });
});
