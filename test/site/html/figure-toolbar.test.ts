import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { diagramHtml } from "../../../site/html/diagram.ts";
import { figureHtml } from "../../../site/html/figure.ts";
import { chartCsv, chartSourcesHtml, chartTableHtml, downloadName, offerDownload, standaloneSvg } from "../../../site/html/figure-toolbar.ts";
import { pageContext } from "../../../site/html/page-context.ts";
import type { Provenance } from "../../../site/view/provenance.ts";
import { pngScale, shareAddress, variantFile } from "../../../src/components/figure-toolbar.ts";

const record = (id: string, printed: string, extra: Partial<Provenance> = {}): Provenance => ({
  id, document: "thesis", locator: "Table #6", page: 95, line: 10, subject: "Sialkot", measure: "share_firms", printed,
  reading: null, unit: "percent", period: null, cited_source: "Nadvi (1999), p. 1614", quote: `“${printed}”`, note: null, findings: [], ...extra,
});

const svg = (w: number) => `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="10" viewBox="0 0 ${w} 10"><a href="#stat-s.a" aria-label="x"><path fill="currentColor"/></a></svg>`;
const chart = { svg: { "320": svg(320), "560": svg(560), "320:linear": svg(321), "560:linear": svg(561) }, variants: ["log", "linear"], description: "A chart" };
const rows = [
  { group_label: "Small, firms", row_order: 0, id: "s.a", printed: "55,0", value: 55, value_low: 55, value_high: 55, n: 21, wilson_low: 40.12 },
  { group_label: "Large", row_order: 1, id: "s.b", printed: "Medium to High", value: null, value_low: 3, value_high: 5, n: 17, wilson_low: null },
];
const provenance = { "s.a": record("s.a", "55,0"), "s.b": record("s.b", "Medium to High", { document: "survey", locator: "Table-1", page: null, line: 400, cited_source: null, unit: "ordinal_1_5" }) };

describe("standaloneSvg", () => {
  it("makes a file that renders alone: XML declaration, namespace, size, white ground, dark ink, a title, no links into the page", () => {
    const out = standaloneSvg(svg(560), { title: "Cap & more", description: "D" });
    assert.match(out, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="560"/);
    assert.match(out, /color="#1a1a1a"/);
    assert.match(out, /<title>Cap &amp; more<\/title><desc>D<\/desc><rect width="100%" height="100%" fill="#ffffff"\/>/);
    assert.doesNotMatch(out, /<a\b|href=|aria-label/);
    assert.match(out, /<g><path fill="currentColor"\/><\/g>/);
    // A drawing with only a viewBox (the diagrams) gets its size from it, and keeps its own title.
    const diagram = standaloneSvg('<svg viewBox="0 0 300 120" role="img"><title id="t">Own</title><text>x</text></svg>', { title: "Other" });
    assert.match(diagram, /^<\?xml[^\n]*\n<svg [^>]*width="300" height="120"[^>]*><title id="t">Own<\/title><rect /);
    assert.match(diagram, /<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.doesNotMatch(diagram, /Other|role=/);
    assert.throws(() => standaloneSvg("<div>", { title: "x" }), /invalid drawing/);
  });
});

describe("chartCsv", () => {
  it("writes the statistic's id first, every column of the query, the unit (the statistic's when the query has none), quoting as RFC 4180", () => {
    const lines = chartCsv(rows, provenance).trimEnd().split("\n");
    assert.equal(lines[0], "statistic_id,group_label,row_order,printed,value,value_low,value_high,n,wilson_low,unit");
    assert.equal(lines[1], 's.a,"Small, firms",0,"55,0",55,55,55,21,40.12,percent');
    assert.equal(lines[2], "s.b,Large,1,Medium to High,,3,5,17,,ordinal_1_5");
    assert.equal(lines.length, rows.length + 1);
  });
});

describe("chartTableHtml", () => {
  it("shows one row per row drawn: labels, the number as printed linked to its page and card, how it reads, its unit, then what is computed", () => {
    const html = chartTableHtml(pageContext("/thesis/sialkot"), rows, provenance, { caption: "Chart" });
    assert.match(html, /<thead><tr><th scope="col">Group<\/th><th scope="col">As printed<\/th><th scope="col">Read as<\/th><th scope="col">Unit<\/th><th scope="col">N<\/th><th scope="col">95% interval, low \(computed\)<\/th><\/tr>/);
    assert.equal(html.match(/<tr><td>/g)?.length, rows.length);
    assert.match(html, /<a class="stat" href="\.\.\/numbers\/s\.a" id="stat-s\.a" data-stat="s\.a">55,0<\/a><button[^>]*popovertarget="source-s\.a"/);
    assert.match(html, /<td class="num">3–5<\/td><td>ordinal 1 5<\/td>/);
    assert.doesNotMatch(html, /note-ref/, "the Table view does not print: the printed chart carries the note marks");
    assert.match(html, /<td class="num">40\.1<\/td>/);
    assert.match(html, /class="table-scroll" role="region"/);
  });
});

describe("chartSourcesHtml", () => {
  it("names each document and where in it the numbers stand, the studies cited (to the bibliography), and opens the query in Explore", () => {
    const html = chartSourcesHtml(pageContext("/thesis/sialkot"), ["s.a", "s.b"], provenance, { sql: "thesis-table-6-intervals.sql" });
    assert.match(html, /The chart's 2 numbers come from/);
    assert.match(html, /Thesis: BAs[^<]*<\/strong> \(<a href="\.\.\/sources\/thesis">the text, annotated<\/a>\): Table #6, p\. 95 \(text line 10\)/);
    assert.match(html, /Table-1, page not printed \(text line 400\)/);
    assert.match(html, /<a href="\.\.\/bibliography#work-nadvi-1999">Nadvi \(1999\)<\/a>/);
    assert.match(html, /<a href="\.\.\/explore\?q=thesis-table-6-intervals">open it in Explore<\/a>/);
    assert.match(chartSourcesHtml(pageContext("/"), [], {}, {}), /draws no number of the ledger/);
  });
});

describe("figureHtml with rows", () => {
  it("adds the toolbar, the Table and Sources views, and offers an SVG per variant and a CSV under the figure's id", () => {
    const context = pageContext("/survey");
    const html = figureHtml(context, chart, { id: "emp-chart", caption: "Cap", provenance, rows, sql: "x.sql" });
    assert.match(html, /<figure class="chart" id="emp-chart" data-figure-tools="">/);
    assert.match(html, /<a class="figure-share" href="#emp-chart"/);
    assert.match(html, /<a class="figure-download" href="figures\/emp-chart\.svg" download="emp-chart\.svg" data-format="svg" data-variants="log linear"/);
    assert.match(html, /<button type="button" class="figure-download" hidden data-format="png"/);
    assert.match(html, /href="figures\/emp-chart\.csv" download="emp-chart\.csv"/);
    assert.match(html, /<div class="chart-drawing" id="emp-chart-chart">/);
    assert.match(html, /<details class="figure-view screen-only" id="emp-chart-table" data-view="table"><summary>Table: the 2 rows the chart draws<\/summary>/);
    assert.match(html, /<details class="figure-view screen-only" id="emp-chart-sources" data-view="sources">/);
    assert.deepEqual([...context.downloads.keys()].sort(), ["figures/emp-chart-linear.svg", "figures/emp-chart.csv", "figures/emp-chart.svg"]);
    assert.match(context.downloads.get("figures/emp-chart-linear.svg")!, /width="561"/);
    // Without rows (or an id) a figure stays a drawing alone, as before.
    assert.doesNotMatch(figureHtml(pageContext("/survey"), chart, { id: "c", caption: "Cap", provenance }), /figure-toolbar/);
  });

  it("refuses two figures that would write different files under one name, and a name that is not a plain file name", () => {
    const context = pageContext("/a");
    offerDownload(context, "x.csv", "1");
    assert.doesNotThrow(() => offerDownload(context, "x.csv", "1"));
    assert.throws(() => offerDownload(context, "x.csv", "2"), /invalid figure id: "x\.csv"/);
    assert.throws(() => downloadName("../x"), /invalid figure id/);
  });
});

describe("diagramHtml with a page", () => {
  it("gets a share link and an SVG download, and no PNG or CSV (it has no rows)", () => {
    const context = pageContext("/thesis/theory");
    const figure = { number: 1, caption: "Figure #1", svg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"></svg>', basis: [{ line: 1, quote: "q" }], missing: "m" };
    const html = diagramHtml(figure as never, { id: "figure-1", context });
    assert.match(html, /<a class="figure-share" href="#figure-1"/);
    assert.match(html, /href="..\/figures\/figure-1\.svg" download="figure-1\.svg"/);
    assert.doesNotMatch(html, /data-format="(png|csv)"/);
    assert.ok(context.downloads.has("figures/figure-1.svg"));
  });
});

describe("the toolbar's script", () => {
  it("names a variant's SVG file, the share address and the PNG's scale", () => {
    assert.equal(variantFile("../figures/c.svg", ["log", "linear"], "linear"), "../figures/c-linear.svg");
    assert.equal(variantFile("../figures/c-linear.svg", ["log", "linear"], "log"), "../figures/c.svg");
    assert.equal(variantFile("../figures/c.svg", [], undefined), "../figures/c.svg");
    assert.equal(shareAddress({ href: "http://h/thesis/sialkot?x=1#old", hash: "#old" }, "table-6-chart"), "http://h/thesis/sialkot?x=1#table-6-chart");
    assert.equal(pngScale(1), 2);
    assert.equal(pngScale(2.5), 3);
  });
});
