import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { describeThesisGuadalajaraDevaluation, thesisGuadalajaraDevaluationSpec, type DevaluationRow } from "../../../site/charts/thesis-guadalajara-devaluation.ts";
import { dated } from "./fixtures.ts";
import { render } from "./render.ts";

const row = (fields: Parameters<typeof dated>[0], side: DevaluationRow["side"] = null): DevaluationRow => ({
  ...dated({ document: "thesis", ...fields }),
  side,
  quote: "a quote",
});

const ROWS: DevaluationRow[] = [
  row({ id: "firms-1990", panel: "dated", subject: "Camara de la Industria Del Calzado de Jalisco", measure: "exporting_firms", unit: "firms", printed: "five", value: 5, period: "1990", year_start: 1990, year_end: 1990 }),
  row({ id: "firms-1995", panel: "dated", subject: "Camara de la Industria Del Calzado de Jalisco", measure: "exporting_firms", unit: "firms", printed: "forty", value: 40, period: "1995", year_start: 1995, year_end: 1995 }),
  row({ id: "made", panel: "undated", subject: "Guadalajara", measure: "footwear_output", unit: "pairs", printed: "5 million pairs", value: 5e6 }, "before"),
  row({ id: "exported", panel: "undated", subject: "Guadalajara", measure: "footwear_exports", unit: "pairs_per_year", printed: "10 million pairs", value: 1e7 }, "after"),
];

describe("thesisGuadalajaraDevaluationSpec", () => {
  for (const width of [340, 680]) {
    it(`links every number, marks the 1994 devaluation, and keeps the undated pairs off the year axis, within ${width} px`, async () => {
      const spec = thesisGuadalajaraDevaluationSpec(ROWS, { width });
      const { width: drawn, marks, marktypes, svg } = await render(spec);
      assert.ok(drawn <= width, `drawn ${drawn} px wide for ${width}`);
      assert.deepEqual(marks.map((m) => m.href).sort(), ROWS.map((d) => `#stat-${d.id}`).sort());
      assert.ok(!marktypes.has("line") && !marktypes.has("area"));
      assert.ok(svg.includes("peso devaluation, 1994"));
      assert.ok(svg.includes("10 million pairs per year"));
      const panels = (spec as { vconcat: { encoding: { x: { field: string } } }[] }).vconcat;
      assert.deepEqual(panels.map((p) => p.encoding.x.field), ["x_start", "value"]);
    });
  }

  it("says what it draws", () => {
    assert.match(describeThesisGuadalajaraDevaluation(ROWS), /footwear output 5 million pairs \(prior to the second Mexican financial crises\)/);
  });
});
