// The Explore page: DuckDB-WASM's cold start (page load → the explorer answers `SELECT 1`, which
// starts the engine and loads every published table) and the warm latency of each example query
// (the build's own .sql files, as published in queries.json), median of 5 runs.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { freshPage } from "./pages.ts";
import type { CountingServer } from "./traffic.ts";

export interface ExploreMetrics {
  /** From navigation start until the explorer element is on the page. */
  explorerShownMs: number;
  /** The first `queryAll("SELECT 1")`: DuckDB-WASM started and every table loaded. */
  coldStartMs: number;
  /** From navigation start until that first query answered. */
  readyFromNavigationMs: number;
  /** Bytes the server sent from navigation start until ready (the engine, the worker, the tables). */
  bytesUntilReady: number;
  queries: { file: string; medianMs: number; runsMs: number[]; rows: number }[];
  errors: string[];
}

const RUNS = 5;

async function publishedExamples(dist: string): Promise<{ file: string; sql: string }[]> {
  const folder = join(dist, "_file", "data", "explore");
  const file = (await readdir(folder)).find((f) => /^queries\.[0-9a-f]+\.json$/.test(f));
  if (!file) throw new Error(`no published queries.json in ${folder}: build the report first`);
  return JSON.parse(await readFile(join(folder, file), "utf8"));
}

/** Times one queryAll call in the page (performance.now() around it), with its row count. */
function timeQuery(page: Page, sql: string): Promise<{ start: number; end: number; rows: number }> {
  return page.evaluate(async (text) => {
    const explorer = document.querySelector(".explorer") as unknown as { queryAll(s: string): Promise<unknown[]> };
    const start = performance.now();
    const rows = await explorer.queryAll(text);
    return { start, end: performance.now(), rows: rows.length };
  }, sql);
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

export async function measureExplore(browser: Browser, server: CountingServer, dist: string): Promise<ExploreMetrics> {
  const examples = await publishedExamples(dist);
  const { context, page, errors } = await freshPage(browser, server.url);
  try {
    server.reset();
    await page.goto(`${server.url}/explore`, { waitUntil: "domcontentloaded", timeout: 120_000 });
    await page.locator(".explorer").waitFor({ timeout: 60_000 });
    const shown = await page.evaluate(() => performance.now());
    const cold = await timeQuery(page, "SELECT 1");
    const timeOrigin = await page.evaluate(() => performance.timeOrigin);
    const queries: ExploreMetrics["queries"] = [];
    for (const example of examples) {
      const runs: number[] = [];
      let rows = 0;
      for (let i = 0; i < RUNS; i++) {
        const run = await timeQuery(page, example.sql);
        runs.push(run.end - run.start);
        rows = run.rows;
      }
      queries.push({ file: example.file, medianMs: median(runs), runsMs: runs, rows });
    }
    return {
      explorerShownMs: shown,
      coldStartMs: cold.end - cold.start,
      readyFromNavigationMs: cold.end,
      bytesUntilReady: server.bytesUntil(timeOrigin + cold.end),
      queries,
      errors,
    };
  } finally {
    await context.close();
  }
}
