import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DuckDBInstance } from "@duckdb/node-api";
import { plainError } from "../../src/components/explorer.ts";
import { categoryAndNumber } from "../../src/components/quick-bars.ts";

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

describe("categoryAndNumber", () => {
  it("finds the first text column and the first number column of the first row", () => {
    assert.deepEqual(categoryAndNumber({ columns: ["n", "name", "m"], rows: [[3, "x", 4]], total: 1 }), { category: 1, value: 0 });
    assert.deepEqual(categoryAndNumber({ columns: ["a", "b", "c"], rows: [["x", "y", 2]], total: 1 }), { category: 0, value: 2 });
  });

  it("finds none without rows, text or a number", () => {
    assert.equal(categoryAndNumber({ columns: ["a"], rows: [], total: 0 }), null);
    assert.equal(categoryAndNumber({ columns: ["a", "b"], rows: [["x", "y"]], total: 1 }), null);
    assert.equal(categoryAndNumber({ columns: ["a", "b"], rows: [[1, 2]], total: 1 }), null);
  });
});
