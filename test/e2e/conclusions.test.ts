// "What this shows" on the case pages: the thesis's own conclusions, quoted with their
// provenance, in the page's HTML (scripts off), each linking to its line in the annotated reader.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readConclusions } from "../../data-loaders/normalize/conclusions.ts";
import { RAW_DIR } from "../../data-loaders/paths.ts";
import { useSite } from "./site.ts";

const words = (text: string) => text.replace(/\s+/g, " ").trim();

describe("the case pages' conclusions, with scripts off", () => {
  const site = useSite();

  it("quote each conclusion of raw/*/conclusions.tsv as printed, with its section, line and a link to its line in the reader", async () => {
    const conclusions = await readConclusions(RAW_DIR);
    const pages = [...new Set(conclusions.map((c) => c.report_page))];
    for (const wanted of ["thesis/sinos-valley", "thesis/sialkot", "thesis/guadalajara"]) assert.ok(pages.includes(wanted), `${wanted} has conclusions`);
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      const reader = await context.newPage();
      for (const path of pages) {
        await page.goto(`${site.origin}/${path}`);
        const box = page.locator("main aside.what-this-shows");
        assert.equal(await box.count(), 1, `${path}: one box`);
        assert.equal(await box.locator("h2").textContent(), "What this shows");
        // It stands at the top: right after the page's title.
        assert.equal(await page.locator("main h1 + aside.what-this-shows").count(), 1, `${path}: the box follows the title`);
        const items = await box.locator("li").evaluateAll((lis) => lis.map((li) => ({ quote: li.querySelector("blockquote")!.textContent!, caption: li.querySelector("figcaption")!.textContent!, href: (li.querySelector("figcaption a") as HTMLAnchorElement).href })));
        const expected = conclusions.filter((c) => c.report_page === path);
        assert.deepEqual(items.map((i) => words(i.quote)), expected.map((c) => `“${c.quote}”`), `${path}: the quotes, as printed, in order`);
        for (const [i, c] of expected.entries()) {
          assert.ok(items[i]!.caption.includes(`section ${c.section}, line ${c.line}`), `${path}: ${items[i]!.caption}`);
          assert.equal(items[i]!.href, `${site.origin}/sources/${c.document}#line-${c.line}`);
          await reader.goto(items[i]!.href);
          const target = reader.locator(`[id="line-${c.line}"]`);
          assert.equal(await target.count(), 1, `${items[i]!.href}: its target exists`);
          // The reader's paragraph holding that line holds the quote's opening words (the census's bracketed reasons left out).
          const paragraph = words(
            await target.evaluate((el) => {
              const copy = (el.closest("p, h2") ?? el).cloneNode(true) as Element;
              for (const reason of copy.querySelectorAll(".census-reason")) reason.remove();
              return copy.textContent ?? "";
            }),
          );
          assert.ok(paragraph.includes(c.quote.split(" ").slice(0, 4).join(" ")), `${items[i]!.href}: the quote's opening is there`);
        }
      }
    } finally {
      await context.close();
    }
  });
});
