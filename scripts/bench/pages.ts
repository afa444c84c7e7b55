// Every page of dist/ in headless Chromium: bytes before the first chart and in total (counted
// by the server, workers included), the time to the first visible chart, and to network idle.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { builtPages } from "../../site/build/built-pages.ts";
import type { CountingServer } from "./traffic.ts";

/** What a first chart is: a chart drawn at build time, a diagram, the map, or the explorer's quick bars. */
const CHART_SELECTOR = "figure.chart svg, figure.diagram svg, svg.quick-bars, .quick-bars svg";

export interface PageMetrics {
  path: string;
  /** Bytes the server sent (headers + gzip bodies) before the first chart was visible; null without a chart. */
  bytesBeforeFirstChart: number | null;
  bytesTotal: number;
  requests: number;
  /** From navigation start to the first visible chart, in ms; null without a chart. */
  firstChartMs: number | null;
  /** From navigation start to the first contentful paint, in ms (null if Chromium reported none). */
  firstContentfulPaintMs: number | null;
  /** The first chart's figure (its id or class). */
  firstChartIn: string | null;
  /** From navigation start to the last byte the server sent (Playwright's network idle follows 500 ms later). */
  networkIdleMs: number;
  /** Requests to any other host (there must be none: the report works offline). */
  foreignRequests: string[];
  errors: string[];
}

/**
 * Runs in the page before its own scripts: records, in performance.now() time (from navigation
 * start), when an element matching CHART_SELECTOR is first rendered with a size and not hidden.
 * Plain JavaScript text: a function would be serialized with the helpers tsx adds to it.
 */
const WATCH_FIRST_CHART = `(() => {
  const selector = ${JSON.stringify(CHART_SELECTOR)};
  const state = { firstChart: null, what: null };
  Object.defineProperty(window, "__bench", { value: state });
  const shown = (element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
  };
  const check = () => {
    if (state.firstChart !== null) return true;
    for (const element of document.querySelectorAll(selector)) {
      if (shown(element)) {
        state.firstChart = performance.now();
        const figure = element.closest("figure");
        state.what = (figure && (figure.id || figure.className)) || element.getAttribute("class");
        return true;
      }
    }
    return false;
  };
  const observer = new MutationObserver(() => {
    if (check()) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["class", "style", "hidden", "open"] });
  const frame = () => {
    if (!check()) requestAnimationFrame(frame);
    else observer.disconnect();
  };
  requestAnimationFrame(frame);
})();`;

/** A fresh context (empty cache, cache disabled) and page, with problems collected. */
export async function freshPage(browser: Browser, origin: string): Promise<{ context: BrowserContext; page: Page; foreign: string[]; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const foreign: string[] = [];
  const errors: string[] = [];
  context.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith("data:") && !url.startsWith("blob:")) foreign.push(url);
  });
  context.on("requestfailed", (request) => errors.push(`failed request: ${request.url()} ${request.failure()?.errorText ?? ""}`));
  const page = await context.newPage();
  page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console error: ${message.text()}`);
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  return { context, page, foreign, errors };
}

/** Opens one page in a fresh context and measures it (see PageMetrics). */
async function measurePage(browser: Browser, server: CountingServer, path: string): Promise<PageMetrics> {
  const { context, page, foreign, errors } = await freshPage(browser, server.url);
  try {
    await page.addInitScript({ content: WATCH_FIRST_CHART });
    server.reset();
    await page.goto(server.url + path, { waitUntil: "networkidle", timeout: 120_000 });
    // Framework fills cells after load; a cell still loading may yet draw a chart.
    await page.waitForFunction(() => !document.querySelector(".observablehq--loading"), null, { timeout: 10_000 }).catch(() => errors.push("cells still loading"));
    const { timeOrigin, firstChart, firstChartIn, fcp } = await page.evaluate(() => {
      const state = (window as unknown as { __bench: { firstChart: number | null; what: string | null } }).__bench;
      const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null;
      return { timeOrigin: performance.timeOrigin, firstChart: state.firstChart, firstChartIn: state.what, fcp };
    });
    const last = server.lastWrite();
    return {
      path,
      bytesBeforeFirstChart: firstChart === null ? null : server.bytesUntil(timeOrigin + firstChart),
      bytesTotal: server.bytesUntil(),
      requests: server.requests(),
      firstChartMs: firstChart,
      firstContentfulPaintMs: fcp,
      firstChartIn,
      networkIdleMs: last === null ? 0 : Math.max(0, last - timeOrigin),
      foreignRequests: foreign,
      errors,
    };
  } finally {
    await context.close();
  }
}

/** How many times each page is loaded: the run with the median time to first chart (or to network idle) is kept. */
export const RUNS = 3;

/**
 * Loads a page RUNS times, each in a fresh context, and keeps the median run (by time to first
 * chart, or to network idle for a page without a chart): others share this machine, and one
 * load can be slowed by their work.
 */
export async function measurePageMedian(browser: Browser, server: CountingServer, path: string): Promise<PageMetrics & { runsMs: (number | null)[] }> {
  const runs: PageMetrics[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await measurePage(browser, server, path));
  const key = (r: PageMetrics) => r.firstChartMs ?? r.networkIdleMs;
  const median = [...runs].sort((a, b) => key(a) - key(b))[RUNS >> 1]!;
  return { ...median, runsMs: runs.map((r) => r.firstChartMs) };
}

/** Measures every page of the site the server serves. */
export async function measurePages(browser: Browser, server: CountingServer, dist: string): Promise<PageMetrics[]> {
  const results: PageMetrics[] = [];
  for (const path of await builtPages(dist)) {
    const r = await measurePageMedian(browser, server, path);
    results.push(r);
    console.log(`  ${path}: first chart ${r.firstChartMs === null ? "none" : `${Math.round(r.firstChartMs)} ms (runs: ${r.runsMs.map((x) => Math.round(x ?? 0)).join(", ")})`}, ${Math.round(r.bytesTotal / 1000)} kB total`);
  }
  return results;
}
