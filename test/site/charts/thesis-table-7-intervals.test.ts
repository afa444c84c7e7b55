import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { IntervalRow } from "../../../site/charts/interval-bars.ts";
import { describeThesisTable7Intervals, thesisTable7IntervalsSpec } from "../../../site/charts/thesis-table-7-intervals.ts";
import { render } from "./render.ts";

const row = (row_order: number, row_label: string, group_order: number, printed: string, n_printed: string, n: number, low: number, high: number, n_reading: string | null = null): IntervalRow => ({
  id: `t7.${row_order}.${group_order}`,
  printed,
  value: Number(printed),
  value_low: Number(printed),
  value_high: Number(printed),
  qualifier: "exact",
  row_order,
  row_label,
  group_order,
  group_label: group_order === 0 ? "Domestic Market" : "International Market",
  n_id: `t7.${row_order}.${group_order}.n`,
  n_printed,
  n_reading,
  n,
  wilson_low: low,
  wilson_high: high,
});

// Two printed rows of Table #7: the misprinted N025, and the one domestic N of 59.
const ROWS: IntervalRow[] = [
  row(0, "Information exchange", 0, "67.2", "N=61", 61, 54.71, 77.65),
  row(0, "Information exchange", 1, "80.0", "N025", 25, 60.87, 91.14, "N=25 (the 0 stands where '=' belongs)"),
  row(1, "Production organization", 0, "13.6", "N=59", 59, 7.06, 24.59),
  row(1, "Production organization", 1, "20.0", "N=25", 25, 8.86, 39.13),
];

describe("thesisTable7IntervalsSpec", () => {
  for (const width of [340, 680]) {
    it(`draws a linked bar and interval per cell at ${width} px, each labelled with its cell's N as printed`, async () => {
      const { width: drawn, marks, svg } = await render(thesisTable7IntervalsSpec(ROWS, { width }));
      assert.ok(drawn <= width, `drawn ${drawn} px wide for ${width}`);
      assert.equal(marks.filter((m) => m.marktype === "rect").length, 4);
      const rules = marks.filter((m) => m.marktype === "rule");
      assert.equal(rules.length, 4);
      for (const rule of rules) assert.ok(rule.x2! - rule.x > 1 && /computed 95% Wilson interval/.test(rule.description));
      // The N varies by cell, so each label prints it, typo included.
      for (const text of ["67.2 (N=61)", "80.0 (N025)", "13.6 (N=59)"]) assert.ok(svg.includes(text), `${text} is shown`);
      assert.ok(marks.some((m) => m.description.includes("N025 (read as N=25)")));
    });
  }

  it("says what it draws", () => {
    assert.match(describeThesisTable7Intervals(ROWS), /Table #7 prints, each with a computed 95% Wilson interval/);
  });
});
