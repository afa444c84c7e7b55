import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ParseError } from "../../../data-loaders/errors.ts";
import { parseTable, rowGroupOf, tableKey, tableNumber } from "../../../data-loaders/normalize/table.ts";

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

describe("printed stub headers and row groups", () => {
  const file = (meta: string, rows: string) => `# table: Table #4\n# lines: 1-2\n${meta}row\tcolumn\tcell\n${rows}`;
  const rows = "Market Share\tUS\tHigh\nUpgrading / Functional\tUS\tLow\nUpgrading / Product\tUS\tHigh\n";
  it("keeps the stub header and the groups, and tells each row's group", () => {
    const t = parseTable(file("# stub: Dimensions\n# row-group: Upgrading\n", rows), "t.tsv", "thesis");
    assert.equal(t.stub, "Dimensions");
    assert.deepEqual(t.row_groups, ["Upgrading"]);
    assert.deepEqual(t.rows.map((r) => rowGroupOf(t, r)), [null, "Upgrading", "Upgrading"]);
  });
  it("has an empty stub when none is printed", () => {
    assert.equal(parseTable(file("# row-group: Upgrading\n", rows), "t.tsv", "thesis").stub, "");
  });
  it("refuses a grouped row without its group, a group without rows, and a group's rows apart", () => {
    assert.throws(() => parseTable(file("", rows), "t.tsv", "thesis"), /t\.tsv:5: invalid row: "Upgrading \/ Functional" \("Upgrading" is not a printed row group/);
    assert.throws(() => parseTable(file("# row-group: Upgrading\n# row-group: Other\n", rows), "t.tsv", "thesis"), /t\.tsv:4: invalid # row-group: "Other" \(no row is labelled "Other \/ …"\)/);
    const apart = "Upgrading / Functional\tUS\tLow\nMarket Share\tUS\tHigh\nUpgrading / Product\tUS\tHigh\n";
    assert.throws(() => parseTable(file("# row-group: Upgrading\n", apart), "t.tsv", "thesis"), /not printed one after another/);
  });
});
