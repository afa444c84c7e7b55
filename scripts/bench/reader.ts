// What a reader of Explore waits for, in one run: (a) a shared link to one of the report's own
// queries (its rows come from the build's result) against a new query on a cold page (its rows
// wait for DuckDB-WASM), each in a new browser with an empty profile; (b) the same new query on
// a second visit in the same browser, which starts from the browser's cache; (c) whether any page but Explore fetches the engine (.wasm).
// Times are from navigation start to the first result row on screen, bytes as the server
// counts them (workers' requests included); RUNS runs each, the median kept.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { builtPages } from "../../site/build/built-pages.ts";
import { launchChromiumProfile } from "../../test/e2e/browser.ts";
import type { CountingServer } from "./traffic.ts";

/** One visit to Explore: when its first result row and its engine were there, and what it cost. */
export interface ExploreVisit {
  /** From navigation start to the first result row on screen. */
  rowsMs: number;
  /** From navigation start until DuckDB-WASM had every table loaded (null if it had not within the wait). */
  engineReadyMs: number | null;
  /** Bytes the server sent for the visit (headers and gzip bodies, workers' requests included), up to the engine ready. */
  bytes: number;
  requests: number;
  /** Of those, answered 304 Not Modified (the browser asked whether its copy still holds). */
  notModified: number;
}

export interface ReaderMetrics {
  /** The example the shared link names (`?q=<stem>`). */
  example: string;
  /** The new query (not one of the examples) a reader types. */
  query: string;
  runs: number;
  /** Shared link to the report's own query, cold page (fresh browser, empty cache). */
  sharedLink: ExploreVisit[];
  /** The new query, cold page (fresh browser, empty cache). */
  coldQuery: ExploreVisit[];
  /** The new query again, on a second visit in the same browser after a cold one. */
  warmQuery: ExploreVisit[];
  /** Every page but Explore, and the .wasm files it fetched (there must be none). */
  wasmByPage: { path: string; wasm: string[] }[];
  errors: string[];
}

export const READER_RUNS = 3;
/** A query no example is: grouped counts over the ledger, a few rows. */
export const NEW_QUERY = "SELECT document, count(*)::INTEGER AS numbers FROM statistics GROUP BY document ORDER BY document";
/** The example the shared link opens: the first the page lists, as a copied link would name it. */
async function firstExample(dist: string): Promise<string> {
  const folder = join(dist, "_file", "data", "explore");
  const file = (await readdir(folder)).find((f) => /^queries\.[0-9a-f]+\.json$/.test(f));
  if (!file) throw new Error(`no published queries.json in ${folder}: build the report first`);
  const examples = JSON.parse(await readFile(join(folder, file), "utf8")) as { file: string; rows?: unknown[] }[];
  const example = examples.find((e) => (e.rows?.length ?? 0) > 0);
  if (!example) throw new Error("no example query carries the build's rows");
  return example.file.replace(/\.sql$/, "");
}

/**
 * Runs in the page before its own scripts: records, in performance.now() time, when the first
 * result row is on screen and when the explorer says its engine is ready. Plain JavaScript text
 * (a function would be serialized with the helpers tsx adds to it).
 */
const WATCH_EXPLORE = `(() => {
  const state = { rows: null, ready: null };
  Object.defineProperty(window, "__reader", { value: state });
  const check = () => {
    if (state.rows === null) {
      const row = document.querySelector(".explorer-results tbody tr");
      if (row && row.getBoundingClientRect().height > 0) state.rows = performance.now();
    }
    if (state.ready === null && document.querySelector('.explorer[data-engine="ready"]')) state.ready = performance.now();
    return state.rows !== null && state.ready !== null;
  };
  const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-engine"] });
})();`;

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
export const medianOf = (visits: readonly ExploreVisit[], field: "rowsMs" | "bytes") => median(visits.map((v) => v[field]));
export const medianReady = (visits: readonly ExploreVisit[]) => {
  const ready = visits.map((v) => v.engineReadyMs).filter((v): v is number => v !== null);
  return ready.length ? median(ready) : null;
};

/** A first-time reader's browser: a profile on disk (its HTTP cache empty, and on), in a fresh folder. */
async function readerBrowser(errors: string[]): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const folder = await mkdtemp(join(tmpdir(), "bench-reader-"));
  const context = await launchChromiumProfile(folder, { viewport: { width: 1200, height: 900 } });
  await watch(context, errors);
  return {
    context,
    close: async () => {
      await context.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

async function watch(context: BrowserContext, errors: string[]): Promise<void> {
  await context.addInitScript({ content: WATCH_EXPLORE });
  context.on("requestfailed", (request) => errors.push(`failed request: ${request.url()} ${request.failure()?.errorText ?? ""}`));
}

/** Opens `path` in a new page of the context and waits for the first row and the engine. */
async function visit(context: BrowserContext, server: CountingServer, path: string, errors: string[]): Promise<ExploreVisit> {
  const page: Page = await context.newPage();
  page.on("pageerror", (error) => errors.push(`page error on ${path}: ${error.message}`));
  try {
    server.reset();
    await page.goto(server.url + path, { waitUntil: "domcontentloaded", timeout: 120_000 });
    await page.waitForFunction(() => {
      const s = (window as unknown as { __reader: { rows: number | null; ready: number | null } }).__reader;
      return s.rows !== null && s.ready !== null;
    }, null, { timeout: 120_000, polling: 100 });
    const { rows, ready, origin } = await page.evaluate(() => {
      const s = (window as unknown as { __reader: { rows: number; ready: number } }).__reader;
      return { rows: s.rows, ready: s.ready, origin: performance.timeOrigin };
    });
    return { rowsMs: rows, engineReadyMs: ready, bytes: server.bytesUntil(origin + Math.max(rows, ready)), requests: server.requests(), notModified: server.statusCount(304) };
  } finally {
    await page.close();
  }
}

export async function measureReader(browser: Browser, server: CountingServer, dist: string, log: (line: string) => void): Promise<ReaderMetrics> {
  const example = await firstExample(dist);
  const errors: string[] = [];
  const metrics: ReaderMetrics = { example, query: NEW_QUERY, runs: READER_RUNS, sharedLink: [], coldQuery: [], warmQuery: [], wasmByPage: [], errors };
  const sharedPath = `/explore?q=${encodeURIComponent(example)}`;
  const queryPath = `/explore?${new URLSearchParams({ sql: NEW_QUERY })}`;
  for (let run = 0; run < READER_RUNS; run++) {
    // Alternated, so that a burst of others' work on the machine falls on both kinds alike.
    const shared = await readerBrowser(errors);
    try {
      metrics.sharedLink.push(await visit(shared.context, server, sharedPath, errors));
    } finally {
      await shared.close();
    }
    // A browser with a profile on disk, as a reader's: Playwright's usual contexts keep their
    // cache in memory, where Chromium does not keep a file as large as the engine.
    const reader = await readerBrowser(errors);
    try {
      metrics.coldQuery.push(await visit(reader.context, server, queryPath, errors));
      metrics.warmQuery.push(await visit(reader.context, server, queryPath, errors));
    } finally {
      await reader.close();
    }
    const [s, c, w] = [metrics.sharedLink.at(-1)!, metrics.coldQuery.at(-1)!, metrics.warmQuery.at(-1)!];
    log(`  run ${run + 1}: shared link rows ${Math.round(s.rowsMs)} ms; new query cold ${Math.round(c.rowsMs)} ms (${Math.round(c.bytes / 1000)} kB), warm ${Math.round(w.rowsMs)} ms (${Math.round(w.bytes / 1000)} kB, ${w.notModified} of ${w.requests} answered 304)`);
  }
  // (c) Every other page, in one fresh context each, loaded until the network is idle.
  // Of the number pages (one template), the index and the first.
  const pages = await builtPages(dist);
  const firstNumber = pages.find((p) => p.startsWith("/numbers/") && p !== "/numbers/");
  for (const path of pages.filter((p) => p !== "/explore" && (!p.startsWith("/numbers/") || p === "/numbers/" || p === firstNumber))) {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      server.reset();
      await page.goto(server.url + path, { waitUntil: "networkidle", timeout: 120_000 });
      metrics.wasmByPage.push({ path, wasm: server.paths().filter((p) => /\.wasm(\?|$)/.test(p)) });
    } finally {
      await context.close();
    }
  }
  return metrics;
}
