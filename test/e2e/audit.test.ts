import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { useSite } from "./site.ts";


describe("the audit page", () => {
  const site = useSite();


  it("lists the failing checks first, and filters by table, kind and status", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.origin}/audit?status=fail`, { waitUntil: "networkidle" });
    // The filters come after the first paint, on top of the static table.
    await page.locator(".audit-findings .filters").waitFor();
    const rows = page.locator("table.audit tbody tr:not([hidden])");
    const failing = await rows.count();
    assert.ok(failing > 0, "no failing check shown");
    assert.deepEqual(new Set(await rows.evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.status))), new Set(["fail"]));
    assert.ok((await page.locator("table.audit").innerText()).includes("133,677"), "the Table #1 total finding");
    await page.getByLabel("Table").selectOption("thesis Table #1");
    const table1 = await rows.count();
    assert.ok(table1 > 0 && table1 < failing);
    assert.ok((await rows.allInnerTexts()).every((t) => t.includes("Table #1")));
    await page.getByLabel("Status").selectOption("");
    assert.ok((await rows.count()) > table1, "all statuses of Table #1");
    await page.getByLabel("Kind").selectOption("total");
    assert.ok((await rows.allInnerTexts()).every((t) => /\btotal\b/.test(t)));
    await page.close();
  });

  it("shows the findings by class under a legend, one finding for Table #6's one problem, scope never failing", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.origin}/audit`, { waitUntil: "networkidle" });
    await page.locator(".findings-by-class .finding-legend").waitFor();
    for (const c of ["arithmetic", "internal", "across-documents", "scope", "restatement"]) assert.equal(await page.locator(`#findings-${c}`).count(), 1, c);
    const arithmetic = page.locator("#findings-arithmetic li[data-finding]");
    assert.equal(await arithmetic.filter({ hasText: "Change suppliers less often" }).count(), 1, "one finding, not one per check");
    assert.ok((await page.locator("#findings-arithmetic").innerText()).includes("88,083 + 15,181 + 5,935 + 23,132 + 1,296 = 133,627; printed 133,677"));
    assert.ok((await page.locator("#findings-scope").innerText()).includes("46.5 million"), "the Guadalajara production comparison is a scope note");
    await page.getByLabel("Status").selectOption("");
    await page.getByLabel("Kind").selectOption("reconciliation");
    const statuses = await page.locator("table.audit tbody tr:not([hidden])").evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.status));
    assert.ok(statuses.includes("explained") && !statuses.includes("fail") && !statuses.includes("not_applicable"), statuses.join(","));
    assert.ok((await page.locator("table.audit").innerText()).includes("compared with"));
    await page.close();
    // The findings and the search's counts are in the HTML itself: readers without scripts see them.
    const noScripts = await site.browser.newContext({ javaScriptEnabled: false });
    const bare = await noScripts.newPage();
    await bare.goto(`${site.origin}/audit`);
    assert.ok((await bare.locator("#findings-arithmetic").innerText()).includes("printed 133,677"));
    assert.match(await bare.locator(".search-counts caption").innerText(), /The search compared \d+ pairs/);
    assert.equal(await bare.locator('#findings-arithmetic a.stat[data-stat="thesis.t1.total.rgs.workers"]').first().getAttribute("data-finding-role"), "in_question");
    await noScripts.close();
  });

  it("links each failing check to its cells, which the reproduced table marks with the finding's class", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.origin}/audit`, { waitUntil: "networkidle" });
    const row = page.locator("table.audit tbody tr", { hasText: "133677" }).first();
    const links = row.locator("a[data-stat]");
    assert.ok((await links.count()) > 1);
    // Each number names its provenance (its own page) and links to where it stands in the report.
    const total = row.locator(".involved", { has: page.locator("a[data-stat]", { hasText: "133677" }) }).first();
    const id = (await total.locator("a[data-stat]").getAttribute("data-stat"))!;
    const href = (await total.locator("a.stands").getAttribute("href"))!;
    assert.match(href, new RegExp(`#stat-${id.replaceAll(".", "\\.")}$`));
    await page.goto(new URL(href, `${site.origin}/audit`).href, { waitUntil: "networkidle" });
    const cell = page.locator(`[id="stat-${id}"]`);
    await cell.waitFor();
    assert.equal(await cell.getAttribute("data-finding"), "arithmetic");
    assert.equal(await cell.getAttribute("data-finding-role"), "in_question");
    // A sector is only an input of that finding: the quiet mark, never the class's.
    const sector = page.locator('[data-stat="thesis.t1.footwear-producers.rgs.workers"]').first();
    assert.equal(await sector.getAttribute("data-finding-role"), "input");
    // Table #1's Sinos Valley totals add up: no contradiction mark (reader 2).
    for (const ok of ["thesis.t1.total.sinos.firms", "thesis.t1.total.sinos.workers"]) {
      const role = await page.locator(`[data-stat="${ok}"]`).first().getAttribute("data-finding");
      assert.ok(role === null || role === "scope" || role === "restatement", `${ok}: ${role}`);
    }
    assert.ok((await page.locator("figure.printed-table .finding-legend").count()) > 0, "a legend beside the marked table");
    // The page has no script of its own: the number's button opens its card natively.
    await page.locator(`button.stat-source[popovertarget="source-${id}"]`).click();
    const card = page.locator(`[id="source-${id}"]`);
    await card.waitFor({ state: "visible" });
    assert.match(await card.innerText(), /Arithmetic: .*133,677/);
    await page.close();
  });

  it("links every statistic it names to an element with that anchor on the target page", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.origin}/audit`, { waitUntil: "networkidle" });
    // The checks' links to where each number stands (page#stat-<id>).
    const hrefs = [...new Set(await page.locator("a.stands").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href).filter((h) => new URL(h).hash !== "")))];
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

describe("the audit page without scripts", () => {
  const site = useSite();

  it("holds every check and every comparison in its HTML, the same cells as with scripts, each number a provenance link", async () => {
    const cells = async (javaScriptEnabled: boolean) => {
      const context = await site.browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(`${site.origin}/audit`, { waitUntil: "networkidle" });
      const read = (selector: string) => page.locator(selector).evaluateAll((cs) => cs.map((c) => (c.textContent ?? "").trim()));
      const result = {
        checks: await read("table.audit tbody tr:not([hidden]) > *"),
        reconciliation: await read("table.reconciliation tbody tr > *"),
        stats: await page.locator("table.audit a.stat[data-stat], table.reconciliation a.stat[data-stat]").count(),
        summary: await page.locator(".audit-summary").innerText(),
      };
      await context.close();
      return result;
    };
    const [bare, scripted] = [await cells(false), await cells(true)];
    assert.ok(bare.checks.length > 100 * 8, `${bare.checks.length} cells`);
    assert.ok(bare.reconciliation.length > 30 * 6, `${bare.reconciliation.length} cells`);
    assert.ok(bare.stats > 100);
    assert.match(bare.summary, /^\d+ findings: .* \d+ checks: \d+ fail/);
    assert.deepEqual(bare, scripted);
  });
});
