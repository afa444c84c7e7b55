// The survey's filters as a reader shares them: in the address, with a reset, options that
// narrow each other, counts that account for every match, and a summary that follows them.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Page } from "playwright-core";
import { useSite } from "./site.ts";

/** The numbers of the status line: "34 of 80 numbers match: 6 in the chart, 22 in …, 6 only in …". */
function statusNumbers(text: string): { matched: number; parts: number[] } {
  const matched = Number(/^(\d+) of \d+ numbers match/.exec(text)?.[1] ?? NaN);
  const parts = [...text.slice(text.indexOf(":")).matchAll(/(\d+) (?:in|only|not)/g)].map((m) => Number(m[1]));
  return { matched, parts };
}

describe("the survey's filters", () => {
  const site = useSite();
  const statusText = (page: Page) => page.locator(".filter-status").textContent().then((t) => t ?? "");

  it("live in the address: a reload reopens the same view, and reset clears it", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.origin}/survey`, { waitUntil: "networkidle" });
    await page.locator('select[name="cluster"]').selectOption("Sialkot");
    await page.locator(".filter-status", { hasText: "numbers match" }).waitFor();
    await page.locator('select[name="unit"]').selectOption("firms");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("unit") === "firms");
    const before = await statusText(page);
    assert.equal(new URL(page.url()).searchParams.get("cluster"), "Sialkot");
    await page.reload({ waitUntil: "networkidle" });
    await page.locator(".filter-status", { hasText: "numbers match" }).waitFor();
    assert.equal(await page.locator('select[name="cluster"]').inputValue(), "Sialkot");
    assert.equal(await page.locator('select[name="unit"]').inputValue(), "firms");
    assert.equal(await statusText(page), before);
    await page.locator("button.filter-reset").click();
    await page.locator(".filter-status", { hasText: "All" }).waitFor();
    assert.equal(new URL(page.url()).search, "");
    assert.equal(await page.locator('select[name="cluster"]').inputValue(), "");
    await page.close();
  });

  it("narrow each other's options, and account for every match", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.origin}/survey?country=India`, { waitUntil: "networkidle" });
    await page.locator(".filter-status", { hasText: "numbers match" }).waitFor();
    const sialkot = page.locator('select[name="cluster"] option[value="Sialkot"]');
    assert.ok(await sialkot.evaluate((o) => (o as HTMLOptionElement).disabled), "Sialkot is not in India");
    assert.match((await sialkot.textContent())!, /\(0\)$/);
    const agra = page.locator('select[name="cluster"] option[value="Agra"]');
    assert.ok(!(await agra.evaluate((o) => (o as HTMLOptionElement).disabled)));
    const { matched, parts } = statusNumbers(await statusText(page));
    assert.ok(matched > 0);
    assert.equal(parts.reduce((a, b) => a + b, 0), matched, await statusText(page));
    const all = Number(/\((\d+)\)$/.exec((await page.locator('select[name="country"] option[value="India"]').textContent())!)![1]);
    assert.equal(all, matched, "the option's count is the number of matches");
    await page.close();
  });

  it("recompute the summary whenever they change", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.origin}/survey?cluster=Sialkot`, { waitUntil: "networkidle" });
    await page.locator(".filter-status", { hasText: "numbers match" }).waitFor();
    await page.locator(".summarizer select").selectOption("unit");
    const total = async () => {
      const counts = await page.locator(".summarizer table tbody tr").evaluateAll((trs) => trs.map((tr) => Number(tr.querySelectorAll("td")[1]!.textContent)));
      return counts.reduce((a, b) => a + b, 0);
    };
    await page.locator(".summarizer table").waitFor({ timeout: 90_000 });
    assert.equal(await total(), statusNumbers(await statusText(page)).matched);
    await page.locator("button.filter-reset").click();
    await page.locator('select[name="country"]').selectOption("India");
    await page.locator(".filter-status", { hasText: "numbers match" }).waitFor();
    const india = statusNumbers(await statusText(page)).matched;
    await page.waitForFunction((n) => {
      const cells = [...document.querySelectorAll(".summarizer table tbody tr")].map((tr) => Number(tr.querySelectorAll("td")[1]!.textContent));
      return cells.reduce((a, b) => a + b, 0) === n;
    }, india, { timeout: 60_000 });
    assert.equal(await total(), india);
    await page.close();
  });
});
