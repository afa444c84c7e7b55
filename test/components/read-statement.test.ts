import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import fc from "fast-check";
import { asSubquery } from "../../src/lib/database.ts";
import { ONE_STATEMENT, ONLY_READS, readStatement, RefusedStatement, splitStatements } from "../../src/lib/read-statement.ts";

describe("readStatement", () => {
  let instance: DuckDBInstance;
  let db: DuckDBConnection;
  before(async () => {
    instance = await DuckDBInstance.create(":memory:");
    db = await instance.connect();
    await db.run("CREATE TABLE statistics AS SELECT 1 AS id, 'a;b' AS name");
  });
  after(() => {
    db.closeSync();
    instance.closeSync();
  });

  /** Runs the reader's SQL the way Explore does, as a subquery; null when DuckDB accepts it. */
  const wrapped = (sql: string) => unchecked(asSubquery(sql));
  /** Runs SQL as a subquery, the way Explore did before it checked statements; null when DuckDB accepts it. */
  const unchecked = (subquery: string) =>
    db.run(`SELECT * FROM ${subquery} AS q`).then(
      () => null,
      (e: unknown) => (e as Error).message,
    );

  it("passes every read statement, as typed, and DuckDB runs it as Explore's subquery", async () => {
    const reads = [
      "SELECT * FROM statistics",
      "select name from statistics;",
      "  (SELECT 1) UNION ALL (SELECT 2)  ;  ",
      "WITH x AS (SELECT 1 AS a), y(b) AS (SELECT 2) SELECT * FROM x, y",
      "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3) SELECT * FROM t",
      "DESCRIBE statistics",
      "SUMMARIZE statistics",
      "SHOW TABLES",
      "SHOW statistics",
      "FROM statistics SELECT name",
      "VALUES (1), (2)",
      "SELECT 'INSERT; DROP TABLE statistics' AS s",
      "SELECT $$a;b$$, $tag$ ; DROP $tag$ AS d",
      "SELECT E'it\\'s; fine' AS s",
      'SELECT 1 AS "a;b" -- ; a comment',
      "/* DROP TABLE statistics; */ SELECT 1",
      "SELECT 1 /* nested /* ; */ still ; a comment */",
      "SELECT 1; -- the end",
      "SELECT 1;;",
    ];
    for (const sql of reads) {
      const statement = readStatement(sql);
      assert.equal(await wrapped(sql), null, sql);
      assert.ok(sql.includes(statement), `${sql}: passed as typed`);
    }
  });

  it("refuses each statement that would change something, naming it, and DuckDB would not have run it either", async () => {
    const changes: [string, string][] = [
      ["INSERT INTO statistics VALUES (2, 'x')", "INSERT"],
      ["update statistics SET id = 3", "UPDATE"],
      ["DELETE FROM statistics", "DELETE"],
      ["CREATE TABLE x AS SELECT 1", "CREATE"],
      ["CREATE OR REPLACE MACRO wilson_low(p, n) AS 0", "CREATE"],
      ["DROP TABLE statistics", "DROP"],
      ["ALTER TABLE statistics ADD COLUMN z INTEGER", "ALTER"],
      ["SET enable_external_access = true", "SET"],
      ["RESET lock_configuration", "RESET"],
      ["COPY statistics TO 'out.csv'", "COPY"],
      ["ATTACH ':memory:' AS other", "ATTACH"],
      ["DETACH other", "DETACH"],
      ["INSTALL httpfs", "INSTALL"],
      ["FORCE INSTALL httpfs", "FORCE"],
      ["LOAD httpfs", "LOAD"],
      ["PRAGMA version", "PRAGMA"],
      ["CALL pragma_version()", "CALL"],
      ["EXPORT DATABASE 'x'", "EXPORT"],
      ["BEGIN TRANSACTION", "BEGIN"],
      ["CHECKPOINT", "CHECKPOINT"],
      ["USE memory", "USE"],
      ["EXPLAIN SELECT 1", "EXPLAIN"],
      ["  -- a comment\n  /* another */ (DROP TABLE statistics)", "DROP"],
      ["WITH x AS (SELECT 3 AS id) INSERT INTO statistics SELECT id, 'y' FROM x", "INSERT"],
      ["with x as (select 1) delete from statistics", "DELETE"],
    ];
    for (const [sql, verb] of changes) {
      assert.throws(() => readStatement(sql), (e: unknown) => e instanceof RefusedStatement && e.message.startsWith(ONLY_READS) && e.message.includes(` ${verb} `), sql);
      assert.notEqual(await unchecked(`(${sql}\n)`), null, sql);
    }
  });

  it("refuses several statements as several, and an empty query as empty", () => {
    for (const [sql, n] of [["SELECT 1; SELECT 2", 2], ["SELECT 1; DROP TABLE statistics", 2], ["SELECT ';'; SELECT 2; -- x\n SELECT 3;", 3]] as const) {
      assert.throws(() => readStatement(sql), (e: unknown) => e instanceof RefusedStatement && e.message.startsWith(`${ONE_STATEMENT}: this query holds ${n} statements`), sql);
    }
    for (const sql of ["", "  ", ";", " ; ; ", "-- nothing\n", "/* nothing */"]) {
      assert.throws(() => readStatement(sql), /The query is empty\./, JSON.stringify(sql));
    }
  });

  it("counts statements as DuckDB's parser does, whatever quotes and comments hold semicolons", async () => {
    const pieces = [
      "SELECT 1",
      "SELECT ';' AS a",
      "SELECT 'it''s;' AS a",
      'SELECT 1 AS "x;""y"',
      "SELECT $$;$$",
      "SELECT $q$ ; $$ ; $q$",
      "SELECT E'\\\\'';' AS a",
      "SELECT 1 -- ; comment\n",
      "SELECT /* ; /* ; */ ; */ 2",
      "FROM statistics",
      "DESCRIBE statistics",
      "  ",
      "-- only a comment\n",
    ];
    // DuckDB's extractStatements refuses SQL with no statement at all: that is a count of 0.
    const count = async (sql: string) => (splitStatements(sql).length === 0 ? assert.rejects(db.extractStatements(sql)).then(() => 0) : (await db.extractStatements(sql)).count);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 6 }), fc.constantFrom(";", ";\n", " ; "), async (parts, separator) => {
        const sql = parts.join(separator);
        assert.equal(splitStatements(sql).length, await count(sql), JSON.stringify(sql));
      }),
      { numRuns: 300 },
    );
  });
});
