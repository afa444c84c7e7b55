import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { prerender, toVega } from "../../../site/render/render.ts";
import { describeThesisTable1Sectors, thesisTable1SectorsSpec, type SectorRow } from "../../../site/charts/thesis-table-1-sectors.ts";

const row = (sector: string, row_order: number, region: string, column_order: number, unit: string, value: number): SectorRow => ({
  id: `test.${row_order}.${column_order}`,
  sector,
  row_order,
  region,
  column_order,
  unit,
  printed: String(value),
  value,
  value_low: value,
  value_high: value,
  qualifier: "exact",
  cited_source: "ACI (2000)",
});

const ROWS: SectorRow[] = [
  row("Tanneries", 1, "Rio Grande do Sul", 0, "firms", 91),
  row("Tanneries", 1, "Rio Grande do Sul", 1, "workers", 15181),
  row("Tanneries", 1, "Sinos Valley", 2, "firms", 63),
  row("Tanneries", 1, "Sinos Valley", 3, "workers", 10755),
  row("Export Agents and Transportation firms", 4, "Rio Grande do Sul", 0, "firms", 93),
  row("Export Agents and Transportation firms", 4, "Sinos Valley", 2, "firms", 88),
];

const hrefs = (svg: string) => [...svg.matchAll(/<a href="#stat-([^"]+)"/g)].map((m) => m[1]);

describe("thesisTable1SectorsSpec", () => {
  it("draws one linked bar per row, at both widths, and no Total", async () => {
    const chart = await prerender((width) => thesisTable1SectorsSpec(ROWS, { width }), describeThesisTable1Sectors(ROWS));
    for (const [width, svg] of Object.entries(chart.svg)) {
      assert.deepEqual(hrefs(svg).sort(), ROWS.map((d) => d.id).sort(), `width ${width}`);
      assert.ok(!svg.includes("Total"), `width ${width}`);
      // Each bar says what it is to a screen reader.
      assert.ok(svg.includes('aria-label="Sinos Valley, Tanneries: 63 firms (Table #1, ACI (2000))"'), `width ${width}`);
    }
  });

  it("puts firms and workers in separate panels with a scale from zero", () => {
    const vega = toVega(thesisTable1SectorsSpec(ROWS, { width: 340 }));
    const xScales = (vega.scales ?? []).filter((s) => s.name.endsWith("_x"));
    assert.equal(xScales.length, 2);
    for (const scale of xScales) assert.equal((scale.domain as number[])[0], 0);
  });

  it("describes the chart in words, with the Sinos Valley's numbers", () => {
    const text = describeThesisTable1Sectors(ROWS);
    assert.match(text, /2 sectors/);
    assert.match(text, /Sinos Valley firms: Tanneries 63, Export Agents and Transportation firms 88\./);
  });
});
