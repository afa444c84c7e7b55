// Site search (Framework's own, indexed at build time): a reader finds a cluster's page, a
// number's page by the words of its quote, and a glossary term; following a result lands there.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Page } from "playwright-core";
import { readGlossary } from "../../data-loaders/normalize/glossary.ts";
import { readLedger } from "../../data-loaders/normalize/ledger.ts";
import { RAW_DIR } from "../../data-loaders/paths.ts";
import { useSite } from "./site.ts";

describe("site search", () => {
  const site = useSite();

  async function search(page: Page, text: string): Promise<{ href: string; title: string }[]> {
    const input = page.locator("#observablehq-search input");
    await input.fill("");
    await input.fill(text);
    await page.locator("#observablehq-search-results ol li a").first().waitFor({ timeout: 30_000 });
    return page.locator("#observablehq-search-results ol li a").evaluateAll((as) => as.map((a) => ({ href: (a as HTMLAnchorElement).href, title: a.textContent ?? "" })));
  }

  it("finds a cluster, a number by its quote, and a glossary term, and its results lead there", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.origin}/survey`, { waitUntil: "networkidle" });
    await page.locator("#observablehq-search input").focus();

    const cluster = await search(page, "Sialkot");
    assert.ok(cluster.some((r) => new URL(r.href).pathname === "/thesis/sialkot"), JSON.stringify(cluster.slice(0, 5)));

    const statistic = (await readLedger(RAW_DIR)).statistics.find((s) => s.document === "thesis" && s.quote.split(" ").length >= 8)!;
    const words = statistic.quote.split(" ").slice(0, 8).join(" ");
    const numbers = await search(page, words);
    assert.ok(numbers.some((r) => new URL(r.href).pathname === `/numbers/${statistic.id}`), `${words}: ${JSON.stringify(numbers.slice(0, 5))}`);

    const term = (await readGlossary(RAW_DIR)).find((t) => t.term === "SEPROE")!;
    const terms = await search(page, term.term);
    const hit = terms.find((r) => new URL(r.href).pathname === "/glossary" && new URL(r.href).hash === `#${term.anchor}`);
    assert.ok(hit, JSON.stringify(terms.slice(0, 5)));

    await page.locator(`#observablehq-search-results a[href$="#${term.anchor}"]`).click();
    await page.waitForURL(/\/glossary#/);
    assert.equal(await page.locator(`#${term.anchor}`).count(), 1, "the term's entry is on the glossary page");
    assert.match((await page.locator(`#${term.anchor} + dd blockquote`).textContent())!, new RegExp(term.quote.slice(0, 20)));
    await page.close();
  });

  it("links the first use of a term on a page to the glossary, once per term, without scripts", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.origin}/thesis/sialkot`, { waitUntil: "domcontentloaded" });
    const links = await page.locator("a.glossary-term").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute("href")!));
    assert.ok(links.length > 0);
    assert.equal(new Set(links).size, links.length, "each term once");
    for (const href of links) assert.match(href, /^\.\.\/glossary#term-[a-z0-9-]+$/);
    const glossary = await context.newPage();
    await glossary.goto(`${site.origin}/glossary`, { waitUntil: "domcontentloaded" });
    for (const href of links) assert.equal(await glossary.locator(`#${href.split("#")[1]}`).count(), 1, href);
    await context.close();
  });
});
