import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { describeThesisGuadalajaraImports, thesisGuadalajaraImportsSpec, type MexicoFootwearRow } from "../../../site/charts/thesis-guadalajara-imports.ts";
import { dated } from "./fixtures.ts";
import { render } from "./render.ts";

const row = (fields: Parameters<typeof dated>[0], reading: string | null = null): MexicoFootwearRow => ({
  ...dated({ subject: "Mexico", unit: "pairs", ...fields }),
  reading,
  quote: "domestic production (in all of Mexico) fell from 245.2 to 199.6 million pairs of shoes",
});

const ROWS: MexicoFootwearRow[] = [
  row({ id: "imports-1987", panel: "pairs", measure: "shoe_imports", printed: "200,000", value: 2e5, period: "1987", year_start: 1987, year_end: 1987 }),
  row({ id: "imports-1991", panel: "pairs", measure: "shoe_imports", printed: "107 million", value: 1.07e8, period: "1991", year_start: 1991, year_end: 1991 }),
  row({ id: "share-1991", panel: "share", measure: "import_share_of_footwear_consumption", unit: "percent", printed: "a third", value: 33.3, document: "thesis", period: "1991", year_start: 1991, year_end: 1991 }),
  row({ id: "before", panel: "undated", measure: "shoe_production", printed: "245.2", value: 2.452e8 }, "245.2 million (one 'million' scales both numbers)"),
  row({ id: "after", panel: "undated", measure: "shoe_production", printed: "199.6 million", value: 1.996e8 }),
];

describe("thesisGuadalajaraImportsSpec", () => {
  for (const width of [340, 680]) {
    it(`links every number and keeps the undated ones off the year axis, within ${width} px`, async () => {
      const spec = thesisGuadalajaraImportsSpec(ROWS, { width });
      const { width: drawn, marks, marktypes, svg } = await render(spec);
      assert.ok(drawn <= width, `drawn ${drawn} px wide for ${width}`);
      assert.deepEqual(marks.map((m) => m.href).sort(), ROWS.map((d) => `#stat-${d.id}`).sort());
      assert.ok(!marktypes.has("line") && !marktypes.has("area"));
      // The undated panel's x is the number of pairs, not a year.
      const panels = (spec as { vconcat: { transform: { filter: string }[]; encoding: { x: { field: string } } }[] }).vconcat;
      const undated = panels.find((p) => p.transform[0]!.filter === "datum.panel === 'undated'")!;
      assert.equal(undated.encoding.x.field, "value");
      for (const panel of panels.filter((p) => p !== undated)) assert.equal(panel.encoding.x.field, "x_start");
      assert.ok(svg.includes("(read as 245.2 million)"), "the reading of 245.2 is shown");
      assert.ok(svg.includes("pairs (not a year axis)"));
    });
  }

  it("says what it draws", () => {
    assert.match(describeThesisGuadalajaraImports(ROWS), /shoe production 245.2 \(read as 245.2 million\) \(no year printed, survey\)/);
  });
});
