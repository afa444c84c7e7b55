import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { builtPages, cellsSettled, useSite } from "./site.ts";

describe("a page opened with a malformed #fragment", () => {
  const site = useSite();

  it("draws every cell and throws nothing, whatever the fragment", async () => {
    const fragments = ["#%E0%A4%A", "#stat-%", "#%", "#stat-%zz"];
    const pages = await builtPages();
    assert.ok(pages.length >= 10, `${pages.length} pages`);
    for (const path of pages) {
      for (const fragment of fragments) {
        const page = await site.browser.newPage();
        const errors: string[] = [];
        page.on("pageerror", (error) => errors.push(error.message));
        await page.goto(`${site.origin}${path}${fragment}`, { waitUntil: "load" });
        await cellsSettled(page);
        // Tables and charts look for the fragment's target in the frame after they are drawn.
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        assert.deepEqual(errors, [], `${path}${fragment}`);
        await page.close();
      }
    }
  });
});
