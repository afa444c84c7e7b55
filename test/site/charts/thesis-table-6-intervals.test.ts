import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { IntervalRow } from "../../../site/charts/interval-bars.ts";
import { describeThesisTable6Intervals, thesisTable6IntervalsSpec } from "../../../site/charts/thesis-table-6-intervals.ts";
import { render } from "./render.ts";

const row = (row_order: number, row_label: string, group_order: number, group_label: string, printed: string, n: number, low: number, high: number): IntervalRow => ({
  id: `t6.${row_order}.${group_order}`,
  printed,
  value: Number(printed.replace(",", ".")),
  value_low: Number(printed.replace(",", ".")),
  value_high: Number(printed.replace(",", ".")),
  qualifier: "exact",
  row_order,
  row_label,
  group_order,
  group_label,
  n_id: `t6.n.${group_order}`,
  n_printed: `N=${n}`,
  n_reading: null,
  n,
  wilson_low: low,
  wilson_high: high,
});

// Two printed rows of Table #6, with the intervals the SQL computes for them.
const ROWS: IntervalRow[] = [
  row(0, "Increase in exchange of information and experiences", 0, "All Firms", "55,0", 60, 42.49, 66.91),
  row(0, "Increase in exchange of information and experiences", 1, "Small firms", "61,9", 21, 40.87, 79.25),
  row(1, "Change suppliers less often than before FDA crisis", 0, "All Firms", "16,7", 60, 9.34, 28.07),
  row(1, "Change suppliers less often than before FDA crisis", 1, "Small firms", "0", 21, 0, 15.46),
];

describe("thesisTable6IntervalsSpec", () => {
  for (const width of [340, 680]) {
    it(`draws a linked bar and a linked interval rule per percentage at ${width} px, within the width`, async () => {
      const { width: drawn, marks, svg } = await render(thesisTable6IntervalsSpec(ROWS, { width }));
      assert.ok(drawn <= width, `drawn ${drawn} px wide for ${width}`);
      const bars = marks.filter((m) => m.marktype === "rect");
      const rules = marks.filter((m) => m.marktype === "rule");
      assert.equal(bars.length, ROWS.length);
      assert.equal(rules.length, ROWS.length);
      assert.deepEqual(new Set(marks.map((m) => m.href)), new Set(ROWS.map((d) => `#stat-${d.id}`)));
      for (const bar of bars) assert.match(bar.description, /as printed/);
      for (const rule of rules) {
        assert.match(rule.description, /computed 95% Wilson interval/);
        assert.ok(rule.x2! - rule.x > 1, `the interval ${rule.description} is drawn as a range, not a point`);
      }
      // The printed numbers keep their decimal commas; each group's N is shown.
      for (const text of ["55,0", "61,9", "16,7", "N=60", "N=21"]) assert.ok(svg.includes(text), `${text} is shown`);
    });
  }

  it("says what it draws, and that the intervals are computed", () => {
    const text = describeThesisTable6Intervals(ROWS);
    assert.match(text, /computed 95% Wilson interval/);
    assert.match(text, /All Firms 55,0/);
  });
});
