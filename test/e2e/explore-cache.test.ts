// Explore's later visits start from the browser's cache: in Chromium with a profile on disk (a
// reader's browser), a second visit asks the server only whether the page changed, and takes
// the engine, its worker and the tables from the cache; the console then runs a query as before.
// The timing (how much sooner the engine is ready) is measured by `npm run bench -- --only=reader`.
import assert from "node:assert/strict";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { BrowserContext } from "playwright-core";
import { serveStatic } from "../../site/serve/static-server.ts";
import { launchChromiumProfile } from "./browser.ts";
import { DIST } from "./site.ts";

interface Answered {
  path: string;
  status: number;
}

/** The cache-control header the server sends for a path. */
const cacheControl = async (url: string) => (await fetch(url, { method: "HEAD" })).headers.get("cache-control");

describe("Explore on a second visit", () => {
  let server: Server;
  let origin = "";
  let profile = "";
  let context: BrowserContext;
  let answered: Answered[] = [];

  before(async () => {
    ({ server, url: origin } = await serveStatic(DIST));
    server.on("request", (request: IncomingMessage, response: ServerResponse) => {
      response.on("finish", () => answered.push({ path: request.url ?? "", status: response.statusCode }));
    });
    profile = await mkdtemp(join(tmpdir(), "explore-cache-"));
    context = await launchChromiumProfile(profile);
  });
  after(async () => {
    await context?.close();
    server?.closeAllConnections();
    server?.close();
    await rm(profile, { recursive: true, force: true });
  });

  /** Opens Explore with a query no example is, waits for its rows, and returns what the server answered meanwhile. */
  async function visit(): Promise<{ answered: Answered[]; status: string }> {
    answered = [];
    const page = await context.newPage();
    try {
      await page.goto(`${origin}/explore?sql=${encodeURIComponent("SELECT count(*)::INTEGER AS n FROM statistics")}`, { waitUntil: "domcontentloaded" });
      await page.waitForFunction(() => (document.querySelector(".explorer") as HTMLElement | null)?.dataset.engine === "ready", null, { timeout: 120_000 });
      await page.waitForFunction(() => /rows \(showing/.test(document.querySelector(".explorer-status")?.textContent ?? ""), null, { timeout: 60_000 });
      const cell = await page.locator(".explorer-results tbody td").first().textContent();
      assert.match(cell ?? "", /^[1-9]\d*$/, "the query answered with a count");
      return { answered, status: (await page.locator(".explorer-status").textContent()) ?? "" };
    } finally {
      await page.close();
    }
  }

  it("fetches the engine once; the second visit asks only about the page and runs the query", async () => {
    const first = await visit();
    const wasm = first.answered.find((a) => a.path.endsWith(".wasm"));
    assert.ok(wasm, "the first visit fetches the engine");
    assert.equal(wasm.status, 200);
    assert.match((await cacheControl(origin + wasm.path)) ?? "", /immutable/, "the engine's versioned URL is kept without asking");

    assert.equal(await cacheControl(`${origin}/explore`), "no-cache", "the page itself is revalidated");
    assert.ok(first.answered.filter((a) => a.path.endsWith(".csv")).length >= 10, "the first visit fetches the tables");

    const second = await visit();
    const fetched = second.answered.filter((a) => a.status === 200).map((a) => a.path);
    assert.deepEqual(fetched, [], "nothing is downloaded again");
    assert.ok(second.answered.some((a) => a.path.startsWith("/explore") && a.status === 304), "the page is revalidated: 304");
    assert.ok(second.answered.length <= 2, `the engine, its worker and the tables come from the cache (asked: ${second.answered.map((a) => a.path).join(", ")})`);
  });
});
