import assert from "node:assert/strict";
import { writeFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { DuckDBInstance } from "@duckdb/node-api";
import { readExploreLink, writeExploreLink } from "../../src/lib/explore-link.ts";
import { parquetType, resultCsv, resultParquet, fileStem } from "../../src/lib/result-files.ts";
import { compactSql, sameQuery } from "../../src/lib/sql-text.ts";

const examples = [{ file: "units.sql", sql: "-- Units of the report\nSELECT unit,\n  kind\nFROM units;\n" }];

describe("compactSql", () => {
  it("drops comments and blanks outside quotes, and keeps quotes byte for byte", () => {
    assert.equal(compactSql("-- a title\nSELECT  a,\n b -- why\nFROM t; "), "SELECT a, b FROM t");
    assert.equal(compactSql("SELECT '--not  a comment', \"x  y\" /* c /* nested */ */ FROM t;;"), "SELECT '--not  a comment', \"x  y\" FROM t");
    assert.equal(compactSql("SELECT E'it\\'s -- kept' AS a"), "SELECT E'it\\'s -- kept' AS a");
    assert.equal(compactSql("SELECT $tag$ a -- b $tag$, 'it''s'"), "SELECT $tag$ a -- b $tag$, 'it''s'");
    assert.ok(sameQuery(examples[0]!.sql, "SELECT unit, kind FROM units"));
    assert.ok(!sameQuery("SELECT 'a  b'", "SELECT 'a b'"));
  });
});

describe("Explore links", () => {
  it("name an example by its file, carry sort and page, and read back the same state", () => {
    const state = { sql: examples[0]!.sql, orderBy: { column: "kind", descending: true }, page: 3 };
    const link = writeExploreLink(state, examples);
    assert.equal(link, "?q=units&sort=kind&desc=1&page=3");
    assert.deepEqual(readExploreLink(link, examples), state);
  });

  it("carry any other query without its comments, and stay short", () => {
    const sql = `SELECT 42 AS answer /* ${"a long comment ".repeat(100)} */`;
    const link = writeExploreLink({ sql, page: 1 }, examples);
    assert.equal(link, "?sql=SELECT+42+AS+answer");
    assert.deepEqual(readExploreLink(link, examples), { sql: "SELECT 42 AS answer", orderBy: undefined, page: 1 });
  });

  it("read nothing from a link without a query or with an unknown example, and page 1 from a bad page", () => {
    assert.equal(readExploreLink("", examples), null);
    assert.equal(readExploreLink("?q=nope", examples), null);
    assert.equal(readExploreLink("?sql=SELECT+1&page=-2", examples)!.page, 1);
    assert.equal(readExploreLink("?sql=SELECT+1&page=x", examples)!.page, 1);
  });
});

describe("result files", () => {
  it("write CSV as the report's CSVs: NULL empty, the empty string quoted, quotes doubled", () => {
    assert.equal(resultCsv(["a", "b"], [["x, y", null], ["", 'say "hi"']]), 'a,b\n"x, y",\n"",\"say \"\"hi\"\"\"\n');
  });

  it("write Parquet that DuckDB reads back with the same values and types", async () => {
    const folder = await mkdtemp(join(tmpdir(), "result-parquet-"));
    try {
      const file = join(folder, "r.parquet");
      await writeFile(file, new Uint8Array(await resultParquet(["name", "n", "share", "none", "flag"], [["x", 1, 1.5, null, true], [null, 2, null, null, false], ["", 3, 2, null, null]])));
      const instance = await DuckDBInstance.create(":memory:");
      const connection = await instance.connect();
      const reader = await connection.runAndReadAll(`SELECT * FROM '${file}'`);
      assert.deepEqual(reader.getRowObjectsJS(), [
        { name: "x", n: 1, share: 1.5, none: null, flag: true },
        { name: null, n: 2, share: null, none: null, flag: false },
        { name: "", n: 3, share: 2, none: null, flag: null },
      ]);
      assert.deepEqual(reader.columnTypes().map(String), ["VARCHAR", "INTEGER", "DOUBLE", "VARCHAR", "BOOLEAN"]);
      connection.closeSync();
      instance.closeSync();
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it("types a column of large whole numbers as DOUBLE, and names files plainly", () => {
    assert.equal(parquetType([1, 2 ** 40]), "DOUBLE");
    assert.equal(fileStem("Survey Table-1: coverage (São Paulo)"), "survey-table-1-coverage-sao-paulo");
  });
});
