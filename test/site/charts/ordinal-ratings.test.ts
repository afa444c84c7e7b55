import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { prerender } from "../../../site/render/render.ts";
import { describeOrdinalRatings, LEVEL_COLOURS, ordinalRatingsSpec, type RatingRow } from "../../../site/charts/ordinal-ratings.ts";

const rating = (id: string, row_order: number, column_order: number, printed: string, low: number, high: number): RatingRow => ({
  id,
  row_label: ["Market Share", "Upgrading / Functional upgrading"][row_order]!,
  row_order,
  column_label: ["Quasi-hierarchies / US", "Quasi-hierarchies / Europe", "Market relationships / Domestic"][column_order]!,
  column_order,
  printed,
  value: low === high ? low : null,
  value_low: low,
  value_high: high,
  qualifier: low === high ? "exact" : "range",
  cited_source: null,
});

const ROWS: RatingRow[] = [
  rating("t.high", 0, 0, "High", 5, 5),
  rating("t.medium", 0, 1, "Medium", 3, 3),
  rating("t.low", 0, 2, "Low", 1, 1),
  rating("t.range", 1, 1, "Low to medium", 1, 3),
  rating("t.range-2", 1, 2, "High to medium high", 4, 5),
];

/** Each linked mark of an SVG: the statistic it links to and the fill it is drawn in. */
function linkedMarks(svg: string): { id: string; fill: string }[] {
  return [...svg.matchAll(/<a href="#stat-([^"]+)"><path [^>]*?fill="([^"]+)"/g)].map((m) => ({ id: m[1]!, fill: m[2]! }));
}

describe("ordinalRatingsSpec", () => {
  it("links every rating, draws a single level as one cell in its colour and a range as two halves, never a point", async () => {
    const chart = await prerender((width) => ordinalRatingsSpec(ROWS, { width }, { table: "Table #4" }), "test");
    for (const [width, svg] of Object.entries(chart.svg)) {
      const marks = linkedMarks(svg);
      for (const d of ROWS) {
        const own = marks.filter((m) => m.id === d.id);
        const ends = d.value === null ? [d.value_low!, d.value_high!] : [d.value!];
        assert.deepEqual(own.map((m) => m.fill.toLowerCase()), ends.map((level) => LEVEL_COLOURS[level - 1]), `${d.id} at ${width}`);
      }
      assert.equal(marks.length, 3 + 2 * 2, `width ${width}`);
      assert.ok(!svg.includes("mark-symbol"), "no point marks");
      // The printed words are on the chart, whole.
      assert.ok(svg.includes(">High to medium high<") || svg.includes(">High to medium<"), `width ${width}`);
    }
  });

  it("keeps the drawing inside the width it is given", async () => {
    const chart = await prerender((width) => ordinalRatingsSpec(ROWS, { width }, { table: "Table #4" }), "test");
    for (const [width, svg] of Object.entries(chart.svg)) {
      const drawn = Number(/<svg [^>]*width="([\d.]+)"/.exec(svg)![1]);
      assert.ok(drawn <= Number(width) + 4, `drawn ${drawn} for ${width}`);
    }
  });

  it("describes every rating as printed, and says how ranges are drawn", () => {
    const text = describeOrdinalRatings(ROWS, { table: "Table #4" });
    assert.match(text, /5 ratings/);
    assert.match(text, /2 printed as a range and drawn as a cell in two halves/);
    assert.match(text, /Upgrading \/ Functional upgrading: Europe Low to medium, Domestic High to medium high\./);
  });
});
