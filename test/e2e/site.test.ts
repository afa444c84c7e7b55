import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Route } from "playwright-core";
import { cellsSettled, useSite } from "./site.ts";

// cellsSettled is what the browser tests wait on before they check a page: it must not
// return on a page that has not finished.
describe("cellsSettled", () => {
  const site = useSite();

  it("fails on a page whose data never arrives, naming the page", async () => {
    const page = await site.browser.newPage();
    const held: Route[] = [];
    await page.route("**/_file/data/query/**", (route) => void held.push(route));
    await page.goto(`${site.origin}/survey`, { waitUntil: "load" });
    await assert.rejects(cellsSettled(page, 2_000), /\/survey: cells still running after 2000 ms/);
    assert.ok(held.length > 0, "the filters' file was asked for and held");
    await page.context().close();
  });

  it("returns once the late data has arrived and its cells have drawn", async () => {
    const page = await site.browser.newPage();
    const held: Route[] = [];
    let asked!: () => void;
    const requested = new Promise<void>((resolve) => (asked = resolve));
    await page.route("**/_file/data/query/survey-statistics-facets.*.json", (route) => {
      held.push(route);
      asked();
    });
    await page.goto(`${site.origin}/survey`, { waitUntil: "load" });
    await requested;
    const settled = cellsSettled(page);
    assert.equal(await page.locator(".statistic-filter").count(), 0, "the filters wait for their file");
    for (const route of held) await route.continue();
    await settled;
    assert.equal(await page.locator(".statistic-filter select").count() > 0, true, "the filters are drawn when cellsSettled returns");
    await page.context().close();
  });

  it("fails on a page with a failed cell, with the error", async () => {
    const page = await site.browser.newPage();
    await page.route("**/_file/data/query/survey-statistics-facets.*.json", (route) => route.fulfill({ status: 200, contentType: "application/json", body: "not json" }));
    await page.goto(`${site.origin}/survey`, { waitUntil: "load" });
    await assert.rejects(cellsSettled(page), /\/survey: cells failed: .*JSON/);
    await page.context().close();
  });
});
