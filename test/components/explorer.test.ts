import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DuckDBInstance } from "@duckdb/node-api";
import { plainError } from "../../src/components/explorer.ts";
import { categoryAndNumber } from "../../src/components/quick-bars.ts";

describe("plainError", () => {
  it("gives DuckDB's own errors in words, without their class or the lines after", async () => {
    const instance = await DuckDBInstance.create(":memory:");
    const db = await instance.connect();
    try {
      for (const sql of ["SELEC 1", "SELECT nope FROM range(1)", "SELECT * FROM no_such_table"]) {
        const error = await db.run(sql).then(
          () => assert.fail(`${sql} ran`),
          (e: unknown) => e,
        );
        const message = plainError(error);
        assert.doesNotMatch(message, /^\w+ Error:|\n/, sql);
        assert.ok(message.length > 0 && (error as Error).message.includes(message), `${sql}: ${message}`);
      }
    } finally {
      db.closeSync();
      instance.closeSync();
    }
  });

  it("reads anything thrown, and never answers with nothing", () => {
    assert.equal(plainError("Binder Error: no column x"), "no column x");
    assert.equal(plainError(new Error("")), "The query failed.");
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
