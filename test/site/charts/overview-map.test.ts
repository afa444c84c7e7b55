import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { readLedger, type Ledger } from "../../../data-loaders/normalize/ledger.ts";
import { RAW_DIR } from "../../../data-loaders/paths.ts";
import { SQL_DIR } from "../../../site/paths.ts";
import { queryLedger } from "../../../site/loader/ledger-database.ts";
import { prerender, RENDER_WIDTHS } from "../../../site/render/render.ts";
import { CHARTS } from "../../../site/charts/index.ts";
import { ATLAS_COUNTRIES } from "../../../site/charts/geo/atlas.ts";
import { toTenth } from "../../../site/charts/geo/planar.ts";
import { projectedMap } from "../../../site/charts/geo/projected-map.ts";
import { overviewMapSpec, type ClusterCountryRow } from "../../../site/charts/overview-map.ts";

/** The markup of one mark container of a Vega SVG, by the mark's name (its items, up to the container's end). */
function markContainer(svg: string, name: string): string {
  const start = svg.indexOf(`role-mark ${name}_marks`);
  assert.ok(start >= 0, `no mark ${name}`);
  return svg.slice(start, svg.indexOf("</g>", start));
}

const count = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].length;

describe("overview map", () => {
  let ledger: Ledger;
  let rows: ClusterCountryRow[];
  let chart: { svg: Record<string, string>; description: string };

  before(async () => {
    ledger = await readLedger(RAW_DIR);
    rows = (await queryLedger(ledger, await readFile(join(SQL_DIR, "overview-clusters.sql"), "utf8"))) as unknown as ClusterCountryRow[];
    chart = await prerender((width) => overviewMapSpec(rows, { width }), CHARTS["overview-map"]!.describe(rows as never[]));
  });

  it("is registered with its query", () => {
    assert.equal(CHARTS["overview-map"]?.sql, "overview-clusters.sql");
  });

  it("draws a path per atlas country and a symbol per country with a cluster, at both widths", () => {
    for (const width of RENDER_WIDTHS) {
      const svg = chart.svg[width]!;
      assert.match(svg, new RegExp(`^<svg [^>]*width="${width}"`), `width ${width}`);
      assert.equal(count(markContainer(svg, "countries"), /<path /g), ATLAS_COUNTRIES.length, `width ${width}: country paths`);
      assert.equal(count(markContainer(svg, "symbols"), /<path /g), rows.length, `width ${width}: symbols`);
    }
  });

  it("links every symbol and label that shows a number to its statistic, and no other", () => {
    const numbered = rows.filter((d) => d.id !== null);
    assert.deepEqual(
      numbered.map((d) => d.country),
      ["Brazil", "India", "Mexico"],
    );
    for (const width of RENDER_WIDTHS) {
      const svg = chart.svg[width]!;
      const symbols = markContainer(svg, "symbols");
      const links = [...symbols.matchAll(/<a href="#stat-([^"]+)"/g)].map((m) => m[1]);
      assert.deepEqual(links, numbered.map((d) => d.id), `width ${width}`);
      // Every link's mark says what it is to a screen reader.
      assert.equal(count(symbols, /<a href="#stat-[^"]+"><path [^>]*aria-label="[^"]+"/g), numbered.length, `width ${width}`);
      const labels = markContainer(svg, "labels_left") + markContainer(svg, "labels_right");
      assert.deepEqual([...labels.matchAll(/<a href="#stat-([^"]+)"/g)].map((m) => m[1]).sort(), numbered.map((d) => d.id).sort(), `width ${width}`);
      assert.ok(!svg.includes('href="null"'), `width ${width}`);
      for (const d of numbered) assert.ok(labels.includes(`>${d.printed} `), `width ${width}: label for ${d.country}`);
    }
  });

  it("sizes a country by the largest worker count printed for one of its clusters, never a sum", () => {
    const measures = new Set(["workers", "employees", "footwear_workers", "cluster_workers"]);
    for (const row of rows) {
      const clusters = new Set(row.clusters.split("; ").map((c) => c.replace(/ \(.*\)$/, "")));
      const counts = ledger.statistics.filter((s) => clusters.has(s.subject) && s.unit === "workers" && measures.has(s.measure));
      assert.equal(row.worker_counts_printed, counts.length, row.country);
      if (counts.length === 0) {
        assert.equal(row.id, null, row.country);
        continue;
      }
      const largest = Math.max(...counts.map((s) => s.value ?? s.value_low ?? -Infinity));
      const chosen = ledger.statistics.find((s) => s.id === row.id)!;
      assert.equal(chosen.value ?? chosen.value_low, largest, row.country);
      assert.equal(row.value ?? row.value_low, largest, row.country);
    }
  });

  it("draws symbol areas in proportion to the counts", () => {
    const spec = overviewMapSpec(rows, { width: 680 }) as unknown as { layer: { name: string; data: { values: { country: string; area: number }[] } }[] };
    const symbols = spec.layer.find((l) => l.name === "symbols")!.data.values;
    const area = (country: string) => symbols.find((s) => s.country === country)!.area;
    const value = (country: string) => rows.find((d) => d.country === country)!.value!;
    assert.ok(Math.abs(area("Brazil") / area("India") - value("Brazil") / value("India")) < 0.01);
    assert.ok(Math.abs(area("Mexico") / area("India") - value("Mexico") / value("India")) < 0.01);
  });

  it("places each symbol at its country's centroid, and shades the countries with a cluster", () => {
    type Layer = { name: string; data: { values: { country: string; x: number; y: number; properties: { name: string; cluster: boolean } }[] } };
    for (const width of RENDER_WIDTHS) {
      const spec = overviewMapSpec(rows, { width }) as unknown as { layer: Layer[] };
      const map = projectedMap(width);
      for (const symbol of spec.layer.find((l) => l.name === "symbols")!.data.values) {
        const [x, y] = map.centroids.get(symbol.country)!;
        assert.deepEqual([symbol.x, symbol.y], [toTenth(x), toTenth(y)], `${symbol.country} (width ${width})`);
      }
      const shaded = spec.layer.find((l) => l.name === "countries")!.data.values.filter((s) => s.properties.cluster).map((s) => s.properties.name);
      assert.deepEqual(shaded.sort(), rows.map((d) => d.country).sort(), `width ${width}`);
    }
  });
});
