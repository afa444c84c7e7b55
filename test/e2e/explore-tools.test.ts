// Explore's reader tools: a shared link to one of the report's own queries answers before
// DuckDB-WASM is ready, progress while it starts, run on pick, downloads (CSV, Parquet), a
// short copy-link that reopens query, sort and page, the schema panel and the quick chart.
import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { DuckDBInstance } from "@duckdb/node-api";
import type { BrowserContext, Page, Route } from "playwright-core";
import { resultCsv } from "../../src/lib/result-files.ts";
import { DIST, useSite } from "./site.ts";

interface Example {
  file: string;
  sql: string;
  rows: Record<string, string | number | boolean | null>[];
}

async function builtExamples(): Promise<Example[]> {
  const folder = join(DIST, "_file", "data", "explore");
  const file = (await readdir(folder)).find((f) => /^queries\.[0-9a-f]+\.json$/.test(f));
  assert.ok(file, "no published queries.json");
  return JSON.parse(await readFile(join(folder, file), "utf8"));
}

const stem = (file: string) => file.replace(/\.sql$/, "");

describe("Explore's reader tools", () => {
  const site = useSite();
  let folder = "";
  before(async () => {
    folder = await mkdtemp(join(tmpdir(), "explore-downloads-"));
  });
  after(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  async function open(context: BrowserContext, search = ""): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${site.origin}/explore${search}`, { waitUntil: "domcontentloaded" });
    await page.locator(".explorer").waitFor();
    return page;
  }

  const status = async (page: Page, pattern = /rows \(showing|failed/) => {
    await page.waitForFunction((source) => new RegExp(source).test(document.querySelector(".explorer-status")?.textContent ?? ""), pattern.source, { timeout: 60_000 });
    return (await page.locator(".explorer-status").textContent()) ?? "";
  };
  const engineReady = (page: Page) => page.waitForFunction(() => (document.querySelector(".explorer") as HTMLElement | null)?.dataset.engine === "ready", null, { timeout: 90_000 });

  it("shows a shared example's rows from the build before DuckDB-WASM has even been fetched, with its progress shown", async () => {
    const example = (await builtExamples()).find((e) => e.rows.length > 1)!;
    const context = await site.browser.newContext();
    // Hold DuckDB's engine until the rows are checked: they cannot come from it.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked = false;
    await context.route(/\.wasm$/, async (route: Route) => {
      asked = true;
      await held;
      await route.continue();
    });
    try {
      const page = await open(context, `?q=${stem(example.file)}`);
      assert.match(await status(page), new RegExp(`^${example.rows.length} rows \\(showing 1–${Math.min(100, example.rows.length)}\\), from the build`));
      assert.equal(await page.locator(".explorer-table tbody tr").count(), Math.min(100, example.rows.length));
      const first = Object.values(example.rows[0]!).map((v) => (v === null ? "" : String(v)));
      assert.deepEqual(await page.locator(".explorer-table tbody tr").first().locator("td").allTextContents(), first);
      assert.notEqual(await page.locator(".explorer").getAttribute("data-engine"), "ready");
      await page.waitForFunction(() => !!document.querySelector(".explorer-engine:not([hidden]) progress"));
      assert.match((await page.locator(".explorer-engine").textContent()) ?? "", /DuckDB/);
      assert.equal(await page.locator("#sql-editor").inputValue(), example.sql);
      release();
      await engineReady(page);
      assert.ok(asked, "DuckDB's engine was asked for in the background");
      assert.ok(await page.locator(".explorer-engine").isHidden(), "the progress goes once DuckDB is ready");
    } finally {
      release();
      await context.close();
    }
  });

  it("runs an example when it is picked", async () => {
    const examples = await builtExamples();
    const context = await site.browser.newContext();
    try {
      const page = await open(context);
      const example = examples.at(-1)!;
      await page.locator("#sql-examples").selectOption(example.file);
      assert.match(await status(page), new RegExp(`^${example.rows.length} rows`));
      assert.equal(new URL(page.url()).searchParams.get("q"), stem(example.file));
    } finally {
      await context.close();
    }
  });

  it("downloads the result as CSV and as Parquet, every row in the order shown, under the query's name", async () => {
    const example = (await builtExamples()).find((e) => e.rows.length > 1 && Object.values(e.rows[0]!).some((v) => typeof v === "number"))!;
    const context = await site.browser.newContext({ acceptDownloads: true });
    try {
      const page = await open(context, `?q=${stem(example.file)}`);
      await status(page);
      const columns = Object.keys(example.rows[0]!);
      const [csv] = await Promise.all([page.waitForEvent("download"), page.locator("button.download-csv").click()]);
      assert.equal(csv.suggestedFilename(), `${stem(example.file)}.csv`);
      const csvPath = join(folder, csv.suggestedFilename());
      await csv.saveAs(csvPath);
      assert.equal(await readFile(csvPath, "utf8"), resultCsv(columns, example.rows.map((r) => columns.map((c) => r[c] ?? null))));

      const [parquet] = await Promise.all([page.waitForEvent("download"), page.locator("button.download-parquet").click()]);
      assert.equal(parquet.suggestedFilename(), `${stem(example.file)}.parquet`);
      const parquetPath = join(folder, parquet.suggestedFilename());
      await parquet.saveAs(parquetPath);
      const bytes = await readFile(parquetPath);
      assert.equal(bytes.subarray(0, 4).toString(), "PAR1");
      const instance = await DuckDBInstance.create(":memory:");
      const connection = await instance.connect();
      const read = (await connection.runAndReadAll(`SELECT * FROM '${parquetPath}'`)).getRowObjectsJS();
      connection.closeSync();
      instance.closeSync();
      assert.deepEqual(read, example.rows);
    } finally {
      await context.close();
    }
  });

  it("copies a short link that carries the query without its comments, the sort and the page, and reopens them", async () => {
    const context = await site.browser.newContext();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.origin });
    try {
      const page = await open(context);
      const sql = "-- how many numbers of each unit\nSELECT unit, count(*)::INTEGER AS numbers /* a note */\nFROM statistics\nGROUP BY unit";
      await page.locator("#sql-editor").fill(sql);
      await page.locator("button.run").click();
      await status(page);
      await page.locator(".explorer-table th button", { hasText: "numbers" }).click();
      await page.locator(".explorer-table th button", { hasText: "numbers" }).click();
      await page.waitForFunction(() => document.querySelector(".explorer-table th[aria-sort=descending]"));
      await status(page);
      const firstRow = await page.locator(".explorer-table tbody tr").first().locator("td").allTextContents();
      await page.locator("button.copy-link").click();
      const link = (await page.locator(".explorer-link a").getAttribute("href"))!;
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
      const params = new URL(link).searchParams;
      assert.equal(params.get("sql"), "SELECT unit, count(*)::INTEGER AS numbers FROM statistics GROUP BY unit");
      assert.equal(params.get("sort"), "numbers");
      assert.equal(params.get("desc"), "1");
      assert.ok(link.length < 200, link);

      const again = await context.newPage();
      await again.goto(link, { waitUntil: "domcontentloaded" });
      await status(again);
      assert.deepEqual(await again.locator(".explorer-table tbody tr").first().locator("td").allTextContents(), firstRow);
      assert.equal(await again.locator(".explorer-table th[aria-sort=descending]").textContent(), "numbers ▼");
    } finally {
      await context.close();
    }
  });

  it("opens the page a link names, and the schema panel inserts a name at the cursor", async () => {
    const context = await site.browser.newContext();
    try {
      const page = await open(context, `?sql=${encodeURIComponent("SELECT range AS n FROM range(250)")}&page=3`);
      assert.match(await status(page), /^250 rows \(showing 201–250\)/);
      // The link the page gives back carries the page too.
      await page.locator("button.copy-link").click();
      const link = new URL((await page.locator(".explorer-link a").getAttribute("href"))!);
      assert.equal(link.searchParams.get("page"), "3");
      assert.equal(link.searchParams.get("sql"), "SELECT range AS n FROM range(250)");
      await page.locator(".schema-panel > summary").click();
      await page.locator("#sql-editor").fill("SELECT * FROM ");
      await page.locator(".schema-table > summary .schema-name", { hasText: /^units$/ }).click();
      assert.equal(await page.locator("#sql-editor").inputValue(), "SELECT * FROM units");
      assert.ok((await page.locator(".schema-panel dd").first().textContent())!.length > 10, "columns carry the dictionary's descriptions");
    } finally {
      await context.close();
    }
  });

  it("draws the quick chart after the results, never by a line number, with the reader's x, y and mark", async () => {
    const context = await site.browser.newContext();
    try {
      const page = await open(context);
      await page.locator("#sql-editor").fill("SELECT id, line, subject, value FROM statistics WHERE value IS NOT NULL ORDER BY id LIMIT 5");
      await page.locator("button.run").click();
      await status(page);
      const order = await page.evaluate(() => {
        const root = document.querySelector(".explorer")!;
        const results = root.querySelector(".explorer-results")!;
        const chart = root.querySelector(".explorer-chart")!;
        return results.compareDocumentPosition(chart) & Node.DOCUMENT_POSITION_FOLLOWING;
      });
      assert.ok(order, "the chart follows the results");
      const label = (await page.locator(".quick-chart").getAttribute("aria-label"))!;
      assert.match(label, /^value by subject/);
      assert.equal(await page.locator(".quick-chart rect").count(), 5);
      await page.locator(".quick-chart-controls label", { hasText: "mark" }).locator("select").selectOption("dot");
      assert.equal(await page.locator(".quick-chart circle").count(), 5);
      await page.locator(".quick-chart-controls label", { hasText: /^y/ }).locator("select").selectOption({ label: "line" });
      assert.match((await page.locator(".quick-chart").getAttribute("aria-label"))!, /^line by subject/, "a line column when the reader asks for it");
    } finally {
      await context.close();
    }
  });
});
