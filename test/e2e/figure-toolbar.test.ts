// Every chart's toolbar (ISSUE-15, "Every chart"): on every page of dist/ that draws a chart,
// each chart has its Chart / Table / Sources views and its three downloads, in files of the right
// format (SVG that parses, PNG at twice the drawn width, CSV with as many rows as the Table
// view); its share link copies an address that reopens the page on the figure, highlighted and
// focused; without scripts the views are disclosures in the HTML. Diagrams get a link and an SVG.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import type { Download, Page } from "playwright-core";
import { builtPages, cellsSettled, DIST, useSite } from "./site.ts";

/** The pages whose HTML holds a chart or a diagram, read from dist/ (no browser needed to find them). */
async function pagesWithFigures(): Promise<{ path: string; charts: string[]; diagrams: string[] }[]> {
  const found = [];
  for (const path of await builtPages()) {
    const file = join(DIST, path === "/" ? "index.html" : path.endsWith("/") ? `${path}index.html` : `${path}.html`);
    const html = await readFile(file, "utf8");
    const charts = [...html.matchAll(/<figure class="chart"(?: id="([^"]*)")?/g)].map((m) => m[1] ?? "");
    const diagrams = [...html.matchAll(/<figure class="diagram"(?: id="([^"]*)")?/g)].map((m) => m[1] ?? "");
    if (charts.length || diagrams.length) found.push({ path, charts, diagrams });
  }
  return found;
}

const text = async (download: Download) => readFile((await download.path())!, "utf8");
const bytes = async (download: Download) => readFile((await download.path())!);

/** RFC 4180 records of a CSV text (quoted fields may hold commas, quotes and line ends). */
function csvRecords(csv: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  const endField = () => {
    record.push(field);
    field = "";
  };
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") endField();
    else if (c === "\n") {
      endField();
      records.push(record);
      record = [];
    } else field += c;
  }
  if (field || record.length) {
    endField();
    records.push(record);
  }
  return records;
}

/** Whether a text parses as an SVG document in the browser. */
const parsesAsSvg = (page: Page, svg: string) =>
  page.evaluate((s) => {
    const doc = new DOMParser().parseFromString(s, "image/svg+xml");
    return !doc.querySelector("parsererror") && doc.documentElement.localName === "svg" && doc.documentElement.namespaceURI === "http://www.w3.org/2000/svg";
  }, svg);

describe("figure toolbars", () => {
  const site = useSite();
  let pages: Awaited<ReturnType<typeof pagesWithFigures>> = [];
  before(async () => {
    pages = await pagesWithFigures();
  });

  it("finds the report's charts and diagrams, each with an id to link to", () => {
    const charts = pages.flatMap((p) => p.charts);
    assert.ok(charts.length >= 10, `charts found: ${charts.join(", ")}`);
    assert.ok(pages.some((p) => p.path === "/survey") && pages.some((p) => p.path === "/thesis/theory"));
    for (const id of [...charts, ...pages.flatMap((p) => p.diagrams)]) assert.match(id, /^[a-z0-9-]+$/, "every figure has an id");
  });

  it("gives every chart three views and three downloads of the right format, and every diagram a link and an SVG", async () => {
    const context = await site.browser.newContext({ acceptDownloads: true, viewport: { width: 1200, height: 900 } });
    try {
      for (const { path, charts, diagrams } of pages) {
        const page = await context.newPage();
        await page.goto(site.origin + path, { waitUntil: "networkidle" });
        await cellsSettled(page);
        for (const id of charts) {
          const figure = page.locator(`figure[id="${id}"]`);
          const where = `${path}#${id}`;
          const tabs = figure.getByRole("tab");
          assert.deepEqual(await tabs.allInnerTexts(), ["Chart", "Table", "Sources"], where);
          assert.ok(await figure.locator(".chart-drawing").isVisible(), `${where}: the chart shows first`);
          await figure.getByRole("tab", { name: "Table" }).click();
          const tableRows = await figure.locator(`#${id}-table-panel tbody tr`).count();
          assert.ok(tableRows > 0 && (await figure.locator(`#${id}-table-panel table`).isVisible()), `${where}: the Table view shows rows`);
          assert.ok(!(await figure.locator(".chart-drawing").isVisible()), `${where}: the Table view replaces the chart`);
          // The keyboard moves between the tabs with the arrow keys.
          await page.keyboard.press("ArrowRight");
          assert.equal(await figure.getByRole("tab", { name: "Sources" }).getAttribute("aria-selected"), "true", where);
          assert.ok(await figure.locator(`#${id}-sources-panel a[href*="explore?q="]`).isVisible(), `${where}: Sources links the query in Explore`);
          await figure.getByRole("tab", { name: "Chart" }).click();

          const [svg] = await Promise.all([page.waitForEvent("download"), figure.locator('a[data-format="svg"]').click()]);
          assert.equal(svg.suggestedFilename(), `${id}.svg`, where);
          const svgText = await text(svg);
          assert.match(svgText, /^<\?xml[^>]*>\n<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, `${where}: SVG`);
          assert.ok(await parsesAsSvg(page, svgText), `${where}: the SVG parses`);
          const drawnWidth = Number(/<svg [^>]*\bwidth="([\d.]+)"/.exec(svgText)?.[1]);

          const [png] = await Promise.all([page.waitForEvent("download"), figure.locator('button[data-format="png"]').click()]);
          const pngBytes = await bytes(png);
          assert.deepEqual([...pngBytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${where}: PNG magic`);
          assert.ok(pngBytes.readUInt32BE(16) >= 2 * drawnWidth, `${where}: PNG ${pngBytes.readUInt32BE(16)} px wide, drawn at ${drawnWidth}`);
          assert.equal(png.suggestedFilename(), `${id}.png`, where);

          const [csv] = await Promise.all([page.waitForEvent("download"), figure.locator('a[data-format="csv"]').click()]);
          const records = csvRecords(await text(csv));
          assert.equal(records[0]![0], "statistic_id", `${where}: CSV header`);
          assert.ok(records[0]!.includes("unit"), `${where}: CSV has units`);
          assert.equal(records.length - 1, tableRows, `${where}: the CSV has the Table view's rows`);
          assert.ok(records.every((r) => r.length === records[0]!.length), `${where}: every CSV record has every column`);
        }
        for (const id of diagrams) {
          const figure = page.locator(`figure[id="${id}"]`);
          assert.equal(await figure.locator("a.figure-share").getAttribute("href"), `#${id}`, `${path}#${id}`);
          const [svg] = await Promise.all([page.waitForEvent("download"), figure.locator('a[data-format="svg"]').click()]);
          assert.ok(await parsesAsSvg(page, await text(svg)), `${path}#${id}: the diagram's SVG parses`);
        }
        await page.close();
      }
    } finally {
      await context.close();
    }
  });

  it("copies a figure's address with its Link control; the address opens the page on the figure, highlighted and focused", async () => {
    const context = await site.browser.newContext({ viewport: { width: 375, height: 800 } });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.origin });
    try {
      const page = await context.newPage();
      await page.goto(`${site.origin}/thesis/sialkot`, { waitUntil: "networkidle" });
      await cellsSettled(page);
      const figure = page.locator("figure#table-6-chart");
      await figure.locator("a.figure-share").click();
      await page.waitForFunction(() => document.querySelector("#table-6-chart .figure-status")?.textContent === "Link copied");
      const address = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(address, `${site.origin}/thesis/sialkot#table-6-chart`);

      const opened = await context.newPage();
      await opened.goto(address, { waitUntil: "networkidle" });
      await cellsSettled(opened);
      await opened.waitForFunction(() => document.activeElement?.id === "table-6-chart");
      const state = await opened.evaluate(() => {
        const f = document.getElementById("table-6-chart")!;
        const box = f.getBoundingClientRect();
        return { target: f.matches(":target"), outline: getComputedStyle(f).outlineStyle, inView: box.top < innerHeight && box.bottom > 0 };
      });
      assert.deepEqual(state, { target: true, outline: "solid", inView: true });
    } finally {
      await context.close();
    }
  });

  it("without scripts, holds each chart's table and sources as disclosures, and links its SVG and CSV (the PNG needs the script)", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    try {
      for (const { path, charts } of pages.filter((p) => p.charts.length)) {
        const page = await context.newPage();
        await page.goto(site.origin + path, { waitUntil: "networkidle" });
        for (const id of charts) {
          const where = `${path}#${id}`;
          const figure = page.locator(`figure[id="${id}"]`);
          assert.equal(await figure.locator("details.figure-view > summary").count(), 2, where);
          await figure.locator(`#${id}-table > summary`).click();
          const rows = await figure.locator(`#${id}-table tbody tr`).count();
          assert.ok(rows > 0 && (await figure.locator(`#${id}-table table`).isVisible()), `${where}: the table opens`);
          assert.ok((await figure.locator(`#${id}-sources`).innerText()).includes("Sources"), where);
          assert.ok(!(await figure.locator('button[data-format="png"]').isVisible()), `${where}: no PNG button without scripts`);
          const csv = await page.request.get(new URL((await figure.locator('a[data-format="csv"]').getAttribute("href"))!, page.url()).href);
          assert.equal(csvRecords(await csv.text()).length - 1, rows, `${where}: the CSV file has the table's rows`);
          const svg = await page.request.get(new URL((await figure.locator('a[data-format="svg"]').getAttribute("href"))!, page.url()).href);
          assert.equal(svg.status(), 200, where);
        }
        await page.close();
      }
    } finally {
      await context.close();
    }
  });
});
