import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readLedger } from "../../data-loaders/normalize/ledger.ts";
import { RAW_DIR } from "../../data-loaders/paths.ts";
import { useSite } from "./site.ts";


/** The marks of the survey chart's drawing the reader sees (one drawing per width and scale is in the page), one per number. */
const VISIBLE_MARKS = () =>
  [...document.querySelectorAll<SVGSVGElement>("#survey-table-1-chart svg")]
    .filter((svg) => svg.checkVisibility())
    .flatMap((svg) => [...svg.querySelectorAll<SVGElement>("a[data-stat]:not([tabindex='-1'])")])
    .filter((a) => a.style.display !== "none").length;

describe("live controls on the survey page", () => {
  const site = useSite();


  it("filters the chart, the table and the lists in place, with no database", async () => {
    const context = await site.browser.newContext();
    const wasm: string[] = [];
    context.on("request", (r) => {
      if (/\.wasm$|duckdb/.test(r.url())) wasm.push(r.url());
    });
    const page = await context.newPage();
    await page.goto(`${site.origin}/survey`, { waitUntil: "networkidle" });
    const visibleMarks = () => page.evaluate(VISIBLE_MARKS);
    const all = await visibleMarks();
    await page.locator('select[name="cluster"]').selectOption("Sialkot");
    await page.locator(".filter-status", { hasText: "numbers match" }).waitFor();
    const sialkot = (await readLedger(RAW_DIR)).statistics.filter((s) => s.document === "survey" && s.table === "Table-1" && s.row_label?.startsWith("Sialkot") && ["firms", "workers"].includes(s.unit));
    assert.equal(await visibleMarks(), sialkot.length);
    assert.ok(sialkot.length > 0 && sialkot.length < all);
    const listed = await page.locator("table.statistics tbody tr:not([hidden])").evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll("td")[1]!.textContent));
    assert.ok(listed.length > 0 && listed.every((subject) => subject === "Sialkot"), `lists show: ${listed.join(", ")}`);
    const dimmed = await page.locator("#survey-table-1 a.stat.filtered-out").count();
    const bright = await page.locator("#survey-table-1 a.stat:not(.filtered-out)").count();
    assert.ok(dimmed > 0 && bright > 0);
    assert.match((await page.locator(".filter-status").textContent())!, /numbers match/);
    await page.locator('select[name="cluster"]').selectOption("");
    await page.locator(".filter-status", { hasText: "All" }).waitFor();
    assert.equal(await visibleMarks(), all);
    assert.deepEqual(wasm, [], "filtering needs no database");
    await context.close();
  });

  it("keeps the filters on the drawing shown for a narrower window", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${site.origin}/survey`, { waitUntil: "networkidle" });
    const visibleMarks = () => page.evaluate(VISIBLE_MARKS);
    const shownWidth = () => page.locator("#survey-table-1-chart .chart-width:visible").getAttribute("data-width");
    await page.locator('select[name="cluster"]').selectOption("Sialkot");
    const status = page.locator(".filter-status", { hasText: "numbers match" });
    await status.waitFor();
    const [marks, text, wide] = [await visibleMarks(), await status.textContent(), await shownWidth()];
    await page.setViewportSize({ width: 420, height: 900 });
    assert.notEqual(await shownWidth(), wide, "a narrower drawing shows");
    assert.equal(await visibleMarks(), marks);
    assert.equal(await page.locator(".filter-status").textContent(), text);
    await page.close();
  });

  it("switches the chart between log and linear scales, keeping its marks", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.origin}/survey`, { waitUntil: "networkidle" });
    const chart = page.locator("#survey-table-1-chart svg:visible");
    const logSvg = await chart.innerHTML();
    const marks = await page.evaluate(VISIBLE_MARKS);
    await page.locator('select[name="scale"]').selectOption("linear");
    const linearSvg = await page.locator("#survey-table-1-chart svg:visible").innerHTML();
    assert.notEqual(linearSvg, logSvg);
    assert.equal(await page.evaluate(VISIBLE_MARKS), marks);
    await page.close();
  });

  it("starts DuckDB-WASM only when the reader asks for a count, which matches the filters", async () => {
    const context = await site.browser.newContext();
    const wasm: string[] = [];
    context.on("request", (r) => {
      if (/\.wasm$/.test(r.url())) wasm.push(r.url());
    });
    const page = await context.newPage();
    await page.goto(`${site.origin}/survey`, { waitUntil: "networkidle" });
    await page.locator('select[name="country"]').selectOption("India");
    await page.locator(".filter-status", { hasText: "numbers match" }).waitFor();
    assert.deepEqual(wasm, []);
    await page.locator(".summarizer select").selectOption("unit");
    await page.locator(".summarizer table").waitFor({ timeout: 60_000 });
    assert.equal(wasm.length, 1, "the WASM engine, once");
    const counts = await page.locator(".summarizer table tbody tr").evaluateAll((trs) => trs.map((tr) => Number(tr.querySelectorAll("td")[1]!.textContent)));
    const matched = Number(/^(\d+) of/.exec((await page.locator(".filter-status").textContent())!)![1]);
    assert.equal(counts.reduce((a, b) => a + b, 0), matched);
    assert.match((await page.locator(".summarizer a").getAttribute("href"))!, /explore\?sql=SELECT/);
    await context.close();
  });
});
