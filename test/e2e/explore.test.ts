import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { Page } from "playwright-core";
import { builtPages, DIST, useSite } from "./site.ts";


interface Example {
  file: string;
  sql: string;
  rows: Record<string, unknown>[];
}

async function builtExamples(): Promise<Example[]> {
  const folder = join(DIST, "_file", "data", "explore");
  const file = (await readdir(folder)).find((f) => /^queries\.[0-9a-f]+\.json$/.test(f));
  assert.ok(file, "no published queries.json");
  return JSON.parse(await readFile(join(folder, file), "utf8"));
}

describe("the Explore page", () => {
  const site = useSite();


  async function openExplore(search = ""): Promise<Page> {
    const page = await site.browser.newPage();
    await page.goto(`${site.origin}/explore${search}`, { waitUntil: "domcontentloaded" });
    await page.locator(".explorer").waitFor();
    return page;
  }

  async function status(page: Page): Promise<string> {
    await page.waitForFunction(() => {
      const text = document.querySelector(".explorer-status")?.textContent ?? "";
      return /rows \(showing|failed|Cancelled/.test(text);
    }, null, { timeout: 60_000 });
    return (await page.locator(".explorer-status").textContent()) ?? "";
  }

  const queryAll = (page: Page, sql: string) =>
    page.evaluate((text) => (document.querySelector(".explorer") as unknown as { queryAll(s: string): Promise<unknown[]> }).queryAll(text), sql);

  it("runs a query given in the URL on load, and its answer matches build-time DuckDB", async () => {
    const example = (await builtExamples()).find((e) => e.file === "survey-table-1-coverage.sql")!;
    const page = await openExplore(`?sql=${encodeURIComponent(example.sql)}`);
    assert.match(await status(page), new RegExp(`^${example.rows.length} rows`));
    const shown = await page.locator(".explorer-table tbody tr").count();
    assert.equal(shown, example.rows.length);
    assert.deepEqual(await queryAll(page, example.sql), example.rows);
    await page.close();
  });

  it("returns, in the browser, exactly what build-time DuckDB returned for every example query", async () => {
    const examples = await builtExamples();
    assert.ok(examples.length >= 3);
    const page = await openExplore();
    for (const example of examples) {
      assert.deepEqual(await queryAll(page, example.sql), example.rows, example.file);
    }
    await page.close();
  });

  it("keeps the URL in step with the query the reader runs", async () => {
    const page = await openExplore();
    const sql = "SELECT document, count(*)::INTEGER AS n FROM statistics GROUP BY document ORDER BY document";
    await page.locator("#sql-editor").fill(sql);
    await page.locator("button.run").click();
    assert.match(await status(page), /^2 rows/);
    assert.equal(new URL(page.url()).searchParams.get("sql"), sql);
    assert.ok(await page.locator(".explorer-chart svg rect").count() === 2, "a quick chart of the category and the number");
    await page.close();
  });

  it("reaches no URL and changes nothing: external reads, writes and settings fail", async () => {
    const page = await openExplore();
    const attempts = [
      `SELECT * FROM read_text('${site.origin}/explore')`,
      `SELECT * FROM read_csv('${site.origin}/_file/data/csv/units.csv')`,
      "SELECT * FROM read_csv('https://example.com/x.csv')",
      "DROP TABLE statistics",
      "SELECT 1; DROP TABLE statistics",
      "SET enable_external_access = true",
    ];
    for (const sql of attempts) {
      await page.locator("#sql-editor").fill(sql);
      await page.locator("button.run").click();
      assert.match(await status(page), /failed/, sql);
      assert.ok((await page.locator(".explorer-error").textContent())!.length > 0);
    }
    assert.deepEqual(await queryAll(page, "SELECT count(*)::INTEGER AS n FROM statistics").then((r) => (r as { n: number }[])[0]!.n > 0), true);
    await page.close();
  });

  it("pages a million-row result instead of rendering it whole", async () => {
    const page = await openExplore();
    await page.locator("#sql-editor").fill("SELECT range AS n FROM range(1000000)");
    await page.locator("button.run").click();
    assert.match(await status(page), /^1,000,000 rows \(showing 1–100\)/);
    assert.equal(await page.locator(".explorer-table tbody tr").count(), 100);
    await page.getByRole("button", { name: "Next →" }).click();
    assert.match(await status(page), /showing 101–200/);
    assert.equal(await page.locator(".explorer-table tbody tr").first().locator("td").textContent(), "100");
    await page.close();
  });

  it("cancels a query that runs too long, and runs the next one", async () => {
    const page = await openExplore();
    await page.locator("#sql-editor").fill("SELECT count(*) FROM range(100000000000) a");
    await page.locator("button.run").click();
    await page.waitForFunction(() => document.querySelector(".explorer-status")?.textContent === "Running…", null, { timeout: 60_000 });
    await page.locator("button.cancel").click();
    assert.match(await status(page), /Cancelled/);
    await page.locator("#sql-editor").fill("SELECT 42 AS answer");
    await page.locator("button.run").click();
    assert.match(await status(page), /^1 rows/);
    await page.close();
  });

  it("is the only page that fetches DuckDB's WASM, and a reader who only reads fetches none", async () => {
    for (const path of (await builtPages()).filter((p) => p !== "/explore")) {
      const context = await site.browser.newContext();
      const fetched: string[] = [];
      context.on("request", (request) => {
        if (/\.wasm$|duckdb/i.test(request.url())) fetched.push(request.url());
      });
      const page = await context.newPage();
      await page.goto(site.origin + path, { waitUntil: "networkidle" });
      await page.mouse.wheel(0, 20_000);
      await page.waitForTimeout(300);
      assert.deepEqual(fetched, [], path);
      await context.close();
    }
  });
});
