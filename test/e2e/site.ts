import type { Server } from "node:http";
import { join } from "node:path";
import { after, before } from "node:test";
import type { Browser, Page } from "playwright-core";
import { PROJECT_ROOT } from "../../data-loaders/paths.ts";
import { builtPages as pagesIn } from "../../site/build/built-pages.ts";
import { serveStatic } from "../../site/serve/static-server.ts";
import { launchChromium } from "./browser.ts";

export const DIST = join(PROJECT_ROOT, "dist");

/**
 * The paths of the pages in dist/, as a reader requests them (`/`, `/survey`, …), 404 left out.
 * Of the number pages (numbers/<id>, one per statistic, all filled from one template by
 * site/numbers/number-pages.ts) the browser suites visit the index and three: the first and last
 * of each document are enough to catch a template fault; test/e2e/number-pages.test.ts reads
 * every one of them.
 */
export const builtPages = async () => {
  const pages = await pagesIn(DIST);
  const numbers = pages.filter((p) => p.startsWith("/numbers/") && p !== "/numbers/");
  const sample = new Set([numbers.find((p) => p.startsWith("/numbers/survey.")), numbers.findLast((p) => p.startsWith("/numbers/survey.")), numbers.at(-1)]);
  return pages.filter((p) => !p.startsWith("/numbers/") || p === "/numbers/" || sample.has(p));
};

/** Every page in dist/, the number pages included. */
export const allBuiltPages = () => pagesIn(DIST);

/**
 * Serves dist/ on 127.0.0.1 and starts Chromium for the tests of the enclosing suite; both
 * stop after it. Read `site.origin` and `site.browser` inside the tests.
 */
export function useSite(): { origin: string; browser: Browser } {
  const site = {} as { origin: string; browser: Browser; server: Server };
  before(async () => {
    const { server, url } = await serveStatic(DIST);
    const browser = await launchChromium();
    // Every page the tests open (browser.newPage opens a context too) can be waited on with cellsSettled.
    const newContext = browser.newContext.bind(browser);
    browser.newContext = async (options) => {
      const context = await newContext(options);
      await context.addInitScript(WATCH_CELLS);
      return context;
    };
    Object.assign(site, { server, origin: url, browser });
  });
  after(async () => {
    await site.browser?.close();
    site.server?.close();
  });
  return site;
}

/**
 * Runs in each page before its own scripts and records every Observable runtime the page
 * makes, for cellsSettled. Framework 1.13 gives no "done" event and its client module exports
 * no handle on its runtime; the runtime (v6) makes its private state in one
 * Object.defineProperties call, which this recognizes by the fields cellsSettled reads. Being
 * in place before any page script, it cannot miss a runtime.
 */
const WATCH_CELLS = `(() => {
  const runtimes = new Set();
  Object.defineProperty(window, "__observablehqRuntimes", { value: runtimes });
  const defineProperties = Object.defineProperties;
  Object.defineProperties = function (target, properties) {
    if (properties && "_computing" in properties && "_variables" in properties) runtimes.add(target);
    return defineProperties.call(this, target, properties);
  };
})();`;

/**
 * Waits until Framework has run every cell of the page: no cell is computing or waiting on a
 * promise (a file, a module, a query), no cell shows its loading placeholder, and none failed.
 * Rejects, naming the page and what is left, when that does not come within `timeout` ms: a
 * page that never finishes fails the test instead of being checked half-drawn. For pages
 * opened through useSite()'s browser (see WATCH_CELLS); it reads the runtime's private fields
 * (Observable runtime 6), checked first, so a change of Framework breaks it loudly.
 */
export async function cellsSettled(page: Page, timeout = 30_000): Promise<void> {
  // A string, not a function: tsx names inner functions with a helper the page does not have.
  const problem = (await page.evaluate(`(${SETTLE_CELLS})(${timeout})`)) as string | null;
  if (problem) throw new Error(`${page.url()}: ${problem}`);
}

/** The page's side of cellsSettled: the problem, or null once every cell has settled. */
const SETTLE_CELLS = `async (timeout) => {
  if (!window.__observablehqRuntimes) return "the page was opened outside useSite(), which watches its cells";
  // Pages start Framework a frame (at most 250 ms) after load: wait for its runtime that long, and more.
  const until = performance.now() + Math.min(timeout, 5000);
  while (window.__observablehqRuntimes.size === 0 && performance.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
  const runtimes = [...window.__observablehqRuntimes];
  if (runtimes.length === 0) return "no Observable runtime on the page (has Framework's runtime changed?)";
  if (runtimes.some((r) => !(r._variables instanceof Set) || !("_computing" in r))) return "Framework's runtime has changed: no _variables or _computing";
  const reachable = (runtime) => [...runtime._variables].filter((v) => v._reachable);
  const settle = async (runtime) => {
    for (;;) {
      await runtime._computing;
      const variables = reachable(runtime);
      const promises = variables.map((v) => v._promise);
      await Promise.allSettled(promises);
      // Values that just arrived may start more cells: give the runtime a frame to schedule them.
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const now = reachable(runtime);
      if (runtime._computing === null && now.length === variables.length && now.every((v, i) => v === variables[i] && v._promise === promises[i])) return;
    }
  };
  const timedOut = await Promise.race([
    Promise.all(runtimes.map(settle)).then(() => false),
    new Promise((resolve) => setTimeout(() => resolve(true), timeout)),
  ]);
  if (timedOut) return "cells still running after " + timeout + " ms";
  if (document.querySelector("observablehq-loading")) return "a cell still shows its loading placeholder";
  const errors = [...document.querySelectorAll(".observablehq--error")].map((e) => e.textContent.trim());
  return errors.length ? "cells failed: " + errors.join("; ") : null;
}`;
