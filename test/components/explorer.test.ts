import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DuckDBInstance } from "@duckdb/node-api";
import { pageOfRows, plainError, progressFraction, progressText } from "../../src/components/explorer.ts";
import { defaultAxes, numberColumns } from "../../src/components/quick-chart.ts";

/** DuckDB's own error for `sql`, after `setup`, on a fresh in-memory database. */
async function duckdbError(sql: string, setup: string[] = []): Promise<unknown> {
  const instance = await DuckDBInstance.create(":memory:");
  const db = await instance.connect();
  try {
    for (const statement of setup) await db.run(statement);
    return await db.run(sql).then(
      () => assert.fail(`${sql} ran`),
      (e: unknown) => e,
    );
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

/** Advice the console cannot follow: its settings are locked and it installs nothing. */
const FORBIDDEN_ADVICE = /\bSET\b|\bINSTALL\s+\w+;|\bLOAD\s+\w+;|temp_directory/i;

describe("plainError", () => {
  it("gives DuckDB's own errors in words, every line kept, without their class or the excerpt of the wrapped query", async () => {
    for (const sql of ["SELEC 1", "SELECT nope FROM range(1)", "SELECT * FROM no_such_table", "SELECT * FROM (SELECT * FROM range(3) ORDER BY x\n) AS q", "SELECT 1::INT + 'x'"]) {
      const error = (await duckdbError(sql)) as Error;
      const message = plainError(error);
      assert.doesNotMatch(message, /^\w+ Error:|LINE \d+:|^\s*\^\s*$/m, sql);
      assert.ok(message.length > 0, sql);
      for (const line of message.split("\n")) assert.ok(error.message.includes(line), `${sql}: ${line}`);
    }
    const table = plainError(await duckdbError("SELECT * FROM statistcs", ["CREATE TABLE statistics AS SELECT 1 AS a"]));
    assert.match(table, /statistcs does not exist/);
    assert.match(table, /Did you mean "statistics"\?/, "the hint on DuckDB's second line is kept");
  });

  it("replaces DuckDB's advice to SET a setting after running out of memory by what the reader can do", async () => {
    const error = (await duckdbError("SELECT list(range) FROM range(30000000)", ["SET memory_limit = '20MB'", "SET threads = 1"])) as Error;
    assert.match(error.message, /SET memory_limit/, "DuckDB advises a SET");
    const message = plainError(error);
    assert.match(message, /^failed to allocate/);
    assert.doesNotMatch(message, FORBIDDEN_ADVICE);
    assert.match(message, /filter, aggregate or add a LIMIT/);
  });

  it("says an extension cannot be installed or loaded, in full, without advising INSTALL, LOAD or SET", async () => {
    const off = ["SET autoinstall_known_extensions = false", "SET autoload_known_extensions = false"];
    for (const [sql, name] of [["SELECT st_point(1, 2)", "spatial"], ["SELECT * FROM sqlite_scan('x.db', 't')", "sqlite_scanner"]] as const) {
      const error = (await duckdbError(sql, off)) as Error;
      assert.match(error.message, /INSTALL/, `DuckDB advises INSTALL for ${sql}`);
      const message = plainError(error);
      assert.doesNotMatch(message, FORBIDDEN_ADVICE, sql);
      assert.match(message, new RegExp(`exists in the ${name} extension`), sql);
      assert.match(message, new RegExp(`cannot install or load extensions such as ${name}`), sql);
    }
    const autoload = (await duckdbError("SELECT * FROM sqlite_scan('x.db', 't')", ["SET enable_external_access = false"])) as Error;
    assert.match(autoload.message, /required extension 'sqlite_scanner':\n./, "DuckDB's reason is on its second line");
    const message = plainError(autoload);
    assert.match(message, /^This query needs DuckDB's sqlite_scanner extension, which this console cannot install or load \(.*disabled by configuration\)\.$/);
  });

  it("reads anything thrown, and never answers with nothing", () => {
    assert.equal(plainError("Binder Error: no column x"), "no column x");
    assert.equal(plainError(new Error("")), "The query failed.");
    assert.equal(plainError(new Error("Parser Error: syntax error\n\nLINE 1: SELECT * FROM (x\n                ^")), "syntax error");
  });
});

describe("defaultAxes", () => {
  it("draws the first number that is not a row position, by the first text column that is not an id", () => {
    const page = { columns: ["id", "line", "cluster", "value"], rows: [["s1", 2472, "Sialkot", 300]], total: 1 };
    assert.deepEqual(defaultAxes(page), { x: 2, y: 3 });
  });

  it("never defaults to a line number: a result whose only numbers are lines has no default", () => {
    assert.equal(defaultAxes({ columns: ["id", "line"], rows: [["s1", 12]], total: 1 }), null);
    assert.equal(defaultAxes({ columns: ["id", "source_line", "rank"], rows: [["s1", 12, 1]], total: 1 }), null);
  });

  it("takes an id column as x when it is the only text, and another number when there is no text", () => {
    assert.deepEqual(defaultAxes({ columns: ["id", "n"], rows: [["a", 1]], total: 1 }), { x: 0, y: 1 });
    assert.deepEqual(defaultAxes({ columns: ["year", "n"], rows: [[1990, 1]], total: 1 }), { x: 1, y: 0 });
    assert.equal(defaultAxes({ columns: ["a"], rows: [], total: 0 }), null);
  });

  it("counts a column with nulls among its numbers as a number column", () => {
    assert.deepEqual(numberColumns({ columns: ["a", "b"], rows: [["x", null], ["y", 2]], total: 2 }), [1]);
  });
});

describe("pageOfRows", () => {
  const rows = [
    { name: "b", n: 2 },
    { name: "a", n: null },
    { name: "c", n: 1 },
  ];
  it("pages the build's rows in their order, and sorts them with nulls last either way, as DuckDB's ORDER BY … NULLS LAST", () => {
    assert.deepEqual(pageOfRows(rows, { offset: 1, limit: 1 }), { columns: ["name", "n"], rows: [["a", null]], total: 3 });
    assert.deepEqual(pageOfRows(rows, { offset: 0, limit: 3, orderBy: { column: "n", descending: false } })!.rows.map((r) => r[0]), ["c", "b", "a"]);
    assert.deepEqual(pageOfRows(rows, { offset: 0, limit: 3, orderBy: { column: "n", descending: true } })!.rows.map((r) => r[0]), ["b", "c", "a"]);
    assert.deepEqual(pageOfRows(rows, { offset: 0, limit: 3, orderBy: { column: "name", descending: true } })!.rows.map((r) => r[0]), ["c", "b", "a"]);
  });
  it("gives nothing for no rows or an unknown column (DuckDB then answers)", () => {
    assert.equal(pageOfRows([], { offset: 0, limit: 1 }), null);
    assert.equal(pageOfRows(rows, { offset: 0, limit: 1, orderBy: { column: "nope", descending: false } }), null);
  });
});

describe("progressText", () => {
  it("says how many bytes of the engine and how many tables are loaded", () => {
    assert.equal(progressText({ step: "engine", done: 12_300_000, total: 0 }), "Loading DuckDB: 12.3 MB…");
    assert.equal(progressText({ step: "engine", done: 1_000_000, total: 34_000_000 }), "Loading DuckDB: 1 of 34 MB…");
    assert.equal(progressText({ step: "tables", done: 3, total: 16 }), "Loading the report's tables: 3 of 16…");
    assert.ok(progressFraction({ step: "tables", done: 3, total: 16 })! > progressFraction({ step: "engine", done: 1, total: 2 })!);
  });
});
