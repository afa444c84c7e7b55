import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ParseError } from "../../../data-loaders/errors.ts";
import { parseTable, tableKey, tableNumber } from "../../../data-loaders/normalize/table.ts";

describe("tableKey", () => {
  it("makes a file-safe key from a document and a table label as printed", () => {
    assert.equal(tableKey("thesis", "Table #6"), "thesis-table-6");
    assert.equal(tableKey("thesis", "Table # 3"), "thesis-table-3");
    assert.equal(tableKey("survey", "Table-1"), "survey-table-1");
    assert.deepEqual([tableNumber("Table #12 "), tableNumber("Table")], [12, null]);
  });

  it("refuses a label that ends with no number", () => {
    assert.throws(() => tableKey("thesis", "Table A"), (e: unknown) => e instanceof ParseError && e.message === 'invalid table: "Table A" (expected a table number)');
  });

  it("is the key a parsed table file gets", () => {
    const table = parseTable("# table: Table # 3\n# lines: 1-2\nrow\tcolumn\tcell\nA\tB\t1\n", "raw/thesis/tables/table-3.tsv", "thesis");
    assert.deepEqual([table.key, table.number], [tableKey("thesis", table.table), 3]);
  });
});
