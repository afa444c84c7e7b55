import assert from "node:assert/strict";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { readLedger } from "../../data-loaders/normalize/ledger.ts";
import { writeOutputs } from "../../data-loaders/publish/write-outputs.ts";
import { RAW_DIR } from "../../data-loaders/paths.ts";
import { queryOutputs } from "../../site/loader/ledger-database.ts";
import type { Statistic } from "../../data-loaders/normalize/statistic.ts";
import { collapseWhitespace } from "../../data-loaders/parse/text.ts";
import { builtPages, cellsSettled, useSite } from "./site.ts";

describe("every built page in Chromium", () => {
  const site = useSite();
  let outputs: string;
  let statistics: Map<string, Statistic>;

  before(async () => {
    const ledger = await readLedger(RAW_DIR);
    statistics = new Map(ledger.statistics.map((s) => [s.id, s]));
    outputs = await mkdtemp(join(tmpdir(), "e2e-outputs-"));
    await writeOutputs(ledger, outputs);
  });

  /** Opens a page and collects every problem a reader would hit: errors, failed or foreign requests. */
  async function open(path: string): Promise<{ page: Page; problems: string[] }> {
    const context = await site.browser.newContext({ viewport: { width: 1200, height: 900 } });
    const problems: string[] = [];
    context.on("request", (request) => {
      const url = request.url();
      if (!url.startsWith(`${site.origin}/`) && !url.startsWith("data:")) problems.push(`request to another host: ${url}`);
    });
    context.on("requestfailed", (request) => problems.push(`failed request: ${request.url()} ${request.failure()?.errorText}`));
    context.on("response", (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    const page = await context.newPage();
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console error: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    await page.goto(site.origin + path, { waitUntil: "networkidle" });
    await cellsSettled(page).catch((error: Error) => problems.push(error.message));
    return { page, problems };
  }

  it("finds the pages", async () => {
    const pages = await builtPages();
    assert.ok(pages.includes("/") && pages.includes("/survey"), `pages: ${pages.join(", ")}`);
  });

  it("loads every page with no error, no failed request and no request to another host", async () => {
    for (const path of await builtPages()) {
      const { page, problems } = await open(path);
      assert.deepEqual(problems, [], path);
      assert.equal(await page.locator("html").getAttribute("lang"), "en", `${path}: <html lang>`);
      await page.context().close();
    }
  });

  it("draws marks in every chart", async () => {
    let charts = 0;
    for (const path of await builtPages()) {
      const { page } = await open(path);
      const figures = page.locator("figure.chart");
      for (let i = 0; i < (await figures.count()); i++) {
        const marks = await figures.nth(i).locator("svg a[data-stat]").count();
        assert.ok(marks > 0, `${path}: chart ${i} has no marks`);
        charts++;
      }
      await page.context().close();
    }
    assert.ok(charts > 0, "no chart on any page");
  });

  it("shows every row and cell of every printed table as the normalized data has it", async () => {
    let tables = 0;
    for (const path of await builtPages()) {
      const { page } = await open(path);
      for (const table of await page.locator("table.printed").all()) {
        const key = (await table.getAttribute("data-table"))!;
        const expected = await queryOutputs(outputs, `SELECT DISTINCT row_order, column_order, row_label, column_label, row_group, cell FROM ${key.replaceAll("-", "_")} ORDER BY row_order, column_order`);
        // Every body row, printed row groups included: a group's label stands on a row of its own.
        // innerText: the text a reader sees (a number's note mark is for print only).
        const shown = await table.locator("tbody tr").evaluateAll((rows) =>
          rows.map((tr) => ({ group: tr.classList.contains("row-group"), key: tr.dataset.row ?? null, row: tr.querySelector("th")!.textContent, cells: [...tr.querySelectorAll("td")].map((td) => [td.dataset.column, td.innerText]) })),
        );
        const rowLabels = [...new Set(expected.map((e) => String(e.row_label)))];
        // What the reader sees, top to bottom: each group's label once, before its rows; each row under a group without the group's prefix.
        const seen: string[] = [];
        const printedRows = rowLabels.flatMap((label) => {
          const group = expected.find((e) => e.row_label === label)!.row_group as string | null;
          const head = group !== null && !seen.includes(group) ? [`group: ${group}`] : [];
          if (group !== null) seen.push(group);
          return [...head, group === null ? label : label.slice(group.length + 3)];
        });
        assert.deepEqual(shown.map((r) => (r.group ? `group: ${r.row}` : r.row)), printedRows, `${path} ${key}: rows`);
        const [meta] = await queryOutputs(outputs, `SELECT stub FROM tables WHERE key = '${key}'`);
        assert.equal(await table.locator("thead tr > :first-child").first().textContent(), meta!.stub, `${path} ${key}: the printed stub header`);
        for (const e of expected) {
          const row = shown.find((r) => r.key === e.row_label)!;
          const cell = row.cells.find(([column]) => column === e.column_label);
          assert.ok(cell, `${key}: no cell ${e.row_label} / ${e.column_label}`);
          assert.equal(collapseWhitespace(cell[1]!), collapseWhitespace(String(e.cell)), `${key}: ${e.row_label} / ${e.column_label}`);
        }
        tables++;
      }
      await page.context().close();
    }
    assert.ok(tables > 0, "no printed table on any page");
  });

  it("shows a number's quote and source on keyboard focus and on hover, beside the number and inside the window", async () => {
    const { page } = await open("/survey");
    const numbers = page.locator("table.printed a.stat");
    const count = await numbers.count();
    assert.ok(count > 10);
    const viewport = page.viewportSize()!;
    for (const index of [0, Math.floor(count / 2), count - 1]) {
      const link = numbers.nth(index);
      const id = (await link.getAttribute("data-stat"))!;
      await link.focus();
      const card = page.locator(`[id="source-${id}"]`);
      await card.waitFor({ state: "visible" });
      const text = collapseWhitespace(await card.innerText());
      const statistic = statistics.get(id)!;
      assert.ok(text.includes(statistic.quote), `card for ${id} lacks its quote`);
      assert.ok(text.includes(statistic.locator), `card for ${id} lacks its locator`);
      const box = (await card.boundingBox())!;
      assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height, `card for ${id} off screen: ${JSON.stringify(box)}`);
    }
    const mark = page.locator("figure.chart svg a[data-stat]:has(path)").first();
    const markId = (await mark.getAttribute("data-stat"))!;
    await mark.hover();
    const card = page.locator(`[id="source-${markId}"]`);
    await card.waitFor({ state: "visible" });
    assert.ok(collapseWhitespace(await card.innerText()).includes(statistics.get(markId)!.quote));
    await page.keyboard.press("Escape");
    await card.waitFor({ state: "hidden" });
    await page.context().close();
  });
});
