import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { describeThesisSialkotExports, fromPrinted, thesisSialkotExportsSpec, type SialkotExportRow } from "../../../site/charts/thesis-sialkot-exports.ts";
import { dated } from "./fixtures.ts";
import { render } from "./render.ts";

const ROWS: SialkotExportRow[] = [
  { ...dated({ id: "over", panel: "dollars", printed: "over a US$ 100 million", value: 1e8, value_high: null, qualifier: "more_than", document: "thesis", period: "Up until 1992", year_start: 1992, year_end: 1992 }), quote: "export products worth over a US$ 100 million" },
  { ...dated({ id: "span", panel: "dollars", printed: "$125 million", value: 1.25e8, period: "1995-96", year_start: 1995, year_end: 1996 }), quote: "exported $125 million worth of surgical instruments in 1995-96" },
  {
    ...dated({ id: "change", panel: "percent change", printed: "25%", value: 25, unit: "percent_change", document: "thesis", period: "by late 1997", year_start: 1997, year_end: 1997 }),
    quote: "the export volumes of the Sialkot cluster had rebounded by 25% above the quantities exported in 1992-93",
  },
];

describe("thesisSialkotExportsSpec", () => {
  for (const width of [340, 680]) {
    it(`links every number, draws a period as a span and a year as a point, within ${width} px`, async () => {
      const { width: drawn, marks, marktypes, svg } = await render(thesisSialkotExportsSpec(ROWS, { width }));
      assert.ok(drawn <= width, `drawn ${drawn} px wide for ${width}`);
      assert.deepEqual(marks.map((m) => m.href).sort(), ["#stat-change", "#stat-over", "#stat-span"]);
      for (const mark of marks) assert.ok(mark.description.length > 20, `${mark.href} has a description`);
      const span = marks.find((m) => m.href === "#stat-span")!;
      assert.equal(span.marktype, "rule");
      assert.ok(span.x2! - span.x > 5, "1995-96 is drawn as a span from 1995 to 1996, not a point");
      assert.equal(marks.find((m) => m.href === "#stat-over")!.marktype, "symbol");
      // Separate statements are never joined by a line, and no area is filled between them.
      assert.ok(!marktypes.has("line") && !marktypes.has("area"), `mark types: ${[...marktypes].join(", ")}`);
      assert.ok(svg.includes("over a US$ 100 million"), "the lower bound says 'over', as printed");
      assert.ok(svg.includes("FDA ruling, May 1994"), "the FDA ruling is annotated");
    });
  }

  it("labels the percent change with the words that follow it in the quote", () => {
    assert.equal(fromPrinted(ROWS[2]!), "25% above the quantities exported in 1992-93");
  });

  it("puts the percent change in a panel of its own, not on the dollar axis", () => {
    const spec = thesisSialkotExportsSpec(ROWS, { width: 680 }) as { vconcat: { transform: { filter: string }[] }[] };
    assert.deepEqual(
      spec.vconcat.map((panel) => panel.transform[0]!.filter),
      ["datum.panel === 'dollars'", "datum.panel !== 'dollars'"],
    );
  });

  it("says what it draws", () => {
    assert.match(describeThesisSialkotExports(ROWS), /not joined/);
  });
});
