import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { CHARTS } from "../../../site/charts/index.ts";
import { SQL_DIR } from "../../../site/paths.ts";

describe("the chart registry", () => {
  it("gives each chart a query that exists, named after the chart unless it names another", () => {
    for (const [name, chart] of Object.entries(CHARTS)) {
      assert.ok(existsSync(join(SQL_DIR, chart.sql)), `${name}: src/sql/${chart.sql}`);
      if (name !== "overview-map") assert.equal(chart.sql, `${name}.sql`);
    }
    assert.equal(CHARTS["overview-map"]!.sql, "overview-clusters.sql");
    assert.deepEqual(CHARTS["survey-table-1-employment"]!.variants, ["log", "linear"]);
  });

  it("draws Tables #4 and #8 with one chart, each named in its text alternative", () => {
    const row = { id: "x", printed: "Medium", value: 3, value_low: null, value_high: null, qualifier: "", row_label: "Trust", row_order: 1, column_label: "Firms", column_order: 1, cited_source: null };
    for (const [name, table] of [["thesis-table-4-ratings", "Table #4"], ["thesis-table-8-ratings", "Table #8"]] as const) {
      assert.match(CHARTS[name]!.describe([row] as never[]), new RegExp(table));
    }
  });
});
