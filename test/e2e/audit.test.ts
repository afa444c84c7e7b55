import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { useSite } from "./site.ts";


describe("the audit page", () => {
  const site = useSite();


  it("lists the failing checks first, and filters by table, kind and status", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.origin}/audit`, { waitUntil: "networkidle" });
    const rows = page.locator("table.audit tbody tr");
    const failing = await rows.count();
    assert.ok(failing > 0, "no failing check shown");
    assert.deepEqual(new Set(await rows.evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.status))), new Set(["fail"]));
    assert.ok((await page.locator("table.audit").innerText()).includes("133677"), "the Table #1 total finding");
    await page.getByLabel("Table").selectOption("Table #1");
    const table1 = await rows.count();
    assert.ok(table1 > 0 && table1 < failing);
    assert.ok((await rows.allInnerTexts()).every((t) => t.includes("Table #1")));
    await page.getByLabel("Status").selectOption("");
    assert.ok((await rows.count()) > table1, "all statuses of Table #1");
    await page.getByLabel("Kind").selectOption("total");
    assert.ok((await rows.allInnerTexts()).every((t) => /\btotal\b/.test(t)));
    await page.close();
  });

  it("links each failing check to its cells, which the reproduced table flags with the finding", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.origin}/audit`, { waitUntil: "networkidle" });
    const row = page.locator("table.audit tbody tr", { hasText: "133677" }).first();
    const links = row.locator("a[data-stat]");
    assert.ok((await links.count()) > 1);
    const total = links.filter({ hasText: "133677" }).first();
    const href = (await total.getAttribute("href"))!;
    const id = (await total.getAttribute("data-stat"))!;
    assert.match(href, new RegExp(`#stat-${id.replaceAll(".", "\\.")}$`));
    await page.goto(new URL(href, `${site.origin}/audit`).href, { waitUntil: "networkidle" });
    const cell = page.locator(`[id="stat-${id}"]`);
    await cell.waitFor();
    assert.match((await cell.getAttribute("class")) ?? "", /flagged/);
    assert.equal(await cell.getAttribute("data-finding-role"), "in_question");
    // The page has no script of its own: the number's button opens its card natively.
    await page.locator(`button.stat-source[popovertarget="source-${id}"]`).click();
    const card = page.locator(`[id="source-${id}"]`);
    await card.waitFor({ state: "visible" });
    assert.match(await card.innerText(), /Audit finding: .*133677/);
    await page.close();
  });

  it("links every statistic it names to an element with that anchor on the target page", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.origin}/audit`, { waitUntil: "networkidle" });
    await page.getByLabel("Status").selectOption("");
    const hrefs = [...new Set(await page.locator("a[data-stat]").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href)))];
    assert.ok(hrefs.length > 50);
    const byPage = new Map<string, string[]>();
    for (const href of hrefs) {
      const url = new URL(href);
      byPage.set(url.pathname, [...(byPage.get(url.pathname) ?? []), decodeURIComponent(url.hash.slice(1))]);
    }
    const missing: string[] = [];
    for (const [path, ids] of byPage) {
      const target = await site.browser.newPage();
      await target.goto(site.origin + path, { waitUntil: "networkidle" });
      const present = new Set(await target.evaluate((list) => list.filter((id) => document.getElementById(id)), ids));
      for (const id of ids) if (!present.has(id)) missing.push(`${path}#${id}`);
      await target.close();
    }
    assert.deepEqual(missing, []);
    await page.close();
  });
});
