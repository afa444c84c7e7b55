// A followed link lands on its target: whatever the anchor names (a figure, a
// printed table, a finding, a glossary term, a bibliography entry, a line of an annotated
// document, a heading), the target is the page's :target, is outlined, and has the focus, so
// the keyboard and a screen reader continue from there. Most of these targets are not
// focusable: the browser alone would leave the focus on the page (the few lines in
// observablehq.config.ts's head do it), which the "opened at the address" cases check too.
// (Endnotes, #note-<n>, are print's: hidden on screen, where nothing links to them.)
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { cellsSettled, DIST, useSite } from "./site.ts";

/** The first id matching `pattern` in a built page's HTML, with the tag that carries it. */
async function firstId(file: string, pattern: RegExp): Promise<{ id: string; tag: string }> {
  const html = await readFile(join(DIST, file), "utf8");
  const found = new RegExp(`<(\\w+)[^>]*\\sid="(${pattern.source})"`).exec(html);
  assert.ok(found, `${file}: no id matching ${pattern}`);
  return { tag: found[1]!, id: found[2]! };
}

/** What the page says of the element a fragment names. */
const landed = (page: Page, id: string) =>
  page.evaluate((anchor) => {
    const e = document.getElementById(anchor);
    return { target: e?.matches(":target") ?? false, focused: e !== null && document.activeElement === e, outlined: e ? getComputedStyle(e).outlineStyle === "solid" : false };
  }, id);

const focusOn = (page: Page, id: string) => page.waitForFunction((anchor) => document.activeElement?.id === anchor, id, { timeout: 10_000 });

describe("a followed anchor highlights and focuses its target", () => {
  const site = useSite();
  const cases: { name: string; path: string; id: string; tag: string }[] = [];

  before(async () => {
    const add = async (name: string, path: string, file: string, pattern: RegExp) => cases.push({ name, path, ...(await firstId(file, pattern)) });
    await add("a chart", "/thesis/sinos-valley", "thesis/sinos-valley.html", /table-\d+-chart/);
    await add("a printed table", "/thesis/sinos-valley", "thesis/sinos-valley.html", /table-\d+/);
    await add("a finding", "/audit", "audit.html", /finding-[a-z0-9.-]+/);
    await add("a glossary term", "/glossary", "glossary.html", /term-[a-z0-9-]+/);
    await add("a bibliography entry", "/bibliography", "bibliography.html", /work-[a-z0-9-]+/);
    await add("a line of an annotated document", "/sources/survey", "sources/survey.html", /line-\d+/);
    await add("a heading", "/survey", "survey.html", /the-[a-z0-9-]+/);
  });

  it("opened at the address, for every kind of target", async () => {
    const unfocusable: string[] = [];
    for (const c of cases) {
      const page = await site.browser.newPage();
      await page.goto(`${site.origin}${c.path}#${c.id}`, { waitUntil: "networkidle" });
      await cellsSettled(page);
      const tabindex = await page.evaluate((anchor) => document.getElementById(anchor)?.getAttribute("tabindex") ?? null, c.id);
      await focusOn(page, c.id).catch(() => {});
      assert.deepEqual(await landed(page, c.id), { target: true, focused: true, outlined: true }, `${c.name} (${c.tag}#${c.id} on ${c.path})`);
      if (tabindex === null || tabindex === "-1") unfocusable.push(c.name);
      await page.close();
    }
    // Most are elements no browser focuses by itself: the test proves the enhancer, not Chromium.
    assert.ok(unfocusable.length >= 5, `only ${unfocusable.join(", ")} needed the enhancer`);
  });

  it("followed by a click on the page: a link to a printed table, a bibliography index entry", async () => {
    for (const [path, selector] of [
      ["/survey", '#observablehq-main a[href^="#table-"]'],
      ["/bibliography", 'nav a[href^="#work-"]'],
    ] as const) {
      const page = await site.browser.newPage();
      await page.goto(`${site.origin}${path}`, { waitUntil: "networkidle" });
      await cellsSettled(page);
      const link = page.locator(selector).first();
      const id = decodeURIComponent(((await link.getAttribute("href")) ?? "").slice(1));
      await link.click();
      await focusOn(page, id).catch(() => {});
      assert.deepEqual(await landed(page, id), { target: true, focused: true, outlined: true }, `${path}: ${selector} → #${id}`);
      // Followed again once the focus has moved away: no hashchange, the same landing.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await link.click();
      await focusOn(page, id).catch(() => {});
      assert.equal((await landed(page, id)).focused, true, `${path}: the same link followed a second time`);
      await page.close();
    }
  });

  it("followed from another page: a glossary term's first use", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.origin}/survey`, { waitUntil: "networkidle" });
    await cellsSettled(page);
    const link = page.locator('a.glossary-term[href*="glossary#term-"]').first();
    const id = ((await link.getAttribute("href")) ?? "").replace(/^.*#/, "");
    await link.click();
    await page.waitForURL(`**/glossary#${id}`);
    // Pages start their scripts a frame after load: wait for them before asking about cells.
    await page.waitForLoadState("networkidle");
    await cellsSettled(page);
    await focusOn(page, id).catch(() => {});
    assert.deepEqual(await landed(page, id), { target: true, focused: true, outlined: true }, `/glossary#${id}`);
    await page.close();
  });

  it("leaves the focus on the page for a fragment that names nothing, and for the skip link's main", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.origin}/survey#no-such-anchor`, { waitUntil: "networkidle" });
    await cellsSettled(page);
    assert.equal(await page.evaluate(() => document.activeElement === document.body), true);
    await page.goto(`${site.origin}/glossary#observablehq-main`, { waitUntil: "networkidle" });
    await cellsSettled(page);
    assert.equal(await page.evaluate(() => document.getElementById("observablehq-main")?.hasAttribute("tabindex")), false);
    await page.close();
  });
});
